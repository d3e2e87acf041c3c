/**
 * The hits of the matcher's windows, kept by each window's exact text for
 * the rest of one findAll call. A page names the same people and places
 * again and again (in the bench's 1 MB of news, 77-82% of candidate words
 * begin the same two words as an earlier one), and a repeated window then
 * costs finding where its words end, hashing them and comparing them with
 * the earlier window's, instead of normalising, folding and walking the
 * trie again.
 *
 * A window's hits depend on its text alone when it starts between words,
 * ends at the end of a word with more text after it, and starts at or after
 * the end of the layer's last hit. The matcher notes only such windows, and
 * none whose hits read the text around them (an acronym's check reads its
 * line). A window is known by its text, compared char by char with the
 * earlier one's; the hash only finds where to look.
 */
import type { AliasMatch } from './types';
import { endOfWords } from './wordSkeleton';

/** replay's answer when the memo does not know the window. */
export const UNKNOWN_WINDOW = -1;

interface KnownWindow {
  /** Where its text is in the page: text[start, start + length). */
  start: number;
  length: number;
  /** Null when a key could go on past it: look up the window one word longer. */
  hits: AliasMatch[] | null;
  /** The candidate word's length: the same text, the same first word; checked all the same. */
  firstWord: number;
  /** Where the last hit ends, relative to the window (-1: no hit). */
  resume: number;
}

const FIRST_SLOTS = 1 << 10;

export class WindowMemo {
  private readonly known: KnownWindow[] = [];
  /** Open addressing: per slot, the index in `known` + 1 (0: empty), and that window's hash. */
  private slots = new Int32Array(FIRST_SLOTS);
  private hashes = new Int32Array(FIRST_SLOTS);

  constructor(private readonly text: string) {}

  /**
   * Appends the hits of the window of `firstWords` words (and more, as long
   * as it was noted to grow) from the candidate word text[start, end), and
   * returns where the last one ends (`from` when none), as matching it
   * would; UNKNOWN_WINDOW, having appended nothing, when no such window was
   * noted.
   */
  replay(
    start: number,
    end: number,
    from: number,
    firstWords: number,
    matches: AliasMatch[],
  ): number {
    const text = this.text;
    let to = endOfWords(text, start, firstWords);
    for (;;) {
      if (to >= text.length) return UNKNOWN_WINDOW;
      const known = this.find(start, to);
      if (known === undefined) return UNKNOWN_WINDOW;
      if (known.hits !== null) return replayHits(known, known.hits, start, end, from, matches);
      to = endOfWords(text, to, 1);
    }
  }

  /** Notes that the window text[start, to) ends before its key can. */
  noteGrows(start: number, to: number): void {
    this.note({ start, length: to - start, hits: null, firstWord: 0, resume: -1 });
  }

  /**
   * Notes the hits of the window text[start, to) from the candidate word
   * text[start, end), matches[written, ...), and `resume`, where matching
   * it said the last one ends.
   */
  noteHits(
    start: number,
    end: number,
    to: number,
    matches: readonly AliasMatch[],
    written: number,
    resume: number,
  ): void {
    const hits = matches.slice(written);
    this.note({
      start,
      length: to - start,
      hits,
      firstWord: end - start,
      resume: hits.length === 0 ? -1 : resume - start,
    });
  }

  private find(start: number, to: number): KnownWindow | undefined {
    const hash = hashOf(this.text, start, to);
    const { slots, hashes, known } = this;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = slots[slot]!;
      if (index === 0) return undefined;
      if (hashes[slot] !== hash) continue;
      const window = known[index - 1]!;
      if (window.length === to - start && this.sameText(window.start, start, to - start)) {
        return window;
      }
    }
  }

  private sameText(a: number, b: number, length: number): boolean {
    const text = this.text;
    for (let k = 0; k < length; k++) {
      if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
    }
    return true;
  }

  /** Adds a window, unless known (one that grew is matched again when a longer one is not known). */
  private note(window: KnownWindow): void {
    if (this.find(window.start, window.start + window.length) !== undefined) return;
    if (2 * (this.known.length + 1) > this.slots.length) this.growSlots();
    this.known.push(window);
    this.place(hashOf(this.text, window.start, window.start + window.length), this.known.length);
  }

  private place(hash: number, index: number): void {
    const { slots, hashes } = this;
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = index;
    hashes[slot] = hash;
  }

  private growSlots(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(2 * slots.length);
    this.hashes = new Int32Array(2 * slots.length);
    for (let slot = 0; slot < slots.length; slot++) {
      if (slots[slot] !== 0) this.place(hashes[slot]!, slots[slot]!);
    }
  }
}

/** How many chars at each end of a window its hash reads. */
const HASHED_ENDS = 6;

/**
 * A hash of text[start, to): its length and the chars at both ends, where
 * names differ most (a window is then compared whole, so a shared middle
 * costs a compare, never a wrong hit); mixed so the low bits spread.
 */
function hashOf(text: string, start: number, to: number): number {
  let hash = Math.imul(0x811c9dc5 ^ (to - start), 0x01000193);
  const headEnd = Math.min(to, start + HASHED_ENDS);
  for (let i = start; i < headEnd; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  for (let i = Math.max(headEnd, to - HASHED_ENDS); i < to; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  hash ^= hash >>> 15;
  return Math.imul(hash, 0x2c1b3c6d) ^ (hash >>> 12);
}

function replayHits(
  known: KnownWindow,
  hits: readonly AliasMatch[],
  start: number,
  end: number,
  from: number,
  matches: AliasMatch[],
): number {
  if (known.firstWord !== end - start) return UNKNOWN_WINDOW;
  const shift = start - known.start;
  for (const hit of hits) {
    // The same shape as the matcher's own match objects.
    matches.push({
      start: hit.start + shift,
      end: hit.end + shift,
      targetId: hit.targetId,
      kind: hit.kind,
      alias: hit.alias,
      weak: hit.weak,
    });
  }
  return known.resume < 0 ? from : start + known.resume;
}
