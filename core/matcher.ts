/**
 * Finds every dictionary spelling in a page's text in one pass, and gives the
 * hits back in the page's own offsets.
 *
 * Keys go into two tries (names, incident keywords) stored in typed arrays:
 * nodes in breadth-first order, so a node's children are a contiguous run of
 * ids, and so are the entries whose key ends at a node. Key chars are mapped
 * to small classes (one table for ASCII, a sorted list for the rest); nodes
 * with many children (the root and the first levels, where every word of a
 * page goes) get a dense row indexed by class, the others a short sorted
 * run searched linearly, and a table of class pairs takes each word's first
 * two chars in one step. Matches must begin and end on word boundaries of
 * the normalised key, so instead of an Aho-Corasick automaton, which would
 * try every position inside every word, the tries are walked from word
 * starts only: no failure links are needed, and the first hit found at the
 * leftmost start, taken longest first, is already the leftmost-longest,
 * non-overlapping answer. Below a node with a single key, the rest of that
 * key is a run of chars (a tail) rather than a chain of nodes.
 *
 * Most words of a page begin no key, so they are not even normalised: a
 * first pass over the raw chars (core/wordSkeleton.ts) hands on only the
 * words whose fold-proof skeleton is some key's first word (and, where that
 * key has more words, whose next word's skeleton is its second), and only
 * those are normalised, a few words at a time, and walked; a window whose
 * text was walked before in the same page takes that walk's hits (a page
 * repeats its names). Nothing is allocated per word; a match object is
 * made only once a hit is confirmed.
 *
 * The arrays are the whole matcher: toCompiled() hands them out as a plain,
 * structured-cloneable object and fromCompiled() wraps such an object again
 * without rebuilding anything (the background can compile once and send it).
 *
 * A name (actor or place) written with a capital in the dataset does not
 * count where the page writes it without any: Tajik "рӯзи душанбе" is
 * Monday, not the capital city (al-Qaeda, with its capital Q, still counts).
 *
 * Short all-capital aliases (IS, IMU, IRPT) are acronyms: they count only
 * where the page writes them in capitals, and not on an all-capitals line
 * ("WHAT IS LEFT"), where capitals say nothing.
 */
import {
  KEY_LINE_BREAK,
  KEY_SPACE,
  normalizeKey,
  extendRangeToCodes,
  normalizeRangeToCodes,
  normalizeToCodes,
  plainWordsToCodes,
  type NormalizedRange,
} from './normalize';
import { candidateWordsOf, type FirstPass } from './candidatePass';
import type { AliasMatch, EntityKind, LexiconEntry } from './types';
import {
  buildSkeletonTable,
  endOfWords,
  isSkeletonTable,
  KEYWORDS_LAYER,
  MAY_GO_ON_SHIFT,
  NAMES_LAYER,
  type SkeletonTable,
  startOfWordsBefore,
} from './wordSkeleton';
import { UNKNOWN_WINDOW, WindowMemo } from './windowMemo';

interface CompiledEntry extends LexiconEntry {
  key: string;
  /** Written in capitals and at most 5 letters long: must be capitals in the page too. */
  acronym: boolean;
  /** A name with a capital letter: the page must write at least one capital too. */
  capitalised: boolean;
}

/** One trie as plain arrays (see the module comment for the layout). */
export interface CompiledTrie {
  /**
   * Two ints per node, read together in one step of a walk: links[2i] is the
   * offset of node i's dense row in `dense` (>= 0), or ~firstChild (< 0):
   * its children are nodes firstChild .. firstChild + count - 1; links[2i + 1]
   * is count (bits 0-7, sparse nodes only) | TERMINAL (bit 8: a key ends
   * here) | the class of its first child (bits 16-31, sparse nodes only).
   * A tail node (TAIL, bit 9) has no children: one key lies below it, and
   * the rest of it is tails[~links[2i], + its length in bits 16-31).
   */
  links: Int32Array;
  /** The tails of the keys, end to end (key chars, compared as they are). */
  tails: Uint16Array;
  /** Class of the key char leading to each node (the root's is 0). */
  nodeClass: Uint16Array;
  /** Entries whose key ends at node i: firstEntry[i] .. firstEntry[i + 1] - 1 (length: nodes + 1). */
  firstEntry: Int32Array;
  /** Dense rows, `classes` ids each: the child reached by a class, 0 for none. */
  dense: Int32Array;
  /**
   * The node two key chars below the root, at pairs[class1 * classes + class2]
   * (0: none); empty when the alphabet is too large (see PAIR_TABLE_MAX_CLASSES).
   */
  pairs: Int32Array;
  /** Per entry. */
  targetIds: string[];
  aliases: string[];
  /** Index in ENTITY_KINDS. */
  kinds: Uint8Array;
  /** WEAK | ACRONYM bits. */
  flags: Uint8Array;
}

/**
 * A whole AliasMatcher as typed arrays and string arrays: structured-cloneable
 * (postMessage, IndexedDB), not JSON. AliasMatcher.fromCompiled wraps it as is.
 */
