/**
 * Finds every dictionary spelling in a page's text in one pass, and gives the
 * hits back in the page's own offsets.
 *
 * All keys go into one trie stored in typed arrays (children of a node are
 * contiguous, sorted by char; the root has a dense table). Matches must begin
 * and end on word boundaries of the normalised key, so instead of an
 * Aho-Corasick automaton, which would try every position inside every word,
 * the scan walks the trie from each word start only: most words leave the
 * trie after a char or two, no failure links are needed, and the first hit
 * found at the leftmost start, taken longest first, is already the
 * leftmost-longest, non-overlapping answer.
 *
 * Short all-capital aliases (IS, IMU, IRPT) are acronyms: they count only
 * where the page writes them in capitals, and not on an all-capitals line
 * ("WHAT IS LEFT"), where capitals say nothing.
 */
import { KEY_LINE_BREAK, KEY_SPACE, normalizeKey, normalizeWithOffsets } from './normalize';
import type { NormalizedText } from './normalize';
import type { AliasMatch, LexiconEntry } from './types';

interface CompiledEntry extends LexiconEntry {
  key: string;
  /** Written in capitals and at most 5 letters long: must be capitals in the page too. */
  acronym: boolean;
}

const ACRONYM_MAX_LETTERS = 5;
/** How far either side of an acronym hit we look for lower-case letters on its line. */
const SHOUTING_WINDOW = 200;
/** A weak alias counts when a strong alias of its target lies this close (or in the same paragraph). */
export const WEAK_CONFIRMATION_DISTANCE = 500;

const LETTER = /\p{L}/gu;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

function isAcronym(alias: string): boolean {
  if (alias.length > 4 * ACRONYM_MAX_LETTERS) return false;
  const letters = alias.match(LETTER)?.length ?? 0;
  return (
    letters > 0 &&
    letters <= ACRONYM_MAX_LETTERS &&
    alias === alias.toUpperCase() &&
    alias !== alias.toLowerCase()
  );
}

const isBoundary = (code: number): boolean => code === KEY_SPACE || code === KEY_LINE_BREAK;

/** One trie over a set of keys, in typed arrays, scanned from word starts. */
class KeyTrie {
  private constructor(
    private readonly entries: readonly CompiledEntry[],
    /** Root children by key char code (0 or out of range = none). */
    private readonly rootChild: Int32Array,
    private readonly firstChild: Int32Array,
    private readonly childCount: Int32Array,
    private readonly nodeChar: Uint16Array,
    /** Entries whose key ends at this node: entries[outStart .. outStart + outCount). */
    private readonly outStart: Int32Array,
    private readonly outCount: Int32Array,
  ) {}

  /** Number of distinct (target, key) entries compiled. */
  get size(): number {
    return this.entries.length;
  }

  static build(compiled: readonly CompiledEntry[]): KeyTrie {
    const keys = compiled.map((entry) => entry.key);
    let bound = 1;
    for (const key of keys) bound += key.length;
    const firstChild = new Int32Array(bound);
    const childCount = new Int32Array(bound);
    const nodeChar = new Uint16Array(bound);
    const outStart = new Int32Array(bound);
    const outCount = new Int32Array(bound);
    // Breadth-first over ranges of the sorted keys: a node's keys share its prefix, and
    // its children (grouped by the next char) get consecutive ids.
    const queueLo = new Int32Array(bound);
    const queueHi = new Int32Array(bound);
    const queueDepth = new Int32Array(bound);
    queueHi[0] = keys.length;
    let nodes = 1;
    for (let node = 0; node < nodes; node++) {
      const hi = queueHi[node]!;
      const depth = queueDepth[node]!;
      let i = queueLo[node]!;
      outStart[node] = i;
      while (i < hi && keys[i]!.length === depth) i++;
      outCount[node] = i - outStart[node]!;
      firstChild[node] = nodes;
      while (i < hi) {
        const code = keys[i]!.charCodeAt(depth);
        let j = i + 1;
        while (j < hi && keys[j]!.charCodeAt(depth) === code) j++;
        nodeChar[nodes] = code;
        queueLo[nodes] = i;
        queueHi[nodes] = j;
        queueDepth[nodes] = depth + 1;
        nodes++;
        i = j;
      }
      childCount[node] = nodes - firstChild[node]!;
    }
    // Dense root table, only as long as the highest first char needs.
    const rootFirst = firstChild[0]!;
    const rootEnd = rootFirst + childCount[0]!;
    const rootChild = new Int32Array(rootEnd > rootFirst ? nodeChar[rootEnd - 1]! + 1 : 0);
    for (let c = rootFirst; c < rootEnd; c++) rootChild[nodeChar[c]!] = c;
    return new KeyTrie(
      compiled,
      rootChild,
      firstChild.slice(0, nodes),
      childCount.slice(0, nodes),
      nodeChar.slice(0, nodes),
      outStart.slice(0, nodes),
      outCount.slice(0, nodes),
    );
  }

