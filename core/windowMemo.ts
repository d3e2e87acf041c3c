/**
 * The hits of the matcher's windows, kept by each window's exact text for
 * the rest of one findAll call. A page names the same people and places
 * again and again (in the bench's 1 MB of news, 77-82% of candidate words
 * begin the same two words as an earlier one), and a repeated window then
 * costs a hash of its first word and a comparison of its text with the
 * earlier window's, instead of normalising, folding and walking the trie
 * again.
 *
 * A window's hits depend on its text alone when it starts between words,
 * at or after the end of the layer's last hit, and ends at the end of a
 * word with more text after it. The matcher notes only such windows, and
 * none whose hits read the text around them (an acronym's check reads its
 * line). A window is known by its text, compared char by char; the hash
 * only finds where to look.
 *
 * Windows are found by their first word, the candidate word, whose end the
 * first pass gave: the window's own end need not be looked for. An earlier
 * window of the same first word is this one's when the text goes on the
 * same to its end and an ASCII separator follows (a space, most
 * punctuation; beyond ASCII one char can end a word and begin the next, and
 * such a window is matched anew): the windows from here then grow over the
 * same words as they did there, and end at the same place.
 */
import type { AliasMatch } from './types';
import { isAsciiSeparatorAt } from './wordSkeleton';

/** replay's answer when the memo does not know the window. */
export const UNKNOWN_WINDOW = -1;

/**
 * Chars after the first word that the hash reads too (a separator, and
 * mostly the next word's first char; a window that begins with two words
 * holds them), so that windows of one first word ("Rahmon said", "Rahmon
 * told") are mostly found apart. A window that begins with its first word
 * alone (no longer key may match from it) is hashed by that word: "Rahmon"
 * is then one window, whatever follows it.
 */
const HASHED_PAST_WORD = 2;

/**
 * Windows kept per hash: a word followed by ever new words would otherwise
 * make each look-up compare them all. Names of organisations share their
 * first words ("Union of", "Ministry of"): the bench's text names 38
 * "Union of" and 27 "Movement of", and with 16 kept, findAll matched 140
 * more windows anew at 10,000 aliases (6.15 against 6.05 ms).
 */
const WINDOWS_PER_HASH = 48;

/**
 * Slots a look-up or a note reads at most. The hash is not keyed, so a page
 * could be written to make many windows meet in one run of slots; past
 * this, a window is matched anew and not kept, and the memo never costs
 * more than a bounded number of steps per candidate.
 */
const MAX_PROBES = 64;

interface KnownWindow {
  /** Where its text is in the page: text[start, start + length). */
  start: number;
  length: number;
  /** Where a copy of its text is in the memo's chars. */
  copyAt: number;
  hits: AliasMatch[];
  /** Where the last hit ends, relative to the window (-1: no hit). */
  resume: number;
}

/** Slots to begin with (a short article has a few dozen windows); doubled as they fill. */
const FIRST_SLOTS = 1 << 6;

export class WindowMemo {
  private readonly known: KnownWindow[] = [];
  /** Open addressing: per slot, the index in `known` + 1 (0: empty), and its first word's hash. */
  private slots = new Int32Array(FIRST_SLOTS);
  private hashes = new Int32Array(FIRST_SLOTS);
  /**
   * A copy of each known window's text, end to end. A look-up compares the
   * page here with it rather than with the window's own place in the page,
   * which is far back and out of the cache by then: on text that repeats its
   * names a look-up took a fifth less time (round 11).
   */
  private chars = new Uint16Array(FIRST_SLOTS * 16);
  private charsLength = 0;

  constructor(private readonly text: string) {}