export interface CompiledMatcher {
  format: typeof COMPILED_FORMAT;
  /** Class of each ASCII key char (0: in no key). */
  asciiClass: Uint8Array;
  /** Non-ASCII key chars, ascending; the class of wideCodes[i] is asciiClasses + 1 + i. */
  wideCodes: Uint16Array;
  /** Number of classes, 0 (none) included: the length of a dense row. */
  classes: number;
  names: CompiledTrie;
  keywords: CompiledTrie;
  /** The skeletons of every key's first word (core/wordSkeleton.ts), with their layers. */
  skeletons: SkeletonTable;
}

/**
 * How findAll reaches the candidate words' keys: see AliasMatcher.findAll.
 * 'windows-unmemoised' is 'windows' matching every window anew (tests and
 * benchmarks compare it with the memo, core/windowMemo.ts).
 */
export type MatchStrategy = 'auto' | 'windows' | 'windows-unmemoised' | 'whole-page';

/** Bumped whenever the compiled layout changes, so a stale copy is rebuilt instead of misread. */
export const COMPILED_FORMAT = 'triangulate-matcher-5';

const ENTITY_KINDS: readonly EntityKind[] = ['actor', 'place', 'incident'];
const WEAK = 1;
const ACRONYM = 2;
const CAPITALISED = 4;
/** KeyTrie.longestAt: the codes stop where a longer key could still go on. */
const NEEDS_MORE = -2;
/**
 * Words of text normalised for a candidate first; then one more at a time
 * while a key could go on past them (the words already normalised are kept,
 * see extendRangeToCodes). Most hits are names of two words. findAll on 1 MB
 * of the bench text, starting from 3, 2 and 1 word: 12.8, 12.3 and 13.5 ms
 * at 10,000 aliases; 8.5-8.9, 8.6-8.9 and 9.2-9.5 ms with the bundled
 * dataset. (When windows were normalised anew, twice as long each time, 3
 * had beaten 2.) With plain words on a path of their own, 2 still beats 3
 * at 10,000 aliases (10.9 against 11.2 ms) and ties with the bundled dataset.
 * A candidate from which no longer key may go on (the first pass says so)
 * starts from its own word alone: "Rahmon said" and "Rahmon told" are then
 * one window for the memo (6.4 against 6.7 ms at 10,000 aliases, round 11).
 */
const FIRST_WINDOW_WORDS = 2;
/**
 * Candidate words per char of the page above which normalising the whole
 * page once costs less than a window per candidate. Measured on the seed
 * articles with the bundled dataset, since words that only begin longer
 * keys wait for the next one (fewer candidates, each more often a hit):
 * one candidate per 38 chars, whole page 0.105 ms against 0.131 in windows;
 * per 51, 0.085 against 0.086 and 0.105 against 0.095; per 62 and 83,
 * windows win by 16-38%.
 */
const WHOLE_PAGE_DENSITY = 1 / 48;

const ACRONYM_MAX_LETTERS = 5;
/** How far either side of an acronym hit we look for lower-case letters on its line. */
const SHOUTING_WINDOW = 200;
/** A weak alias counts when a strong alias of its target lies this close (or in the same paragraph). */
export const WEAK_CONFIRMATION_DISTANCE = 500;
/**
 * A node gets a dense row when it has at least this many children, or at
 * least 1/DENSE_FILL of all classes: the root and the busy first levels,
 * where every word of a page goes, while the long single-child tails of the
 * keys stay sparse (a dense row costs 4 bytes per class).
 */
const DENSE_MIN_CHILDREN = 4;
/** links[2i + 1] bits (see CompiledTrie.links). */
const CHILD_COUNT = 0xff;
const TERMINAL = 0x100;
const TAIL = 0x200;
/**
 * Below a node whose keys are all one key, the rest of the key is kept as a
 * run of chars (a tail) instead of a chain of single-child nodes: a walk
 * then compares consecutive memory instead of visiting a node per char, each
 * one a likely cache miss in a large trie. A tail's length sits in 16 bits.
 */
const TAIL_MAX = 0xffff;
const DENSE_FILL = 8;
/**
 * Every word of a page takes two steps below the root before most leave the
 * trie: a table of all class pairs (4 bytes each, 16 KB at 64 classes) makes
 * them one lookup. Larger alphabets (keys in many scripts) go step by step.
 */
const PAIR_TABLE_MAX_CLASSES = 64;

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

/** Key char -> class, shared by both tries of a matcher. */
class KeyAlphabet {
  constructor(
    readonly asciiClass: Uint8Array,
    readonly wideCodes: Uint16Array,
    readonly classes: number,
  ) {}

  static of(keys: readonly string[]): KeyAlphabet {
    const seen = new Uint8Array(0x10000);
    for (const key of keys) for (let i = 0; i < key.length; i++) seen[key.charCodeAt(i)] = 1;
    const asciiClass = new Uint8Array(0x80);
    let ascii = 0;
    for (let code = 0; code < 0x80; code++) if (seen[code] === 1) asciiClass[code] = ++ascii;
    const wide: number[] = [];
    for (let code = 0x80; code < 0x10000; code++) if (seen[code] === 1) wide.push(code);
    const wideCodes = Uint16Array.from(wide);
    return new KeyAlphabet(asciiClass, wideCodes, ascii + wideCodes.length + 1);
  }