  /** Leftmost-longest hits of this trie's keys in the normalised `key`, appended in text order. */
  scan(normalized: NormalizedText, text: string, matches: AliasMatch[]): void {
    const { key, starts, ends } = normalized;
    const n = key.length;
    const candidateNodes: number[] = [];
    const candidateEnds: number[] = [];
    let pos = 0;
    while (pos < n) {
      let candidates = 0;
      let node = this.rootChild[key.charCodeAt(pos)] ?? 0;
      let j = pos + 1;
      while (node !== 0) {
        if (this.outCount[node]! > 0 && (j === n || isBoundary(key.charCodeAt(j)))) {
          candidateNodes[candidates] = node;
          candidateEnds[candidates++] = j;
        }
        if (j === n) break;
        node = this.child(node, key.charCodeAt(j));
        j++;
      }
      let matchedEnd = -1;
      for (let k = candidates - 1; k >= 0 && matchedEnd < 0; k--) {
        const end = candidateEnds[k]!;
        if (this.emit(candidateNodes[k]!, text, starts[pos]!, ends[end - 1]!, matches)) {
          matchedEnd = end;
        }
      }
      // Next word start: after the match, or after the current word.
      let next = matchedEnd >= 0 ? matchedEnd : pos + 1;
      while (next < n && !isBoundary(key.charCodeAt(next))) next++;
      pos = next + 1;
    }
  }

  private child(node: number, code: number): number {
    let lo = this.firstChild[node]!;
    let hi = lo + this.childCount[node]!;
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) if (this.nodeChar[lo] === code) return lo;
      return 0;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.nodeChar[mid]!;
      if (c === code) return mid;
      if (c < code) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }

  /** Adds one match per entry ending at `node` that accepts the source text; false if none does. */
  private emit(
    node: number,
    text: string,
    start: number,
    end: number,
    matches: AliasMatch[],
  ): boolean {
    let written = false;
    let capitals: boolean | null = null;
    const first = this.outStart[node]!;
    for (let e = first; e < first + this.outCount[node]!; e++) {
      const entry = this.entries[e]!;
      if (entry.acronym) {
        capitals ??= writtenAsAcronym(text, start, end);
        if (!capitals) continue;
      }
      matches.push({
        start,
        end,
        targetId: entry.targetId,
        kind: entry.kind,
        alias: entry.alias,
        weak: entry.weak,
      });
      written = true;
    }
    return written;
  }
}

/**
 * The public matcher. Names (actors, places) and incident keywords are two
 * layers, each leftmost-longest on its own: a keyword phrase such as
 * "attacks in Dushanbe and Vahdat" must not swallow the place names inside
 * it, which are evidence of their own, while within names "Islamic Revival
 * Party of Tajikistan" does win over the "Tajikistan" inside it.
 */
export class AliasMatcher {
  private constructor(
    private readonly names: KeyTrie,
    private readonly keywords: KeyTrie,
  ) {}

  static build(entries: readonly LexiconEntry[]): AliasMatcher {
    const compiled = compileEntries(entries);
    return new AliasMatcher(
      KeyTrie.build(compiled.filter((entry) => entry.kind !== 'incident')),
      KeyTrie.build(compiled.filter((entry) => entry.kind === 'incident')),
    );
  }