  /**
   * Appends the hits of the window from the candidate word text[start, end)
   * (`oneWord`: begun with that word alone) and returns where the last one
   * ends (`from` when none), as matching it would; UNKNOWN_WINDOW, having
   * appended nothing, when no such window was noted.
   */
  replay(
    start: number,
    end: number,
    oneWord: boolean,
    from: number,
    matches: AliasMatch[],
  ): number {
    const hashed = oneWord ? end : Math.min(end + HASHED_PAST_WORD, this.text.length);
    const hash = hashOf(this.text, start, hashed);
    const { slots, hashes, known } = this;
    const mask = slots.length - 1;
    let slot = hash & mask;
    for (let probes = 0; probes < MAX_PROBES; probes++, slot = (slot + 1) & mask) {
      const index = slots[slot]!;
      if (index === 0) return UNKNOWN_WINDOW;
      if (hashes[slot] !== hash) continue;
      const window = known[index - 1]!;
      if (this.goesOnAs(window, start)) {
        return replayHits(window, start, from, matches);
      }
    }
    return UNKNOWN_WINDOW;
  }

  /**
   * Notes the hits of the window text[start, to), with more text after it,
   * from the candidate word text[start, end) (`oneWord`: begun with that
   * word alone): matches[written, ...), and `resume`, where matching it said
   * the last one ends.
   */
  noteHits(
    start: number,
    end: number,
    oneWord: boolean,
    to: number,
    matches: readonly AliasMatch[],
    written: number,
    resume: number,
  ): void {
    const hash = hashOf(this.text, start, oneWord ? end : Math.min(end + HASHED_PAST_WORD, to));
    if (2 * (this.known.length + 1) > this.slots.length) this.growSlots();
    const { slots, hashes } = this;
    const mask = slots.length - 1;
    let slot = hash & mask;
    let sameHash = 0;
    for (let probes = 0; slots[slot] !== 0; slot = (slot + 1) & mask) {
      if (hashes[slot] === hash && ++sameHash === WINDOWS_PER_HASH) return;
      if (++probes === MAX_PROBES) return;
    }
    const hits = matches.slice(written);
    const copyAt = this.copyText(start, to);
    this.known.push({
      start,
      length: to - start,
      copyAt,
      hits,
      resume: hits.length === 0 ? -1 : resume - start,
    });
    slots[slot] = this.known.length;
    hashes[slot] = hash;
  }

  /** Whether the text from `start` on is the known window's (its copy), then a separator. */
  private goesOnAs(window: KnownWindow, start: number): boolean {
    const text = this.text;
    const { length } = window;
    if (start + length >= text.length || !isAsciiSeparatorAt(text, start + length)) return false;
    // From the end: windows of one first word differ in the words after it.
    const { chars } = this;
    const shift = window.copyAt - start;
    for (let i = start + length - 1; i >= start; i--) {
      if (chars[i + shift] !== text.charCodeAt(i)) return false;
    }
    return true;
  }

  /** Copies text[start, to) to the end of `chars`; returns where the copy starts. */
  private copyText(start: number, to: number): number {
    const at = this.charsLength;
    const end = at + to - start;
    if (end > this.chars.length) {
      const grown = new Uint16Array(Math.max(2 * this.chars.length, end));
      grown.set(this.chars.subarray(0, at));
      this.chars = grown;
    }
    const { chars, text } = this;
    for (let i = start; i < to; i++) chars[at + i - start] = text.charCodeAt(i);
    this.charsLength = end;
    return at;
  }

  private growSlots(): void {
    const { slots, hashes } = this;
    const size = 2 * slots.length;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    for (let old = 0; old < slots.length; old++) {
      if (slots[old] === 0) continue;
      let slot = hashes[old]! & (size - 1);
      while (this.slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      this.slots[slot] = slots[old]!;
      this.hashes[slot] = hashes[old]!;
    }
  }
}

/** FNV-1a over the UTF-16 units of text[start, to), mixed so the low bits spread. */
function hashOf(text: string, start: number, to: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = start; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 15;
  return Math.imul(hash, 0x2c1b3c6d) ^ (hash >>> 12);
}

function replayHits(
  known: KnownWindow,
  start: number,
  from: number,
  matches: AliasMatch[],
): number {
  const shift = start - known.start;
  for (const hit of known.hits) {
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