  /** Class of a key char, 0 when no key holds it. */
  classOf(code: number): number {
    return code < 0x80 ? this.asciiClass[code]! : wideClassOf(this.wideCodes, this.classes, code);
  }
}

/** Class of a non-ASCII key char (binary search; a plain function, so the scan loop inlines it). */
function wideClassOf(wideCodes: Uint16Array, classes: number, code: number): number {
  let lo = 0;
  let hi = wideCodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = wideCodes[mid]!;
    if (c === code) return classes - wideCodes.length + mid;
    if (c < code) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/** One trie over a set of keys, in typed arrays, walked from word starts. */
class KeyTrie {
  // Scratch for the hits along one walk (ends at word boundaries), longest tried first.
  private candidates: Int32Array = new Int32Array(32);
  /** Set when a hit's check read the text around it (an acronym's line): see WindowMemo. */
  readAroundHit = false;

  private constructor(
    private readonly alphabet: KeyAlphabet,
    private readonly links: Int32Array,
    private readonly tails: Uint16Array,
    private readonly nodeClass: Uint16Array,
    private readonly firstEntry: Int32Array,
    private readonly dense: Int32Array,
    private readonly pairs: Int32Array,
    private readonly targetIds: readonly string[],
    private readonly aliases: readonly string[],
    private readonly kinds: Uint8Array,
    private readonly flags: Uint8Array,
  ) {}

  /** Number of distinct (target, key) entries compiled. */
  get size(): number {
    return this.targetIds.length;
  }

  static fromCompiled(alphabet: KeyAlphabet, c: CompiledTrie): KeyTrie {
    return new KeyTrie(
      alphabet,
      c.links,
      c.tails,
      c.nodeClass,
      c.firstEntry,
      c.dense,
      c.pairs,
      c.targetIds,
      c.aliases,
      c.kinds,
      c.flags,
    );
  }

  toCompiled(): CompiledTrie {
    return {
      links: this.links,
      tails: this.tails,
      nodeClass: this.nodeClass,
      firstEntry: this.firstEntry,
      dense: this.dense,
      pairs: this.pairs,
      targetIds: [...this.targetIds],
      aliases: [...this.aliases],
      kinds: this.kinds,
      flags: this.flags,
    };
  }

  /** `compiled` sorted by key (ties in input order). */
  static build(alphabet: KeyAlphabet, compiled: readonly CompiledEntry[]): KeyTrie {
    const keys = compiled.map((entry) => entry.key);
    let bound = 1;
    for (const key of keys) bound += key.length;
    const firstChild = new Int32Array(bound + 1);
    const nodeClass = new Uint16Array(bound);
    const firstEntry = new Int32Array(bound + 1);
    const targetIds: string[] = [];
    const aliases: string[] = [];
    const kinds = new Uint8Array(compiled.length);
    const flags = new Uint8Array(compiled.length);
    // Breadth-first over ranges of the sorted keys: a node's keys share its prefix, and
    // its children (grouped by the next char) get consecutive ids; entries are renumbered
    // in node order, so each node's entries are consecutive too (ties keep their order).
    const queueLo = new Int32Array(bound);
    const queueHi = new Int32Array(bound);
    const queueDepth = new Int32Array(bound);
    const tailOf = new Int32Array(bound).fill(-1);
    const tailLength = new Int32Array(bound);
    const tails: number[] = [];
    queueHi[0] = keys.length;
    let nodes = 1;
    for (let node = 0; node < nodes; node++) {
      const hi = queueHi[node]!;
      const depth = queueDepth[node]!;
      let i = queueLo[node]!;
      firstEntry[node] = targetIds.length;
      const key = keys[i]!;
      const rest = node > 0 && key === keys[hi - 1] ? key.length - depth : 0;
      if (rest > 0 && rest <= TAIL_MAX) {
        // One key below (sorted: the first and last are equal): a tail, no children.
        tailOf[node] = tails.length;
        tailLength[node] = rest;
        for (let k = depth; k < key.length; k++) tails.push(key.charCodeAt(k));
      }
      const lastOwn = tailOf[node]! >= 0 ? hi : i;
      for (; i < lastOwn || (i < hi && keys[i]!.length === depth); i++) {
        const entry = compiled[i]!;
        kinds[targetIds.length] = ENTITY_KINDS.indexOf(entry.kind);
        flags[targetIds.length] =
          (entry.weak ? WEAK : 0) |
          (entry.acronym ? ACRONYM : 0) |
          (entry.capitalised ? CAPITALISED : 0);
        targetIds.push(entry.targetId);
        aliases.push(entry.alias);
      }
      firstChild[node] = nodes;
      while (i < hi) {
        const code = keys[i]!.charCodeAt(depth);
        let j = i + 1;
        while (j < hi && keys[j]!.charCodeAt(depth) === code) j++;
        nodeClass[nodes] = alphabet.classOf(code);
        queueLo[nodes] = i;
        queueHi[nodes] = j;
        queueDepth[nodes] = depth + 1;
        nodes++;
        i = j;
      }
    }
    firstChild[nodes] = nodes;
    firstEntry[nodes] = targetIds.length;
    const { denseRow, dense } = denseRows(alphabet.classes, firstChild, nodeClass, nodes);
    return new KeyTrie(
      alphabet,
      nodeLinks(firstChild, nodeClass, firstEntry, denseRow, tailOf, tailLength, nodes),
      Uint16Array.from(tails),
      nodeClass.slice(0, nodes),
      firstEntry.slice(0, nodes + 1),
      dense,
      pairTable(alphabet.classes, firstChild, nodeClass),
      targetIds,
      aliases,
      kinds,
      flags,
    );
  }

  /**
   * From the word start `pos` of the normalised codes[0, n), emits the longest
   * key that ends on a word boundary and that the source text accepts (an
   * acronym must be in capitals), and returns where it ends in `codes`; -1
   * when none does. When `open` (the codes stop short of the text's end) and
   * a longer key could go on past them, emits nothing and returns NEEDS_MORE.
   * The walk is written out in one loop: it runs for every candidate word.
   */
  longestAt(
    codes: Uint16Array,
    n: number,
    pos: number,
    open: boolean,
    text: string,
    starts: Uint32Array,
    ends: Uint32Array,
    matches: AliasMatch[],
  ): number {
    const { asciiClass, wideCodes, classes } = this.alphabet;
    const { links, nodeClass, dense, pairs } = this;
    let found: Int32Array = this.candidates;
    let candidates = 0;
    let code = codes[pos]!;
    const first = code < 0x80 ? asciiClass[code]! : wideClassOf(wideCodes, classes, code);
    // The root's dense row is the first one, at offset 0.
    let node = dense[first]!;
    let j = pos + 1;
    if (pairs.length > 0 && node !== 0 && j < n && (links[2 * node + 1]! & TAIL) === 0) {
      // Not a one-char word (that would need the depth-1 node's entries) nor a tail: two chars in one step.
      code = codes[j]!;
      if (code !== KEY_SPACE && code !== KEY_LINE_BREAK) {
        const second = code < 0x80 ? asciiClass[code]! : wideClassOf(wideCodes, classes, code);
        node = second === 0 ? 0 : pairs[first * classes + second]!;
        if (node !== 0) j++;
      }
    }
    while (node !== 0) {
      if (j === n) {
        const more = links[2 * node]! >= 0 || (links[2 * node + 1]! & (CHILD_COUNT | TAIL)) !== 0;
        if (open && more) return NEEDS_MORE;
        if ((links[2 * node + 1]! & TERMINAL) !== 0) {
          if (2 * candidates === found.length) found = this.moreCandidates();
          found[2 * candidates] = node;
          found[2 * candidates++ + 1] = j;
        }
        break;
      }
      code = codes[j]!;
      if (code === KEY_SPACE || code === KEY_LINE_BREAK) {
        if ((links[2 * node + 1]! & TERMINAL) !== 0) {
          if (2 * candidates === found.length) found = this.moreCandidates();
          found[2 * candidates] = node;
          found[2 * candidates++ + 1] = j;
        }
      }
      const cls = code < 0x80 ? asciiClass[code]! : wideClassOf(wideCodes, classes, code);
      if (cls === 0) break;
      const link = links[2 * node]!;
      if (link >= 0) node = dense[link + cls]!;
      else {
        // A short run of children sorted by class; most nodes have one, whose class is at hand.
        const info = links[2 * node + 1]!;
        const firstClass = info >>> 16;
        const count = info & CHILD_COUNT;
        if (count === 0) {
          if ((info & TAIL) !== 0) {
            const tailEnd = this.tailEnd(codes, n, j, ~link, firstClass);
            if (tailEnd === NEEDS_MORE && open) return NEEDS_MORE;
            if (tailEnd >= 0) {
              if (2 * candidates === found.length) found = this.moreCandidates();
              found[2 * candidates] = node;
              found[2 * candidates++ + 1] = tailEnd;
            }
          }
          break;
        }
        if (cls === firstClass) node = ~link;
        else if (cls < firstClass || count < 2) node = 0;
        else {
          const last = ~link + count;
          let c = ~link + 1;
          while (c < last && nodeClass[c]! < cls) c++;
          node = c < last && nodeClass[c] === cls ? c : 0;
        }
      }
      j++;
    }
    if (candidates === 0) return -1;
    return this.emitLongest(found, candidates, text, starts[pos]!, ends, matches);
  }

  /**
   * Where the tail tails[at, at + length) ends when codes from `j` spell it
   * and a word boundary follows; -1 if they do not; NEEDS_MORE if the codes
   * stop while they still agree.
   */
  private tailEnd(codes: Uint16Array, n: number, j: number, at: number, length: number): number {
    const tails = this.tails;
    const stop = Math.min(n, j + length);
    for (let k = j; k < stop; k++) if (codes[k] !== tails[at + k - j]) return -1;
    if (j + length > n) return NEEDS_MORE;
    if (j + length === n) return n;
    const next = codes[j + length]!;
    return next === KEY_SPACE || next === KEY_LINE_BREAK ? j + length : -1;
  }

  /** Emits the longest noted candidate the text accepts; where it ends, or -1 if none does. */
  private emitLongest(
    found: Int32Array,
    candidates: number,
    text: string,
    start: number,
    ends: Uint32Array,
    matches: AliasMatch[],
  ): number {
    for (let k = candidates - 1; k >= 0; k--) {
      const end = found[2 * k + 1]!;
      if (this.emit(found[2 * k]!, text, start, ends[end - 1]!, matches)) return end;
    }
    return -1;
  }

  /** Twice the room for (node, end) candidates, keeping those noted. */
  private moreCandidates(): Int32Array {
    const more = new Int32Array(this.candidates.length * 2);
    more.set(this.candidates);
    this.candidates = more;
    return more;
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
    let capital: boolean | null = null;
    const last = this.firstEntry[node + 1]!;
    for (let e = this.firstEntry[node]!; e < last; e++) {
      const flags = this.flags[e]!;
      if ((flags & ACRONYM) !== 0) {
        this.readAroundHit = true;
        capitals ??= writtenAsAcronym(text, start, end);
        if (!capitals) continue;
      }
      if ((flags & CAPITALISED) !== 0) {
        capital ??= writtenWithACapital(text, start, end);
        if (!capital) continue;
      }
      matches.push({
        start,
        end,
        targetId: this.targetIds[e]!,
        kind: ENTITY_KINDS[this.kinds[e]!]!,
        alias: this.aliases[e]!,
        weak: (flags & WEAK) !== 0,
      });
      written = true;
    }
    return written;
  }
}

/** The depth-2 node of every pair of classes (see PAIR_TABLE_MAX_CLASSES). */
function pairTable(classes: number, firstChild: Int32Array, nodeClass: Uint16Array): Int32Array {
  if (classes > PAIR_TABLE_MAX_CLASSES) return new Int32Array(0);
  const pairs = new Int32Array(classes * classes);
  for (let one = firstChild[0]!; one < firstChild[1]!; one++) {
    const row = nodeClass[one]! * classes;
    for (let two = firstChild[one]!; two < firstChild[one + 1]!; two++) {
      pairs[row + nodeClass[two]!] = two;
    }
  }
  return pairs;
}

/** The per-node links (see CompiledTrie.links). */
function nodeLinks(
  firstChild: Int32Array,
  nodeClass: Uint16Array,
  firstEntry: Int32Array,
  denseRow: Int32Array,
  tailOf: Int32Array,
  tailLength: Int32Array,
  nodes: number,
): Int32Array {
  const links = new Int32Array(2 * nodes);
  for (let node = 0; node < nodes; node++) {
    const first = firstChild[node]!;
    const count = firstChild[node + 1]! - first;
    let info = firstEntry[node + 1]! > firstEntry[node]! ? TERMINAL : 0;
    if (tailOf[node]! >= 0) {
      // Its entries are those of the key the tail ends; it is not itself terminal.
      links[2 * node] = ~tailOf[node]!;
      links[2 * node + 1] = TAIL | (tailLength[node]! << 16);
      continue;
    }
    if (denseRow[node]! >= 0) links[2 * node] = denseRow[node]!;
    else {
      links[2 * node] = ~first;
      info |= count;
      if (count > 0) info |= nodeClass[first]! << 16;
    }
    links[2 * node + 1] = info;
  }
  return links;
}

/** Dense rows for the root and every node with many children (see DENSE_MIN_CHILDREN). */
function denseRows(
  classes: number,
  firstChild: Int32Array,
  nodeClass: Uint16Array,
  nodes: number,
): { denseRow: Int32Array; dense: Int32Array } {
  const denseRow = new Int32Array(nodes).fill(-1);
  const threshold = Math.min(DENSE_MIN_CHILDREN, Math.ceil(classes / DENSE_FILL));
  let rows = 0;
  for (let node = 0; node < nodes; node++) {
    const children = firstChild[node + 1]! - firstChild[node]!;
    if (node === 0 || children >= threshold) denseRow[node] = rows++ * classes;
  }
  const dense = new Int32Array(rows * classes);
  for (let node = 0; node < nodes; node++) {
    const row = denseRow[node]!;
    if (row < 0) continue;
    for (let c = firstChild[node]!; c < firstChild[node + 1]!; c++) dense[row + nodeClass[c]!] = c;
  }
  return { denseRow, dense };
}

/**
 * The public matcher. Names (actors, places) and incident keywords are two
 * layers, each leftmost-longest on its own: a keyword phrase such as
 * "attacks in Dushanbe and Vahdat" must not swallow the place names inside
 * it, which are evidence of their own, while within names "Islamic Revival
 * Party of Tajikistan" does win over the "Tajikistan" inside it. Both are
 * walked in one pass over the page's word starts.
 */
export class AliasMatcher {
  private constructor(
    private readonly alphabet: KeyAlphabet,
    private readonly names: KeyTrie,
    private readonly keywords: KeyTrie,
    private readonly skeletons: SkeletonTable,
  ) {}

  static build(entries: readonly LexiconEntry[]): AliasMatcher {
    const compiled = compileEntries(entries);
    const alphabet = KeyAlphabet.of(compiled.map((entry) => entry.key));
    const names = compiled.filter((entry) => entry.kind !== 'incident');
    const keywords = compiled.filter((entry) => entry.kind === 'incident');
    return new AliasMatcher(
      alphabet,
      KeyTrie.build(alphabet, names),
      KeyTrie.build(alphabet, keywords),
      buildSkeletonTable(
        names.map((entry) => entry.key),
        keywords.map((entry) => entry.key),
      ),
    );
  }

  /**
   * Wraps a compiled matcher (from toCompiled, possibly structured-cloned)
   * without rebuilding anything. Throws on anything that is not one, or is
   * of another COMPILED_FORMAT: the caller should then build from entries.
   */
  static fromCompiled(compiled: CompiledMatcher): AliasMatcher {
    if (!isCompiledMatcher(compiled)) throw new Error('not a compiled matcher of this version');
    const alphabet = new KeyAlphabet(compiled.asciiClass, compiled.wideCodes, compiled.classes);
    return new AliasMatcher(
      alphabet,
      KeyTrie.fromCompiled(alphabet, compiled.names),
      KeyTrie.fromCompiled(alphabet, compiled.keywords),
      compiled.skeletons,
    );
  }

  /**
   * The matcher as plain data (typed arrays and string arrays, no functions):
   * structured-cloneable. The typed arrays are this matcher's own: clone them
   * (postMessage does), do not transfer them.
   */
  toCompiled(): CompiledMatcher {
    return {
      format: COMPILED_FORMAT,
      asciiClass: this.alphabet.asciiClass,
      wideCodes: this.alphabet.wideCodes,
      classes: this.alphabet.classes,
      names: this.names.toCompiled(),
      keywords: this.keywords.toCompiled(),
      skeletons: this.skeletons,
    };
  }

  /** Number of distinct (target, key) entries compiled. */
  get size(): number {
    return this.names.size + this.keywords.size;
  }

  /**
   * Every alias hit in `text`, one match per target of a key, ordered by
   * start (names first on ties). Only the words whose skeleton begins some
   * key (core/wordSkeleton.ts) are walked; on most pages they are normalised
   * a few words at a time and the rest of the page never is, and a window
   * that repeats an earlier one's text has its hits replayed
   * (core/windowMemo.ts). A page dense with candidates (an article about
   * the dataset's own subject) is normalised whole instead, which then
   * costs less. `strategy` forces one of these ways, and `firstPass` runs
   * the pass that finds the candidate words in script where it would run in
   * WebAssembly (core/candidatePass.ts); tests and benchmarks compare them,
   * and the hits are the same.
   */
  findAll(
    text: string,
    strategy: MatchStrategy = 'auto',
    firstPass: FirstPass = 'auto',
  ): AliasMatch[] {
    const candidates = candidateWordsOf(text, this.skeletons, firstPass);
    const nameMatches: AliasMatch[] = [];
    const keywordMatches: AliasMatch[] = [];
    const dense = candidates.length / 3 > text.length * WHOLE_PAGE_DENSITY;
    if (strategy === 'whole-page' || (strategy === 'auto' && dense)) {
      this.matchInWholeKey(text, candidates, nameMatches, keywordMatches);
    } else {
      const memo = strategy !== 'windows-unmemoised';
      this.matchInWindows(text, candidates, memo, nameMatches, keywordMatches);
    }
    if (keywordMatches.length === 0) return nameMatches;
    const merged: AliasMatch[] = [];
    let k = 0;
    for (const name of nameMatches) {
      while (k < keywordMatches.length && keywordMatches[k]!.start < name.start) {
        merged.push(keywordMatches[k++]!);
      }
      merged.push(name);
    }
    while (k < keywordMatches.length) merged.push(keywordMatches[k++]!);
    return merged;
  }

  /**
   * Each candidate (start, end, layers triples) in a window of the words
   * from it on; with `memo`, a window whose text was matched before is
   * replayed (core/windowMemo.ts).
   */
  private matchInWindows(
    text: string,
    candidates: Int32Array,
    memo: boolean,
    nameMatches: AliasMatch[],
    keywordMatches: AliasMatch[],
  ): void {
    const nameWindows = memo ? new WindowMemo(text) : null;
    const keywordWindows = memo ? new WindowMemo(text) : null;
    // Per layer, where its last match ended: matches do not overlap within a layer.
    let namesFrom = 0;
    let keywordsFrom = 0;
    for (let c = 0; c < candidates.length; c += 3) {
      const start = candidates[c]!;
      const end = candidates[c + 1]!;
      const layers = candidates[c + 2]!;
      if ((layers & NAMES_LAYER) !== 0 && end > namesFrom) {
        namesFrom = matchInWindow(
          this.names,
          nameWindows,
          text,
          start,
          end,
          (layers >>> MAY_GO_ON_SHIFT) & NAMES_LAYER,
          namesFrom,
          nameMatches,
        );
      }
      if ((layers & KEYWORDS_LAYER) !== 0 && end > keywordsFrom) {
        keywordsFrom = matchInWindow(
          this.keywords,
          keywordWindows,
          text,
          start,
          end,
          (layers >>> MAY_GO_ON_SHIFT) & KEYWORDS_LAYER,
          keywordsFrom,
          keywordMatches,
        );
      }
    }
  }

  /** Each candidate in the whole page's key, normalised once. */
  private matchInWholeKey(
    text: string,
    candidates: Int32Array,
    nameMatches: AliasMatch[],
    keywordMatches: AliasMatch[],
  ): void {
    const { codes, starts, ends } = normalizeToCodes(text);
    const n = codes.length;
    const key: NormalizedRange = { codes, starts, ends, length: n, to: text.length };
    let namesFrom = 0;
    let keywordsFrom = 0;
    let pos = 0;
    for (let c = 0; c < candidates.length; c += 3) {
      const start = candidates[c]!;
      const end = candidates[c + 1]!;
      const layers = candidates[c + 2]!;
      // The candidate's first key word: candidates come in page order.
      pos = firstKeyWordFrom(key, pos, start);
      if ((layers & NAMES_LAYER) !== 0 && end > namesFrom) {
        namesFrom = matchKeyWords(this.names, key, pos, false, text, end, namesFrom, nameMatches);
      }
      if ((layers & KEYWORDS_LAYER) !== 0 && end > keywordsFrom) {
        keywordsFrom = matchKeyWords(
          this.keywords,
          key,
          pos,
          false,
          text,
          end,
          keywordsFrom,
          keywordMatches,
        );
      }
    }
  }
}

/**
 * Tries `trie`'s keys at the page's word text[start, end) from `from` on,
 * normalising the words from `start` (one more at a time while a key could
 * go on past them: from the first two when a longer key `mayGoOn` from the
 * word, else from it alone); appends the hits and returns where the last
 * one ends, or `from` when there is none. With a memo, a window of the same
 * text as one matched before is replayed, and a new one noted, where its
 * hits depend on its text alone (see WindowMemo).
 */
function matchInWindow(
  trie: KeyTrie,
  memo: WindowMemo | null,
  text: string,
  start: number,
  end: number,
  mayGoOn: number,
  from: number,
  matches: AliasMatch[],
): number {
  // Almost always `start`: see startOfWordsBefore.
  const windowStart = startOfWordsBefore(text, start);
  const partWord = windowStart < start ? 1 : 0;
  const noted = memo !== null && partWord === 0 && start >= from ? memo : null;
  const oneWord = mayGoOn === 0;
  if (noted !== null) {
    const resume = noted.replay(start, end, oneWord, from, matches);
    if (resume !== UNKNOWN_WINDOW) return resume;
  }
  const firstWords = oneWord ? 1 : FIRST_WINDOW_WORDS;
  let window = normalizeWords(text, windowStart, firstWords + partWord, false);
  for (;;) {
    const written = matches.length;
    const open = window.to < text.length;
    const pos = partWord === 0 ? 0 : firstKeyWordFrom(window, 0, start);
    if (pos === window.length && open) {
      // Several words end before `start` ("½½⑴": 1, 21, 2): the candidate's is not in yet.
      window = normalizeWords(text, window.to, 1, true);
      continue;
    }
    trie.readAroundHit = false;
    const resume = matchKeyWords(trie, window, pos, open, text, end, from, matches);
    if (resume !== NEEDS_MORE) {
      if (noted !== null && open && !trie.readAroundHit) {
        noted.noteHits(start, end, oneWord, window.to, matches, written, resume);
      }
      return resume;
    }
    matches.length = written;
    window = normalizeWords(text, window.to, 1, true);
  }
}

/**
 * The key of the text from `from` (between words) to the end of its
 * `words`-th word, or the last window grown by them (`grow`). Plain words are
 * found and normalised in one reading; others are found first.
 */
function normalizeWords(text: string, from: number, words: number, grow: boolean): NormalizedRange {
  const plain = plainWordsToCodes(text, from, words, grow);
  if (plain !== null) return plain;
  const to = endOfWords(text, from, words);
  return grow ? extendRangeToCodes(text, from, to) : normalizeRangeToCodes(text, from, to);
}

const isKeySeparator = (code: number): boolean => code === KEY_SPACE || code === KEY_LINE_BREAK;

/**
 * The first key char at or after `pos` that begins a word of `key` and comes
 * from the page at or after `start` (one char can end a word and begin the
 * next: ½ is "1 2"); the key's length when there is none.
 */
function firstKeyWordFrom(key: NormalizedRange, pos: number, start: number): number {
  const { codes, starts, length: n } = key;
  while (pos < n && (starts[pos]! < start || (pos > 0 && !isKeySeparator(codes[pos - 1]!)))) pos++;
  return pos;
}

/**
 * Tries `trie`'s keys at each key word of `key` from `pos` on that begins
 * before the page offset `end` (a word with an apostrophe can hold several:
 * l'Ali) and not before `from`; returns where the last hit ends (`from`
 * when none), or NEEDS_MORE (when `open`, see KeyTrie.longestAt) having
 * appended nothing the caller should keep.
 */
function matchKeyWords(
  trie: KeyTrie,
  key: NormalizedRange,
  pos: number,
  open: boolean,
  text: string,
  end: number,
  from: number,
  matches: AliasMatch[],
): number {
  const { codes, starts, ends, length: n } = key;
  let resume = from;
  while (pos < n && starts[pos]! < end) {
    let next = pos;
    if (starts[pos]! >= resume) {
      const matchEnd = trie.longestAt(codes, n, pos, open, text, starts, ends, matches);
      if (matchEnd === NEEDS_MORE) return NEEDS_MORE;
      if (matchEnd >= 0) {
        resume = ends[matchEnd - 1]!;
        next = matchEnd;
      }
    }
    while (next < n && codes[next] !== KEY_SPACE && codes[next] !== KEY_LINE_BREAK) next++;
    pos = next + 1;
  }
  return resume;
}

/** Shape and format checks only (constant time): the arrays are trusted to be a matcher's own. */
function isCompiledMatcher(value: unknown): value is CompiledMatcher {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<CompiledMatcher>;
  return (
    c.format === COMPILED_FORMAT &&
    c.asciiClass instanceof Uint8Array &&
    c.asciiClass.length === 0x80 &&
    c.wideCodes instanceof Uint16Array &&
    typeof c.classes === 'number' &&
    isCompiledTrie(c.names) &&
    isCompiledTrie(c.keywords) &&
    isSkeletonTable(c.skeletons)
  );
}

function isCompiledTrie(value: unknown): value is CompiledTrie {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Partial<CompiledTrie>;
  if (!(t.links instanceof Int32Array) || !(t.nodeClass instanceof Uint16Array)) return false;
  if (!(t.tails instanceof Uint16Array)) return false;
  const nodes = t.nodeClass.length;
  const entries = t.targetIds?.length ?? -1;
  return (
    nodes > 0 &&
    t.links.length === 2 * nodes &&
    t.firstEntry instanceof Int32Array &&
    t.firstEntry.length === nodes + 1 &&
    t.dense instanceof Int32Array &&
    t.pairs instanceof Int32Array &&
    Array.isArray(t.targetIds) &&
    Array.isArray(t.aliases) &&
    t.aliases.length === entries &&
    t.kinds instanceof Uint8Array &&
    t.kinds.length === entries &&
    t.flags instanceof Uint8Array &&
    t.flags.length === entries
  );
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
      capitalised: entry.kind !== 'incident' && UPPER.test(entry.alias),
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

/** The hit has a capital letter, or no letter that has case at all (Arabic script, digits). */
function writtenWithACapital(text: string, start: number, end: number): boolean {
  // Most hits are ASCII: read their chars rather than slice and run two Unicode tests.
  let lowerCase = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      const hit = text.slice(start, end);
      return UPPER.test(hit) || hit.toUpperCase() === hit;
    }
    if (code >= 0x41 && code <= 0x5a) return true;
    if (code >= 0x61 && code <= 0x7a) lowerCase = true;
  }
  return !lowerCase;
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
  // Per target, its strong matches by start, with the furthest end reached so far:
  // a weak match then needs two binary searches, not a scan of every strong one.
  const strongByTarget = new Map<string, { starts: number[]; reach: number[] }>();
  const strong = matches.filter((match) => !match.weak).toSorted((a, b) => a.start - b.start);
  for (const match of strong) {
    const key = targetOf(match);
    const list = strongByTarget.get(key) ?? { starts: [], reach: [] };
    const reach = list.reach.at(-1) ?? -Infinity;
    list.starts.push(match.start);
    list.reach.push(Math.max(reach, match.end));
    strongByTarget.set(key, list);
  }
  return matches.filter((match) => {
    if (!match.weak) return true;
    const list = strongByTarget.get(targetOf(match));
    if (list === undefined) return false;
    // The nearest strong match before (by the furthest end among those starting
    // no later) and the first one starting after, by the gap between spans.
    const after = firstAtLeast(list.starts, match.start + 1);
    if (after > 0) {
      const gap = match.start - Math.min(list.reach[after - 1]!, match.end);
      if (gap <= WEAK_CONFIRMATION_DISTANCE) return true;
    }
    const next = list.starts[after];
    if (next !== undefined && next - Math.min(next, match.end) <= WEAK_CONFIRMATION_DISTANCE) {
      return true;
    }
    // Or any strong match of the same paragraph.
    const paragraph = firstAtLeast(lineBreaks, match.start);
    const from = paragraph === 0 ? 0 : lineBreaks[paragraph - 1]! + 1;
    const to = lineBreaks[paragraph] ?? Infinity;
    const first = list.starts[firstAtLeast(list.starts, from)];
    return first !== undefined && first <= to;
  });
}

/** Index of the first value >= target in an ascending array (its length when none). */
function firstAtLeast(sorted: readonly number[], target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