  /** Number of distinct (target, key) entries compiled. */
  get size(): number {
    return this.names.size + this.keywords.size;
  }

  /** Every alias hit in `text`, one match per target of a key, ordered by start (names first on ties). */
  findAll(text: string): AliasMatch[] {
    const normalized = normalizeWithOffsets(text);
    const names: AliasMatch[] = [];
    const keywords: AliasMatch[] = [];
    this.names.scan(normalized, text, names);
    this.keywords.scan(normalized, text, keywords);
    if (keywords.length === 0) return names;
    const merged: AliasMatch[] = [];
    let k = 0;
    for (const name of names) {
      while (k < keywords.length && keywords[k]!.start < name.start) merged.push(keywords[k++]!);
      merged.push(name);
    }
    while (k < keywords.length) merged.push(keywords[k++]!);
    return merged;
  }
}

/** Normalises, drops empty keys and repeats of a key for the same target (strong wins), sorts by key. */
function compileEntries(entries: readonly LexiconEntry[]): CompiledEntry[] {
  const unique: CompiledEntry[] = [];
  const indexByTargetKey = new Map<string, number>();
  for (const entry of entries) {
    const key = normalizeKey(entry.alias);
    if (key === '') continue;
    const compiled: CompiledEntry = {
      targetId: entry.targetId,
      kind: entry.kind,
      alias: entry.alias,
      weak: entry.weak,
      key,
      acronym: isAcronym(entry.alias),
    };
    const id = `${entry.kind}\u0000${entry.targetId}\u0000${key}`;
    const seen = indexByTargetKey.get(id);
    if (seen === undefined) {
      indexByTargetKey.set(id, unique.length);
      unique.push(compiled);
    } else if (unique[seen]!.weak && !entry.weak) unique[seen] = compiled;
  }
  // Sorting indices (ties by input order) is cheaper than sorting the objects.
  const order = Array.from(unique.keys());
  order.sort((a, b) => {
    const ka = unique[a]!.key;
    const kb = unique[b]!.key;
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
  return order.map((i) => unique[i]!);
}

/** The hit is all capitals, on a line that is not all capitals itself. */
function writtenAsAcronym(text: string, start: number, end: number): boolean {
  const hit = text.slice(start, end);
  if (hit !== hit.toUpperCase() || hit === hit.toLowerCase()) return false;
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - SHOUTING_WINDOW);
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0 || lineEnd > end + SHOUTING_WINDOW)
    lineEnd = Math.min(text.length, end + SHOUTING_WINDOW);
  const around = text.slice(lineStart, start) + text.slice(end, lineEnd);
  return LOWER.test(around) || !UPPER.test(around);
}

const targetOf = (match: AliasMatch): string => `${match.kind}\u0000${match.targetId}`;

/**
 * Keeps strong matches, and weak ones only where a strong match of the same
 * target is in the same paragraph (text split on "\n") or within
 * WEAK_CONFIRMATION_DISTANCE characters. Order is kept.
 */
export function confirmWeakMatches(matches: readonly AliasMatch[], text: string): AliasMatch[] {
  const lineBreaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineBreaks.push(i);
  const paragraphOf = (offset: number): number => {
    let lo = 0;
    let hi = lineBreaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lineBreaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const strongByTarget = new Map<string, AliasMatch[]>();
  for (const match of matches) {
    if (match.weak) continue;
    const list = strongByTarget.get(targetOf(match));
    if (list === undefined) strongByTarget.set(targetOf(match), [match]);
    else list.push(match);
  }
  return matches.filter((match) => {
    if (!match.weak) return true;
    const paragraph = paragraphOf(match.start);
    return (strongByTarget.get(targetOf(match)) ?? []).some((strong) => {
      const gap = Math.max(strong.start, match.start) - Math.min(strong.end, match.end);
      return gap <= WEAK_CONFIRMATION_DISTANCE || paragraphOf(strong.start) === paragraph;
    });
  });
}
