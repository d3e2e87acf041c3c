/**
 * Word skeletons: a fingerprint of a word that the normaliser's spelling
 * folds leave unchanged, read straight from the page's chars. The matcher
 * keeps the skeletons of every alias's first word and normalises only the
 * page's words that have one of them, instead of the whole page (most words
 * of a news page begin no alias).
 *
 * Why it is fold-proof: every fold of core/normalize.ts replaces a run of
 * letters with a run drawn from the same group - dzh, dj, zh -> j, kh -> h,
 * gh -> g and q -> k stay within {d z j h k g q}; you -> iu, yo and ye -> e,
 * ou -> u and y -> i within {e i o u y}; a doubled letter becomes one. So if
 * each key char stands for its group (every other char is a group of its
 * own) and a run of one group counts once, a page's word and its folded key
 * have the same sequence of groups, whatever the spelling. The one fold that
 * changes it is the patronymic ending (-zod, -zade, -zadeh, -zadh -> -zoda):
 * a dictionary word ending in -zoda is entered once per ending.
 *
 * A word that only begins longer keys (the first word of "Islamic Revival
 * Party", or a given name) is a candidate only when the word after it has
 * the skeleton of such a key's second word: the table also keeps the
 * skeleton pairs of every longer key's first two words. On a news page most
 * words that begin a key are such words ("the", "ministry", given names),
 * and most of them are followed by some other word.
 *
 * A word with an apostrophe can become several key words (l'Ali, Rahmon's)
 * and is always a candidate, and so is a word that begins a longer key when
 * such a word follows it.
 */
import { KEY_LINE_BREAK, KEY_SPACE, keyCharPool, keyCharsOf } from './normalize';

/** Group of a separator (ends a word). */
const SEPARATOR = 0;
/** Group of an apostrophe (part of a word, makes it a candidate). */
const APOSTROPHE = 1;
/**
 * Group of a byte of a non-ASCII char, in the first pass's byte table only:
 * such a char is decoded and grouped by its key chars. The three groups
 * that stop the pass's hot loop come first, so one comparison finds them.
 */
const NON_ASCII_BYTE = 2;
const FOLDED_VOWELS = 3;
const FOLDED_CONSONANTS = 4;
/** Every other key char c is its own group, c + OWN_GROUP. */
const OWN_GROUP = 5;

/** Layer bits of a candidate word: which tries have an alias whose first word has its skeleton. */
export const NAMES_LAYER = 1;
export const KEYWORDS_LAYER = 2;
const ALL_LAYERS = NAMES_LAYER | KEYWORDS_LAYER;
/**
 * A candidate's layers << this: those in which a key longer than the word
 * may match from it (some key of the layer goes on past a word of its
 * skeleton, and where the pass could tell, the next word pairs with it).
 * In the others only a one-word key can, and the matcher reads one word.
 */
export const MAY_GO_ON_SHIFT = 2;

// FNV-1a (core/windowMemo.ts hashes with the same). Kept in this module: imported
// from a shared one, they made the first pass take 5.4 ms per MB, not 4.4 (under tsx).
const HASH_BASIS = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

/** Group of each ASCII key char. */
const KEY_GROUP = new Int32Array(0x80);
for (let code = 0; code < 0x80; code++) KEY_GROUP[code] = code + OWN_GROUP;
KEY_GROUP[KEY_SPACE] = SEPARATOR;
KEY_GROUP[KEY_LINE_BREAK] = SEPARATOR;
KEY_GROUP[0x27] = APOSTROPHE;
for (const c of 'eiouy') KEY_GROUP[c.charCodeAt(0)] = FOLDED_VOWELS;
for (const c of 'dzjhkgq') KEY_GROUP[c.charCodeAt(0)] = FOLDED_CONSONANTS;

export function groupOfKeyChar(code: number): number {
  return code < 0x80 ? KEY_GROUP[code]! : code + OWN_GROUP;
}

/**
 * Group of each byte value of a page's UTF-8 (or each ASCII char code): an
 * ASCII char maps to exactly one key char, so its group (< 0x85); any byte
 * of a longer char, NON_ASCII_BYTE.
 */
let rawByteGroups: Uint8Array | null = null;

export function rawByteGroup(): Uint8Array {
  if (rawByteGroups !== null) return rawByteGroups;
  const groups = new Uint8Array(0x100).fill(NON_ASCII_BYTE);
  for (let unit = 0; unit < 0x80; unit++) {
    groups[unit] = groupOfKeyChar(keyCharPool()[keyCharsOf(unit) >>> 5]!);
  }
  return (rawByteGroups = groups);
}

/** The skeleton hash of key chars (a normalised word, no separators). */
function skeletonOfKey(word: string): number {
  let hash = HASH_BASIS;
  let previous = SEPARATOR;
  for (let i = 0; i < word.length; i++) {
    const group = groupOfKeyChar(word.charCodeAt(i));
    if (group === previous) continue;
    hash = Math.imul(hash ^ group, HASH_PRIME);
    previous = group;
  }
  return hash;
}

/** What a page may write for a key word's ending -zoda (see core/normalize.ts foldSuffix). */
const PATRONYMIC_ENDINGS = ['zoda', 'zod', 'zade', 'zada', 'zadeh', 'zadh'];

/** The skeletons a page's word may have when its key is `keyWord`. */
export function skeletonsOfKeyWord(keyWord: string): number[] {
  const skeletons = [skeletonOfKey(keyWord)];
  if (keyWord.length >= 6 && keyWord.endsWith('zoda')) {
    const stem = keyWord.slice(0, -4);
    for (const ending of PATRONYMIC_ENDINGS) skeletons.push(skeletonOfKey(stem + ending));
  }
  return skeletons;
}

/**
 * An open-addressing set of hashes, each with layer bits, behind a bit
 * filter. Plain typed arrays: it travels inside a compiled matcher.
 */
export interface HashLayers {
  /** Hashes (0: empty slot; a hash of 0 is stored as 1). Length: a power of two, at least 2. */
  hashes: Int32Array;
  /** Layer bits per slot. */
  layers: Uint8Array;
  /**
   * One bit per value of a hash's top bits, set for the stored hashes:
   * FILTER_BITS_PER_SLOT bits per slot. Most words of a page are in no set,
   * and one load and a bit test turn most of them away, where probing the
   * slots costs a multiplication and a run of loads and unpredictable
   * branches.
   */
  filter: Int32Array;
}

/** Filter bits per slot of a HashLayers: at least 16 per stored hash, about 1 in 16 false hits. */
const FILTER_BITS_PER_SLOT = 8;

/**
 * The skeletons of the keys' first words, and of the pairs of first and
 * second words of the keys that have more than one.
 */
export interface SkeletonTable {
  /**
   * Per first-word skeleton: the layers in which a key is that one word
   * (bits 0-1), and those in which a key begins with it and goes on (the
   * same bits << LONGER_KEY_SHIFT).
   */
  words: HashLayers;
  /** Per pairSkeleton of a longer key's first two words: its layers. */
  pairs: HashLayers;
}

/** Where a table entry keeps the layers of the keys that go on past the word. */
const LONGER_KEY_SHIFT = 2;

/** One hash for two consecutive words' skeletons (in order). */
const pairSkeleton = (first: number, second: number): number =>
  Math.imul(first, HASH_PRIME) ^ Math.imul(second, 0x9e3779b1);

/** A slot from the top bits of the multiplied hash (the table has at least two slots). */
const slotOf = (hash: number, mask: number): number =>
  (Math.imul(hash, 0x9e3779b1) >>> Math.clz32(mask)) & mask;

/** How far a hash shifts right to its bit in a filter of `filterWords` 32-bit words (a power of two). */
export const filterShiftOf = (filterWords: number): number => Math.clz32(filterWords) - 4;

/** The bit of a hash in a filter of `filterWords` 32-bit words: its top bits. */
const filterBitOf = (hash: number, filterWords: number): number =>
  hash >>> filterShiftOf(filterWords);

function toHashLayers(entries: ReadonlyMap<number, number>): HashLayers {
  let size = 2;
  while (size < 2 * entries.size) size *= 2;
  const hashes = new Int32Array(size);
  const layers = new Uint8Array(size);
  const filter = new Int32Array((size * FILTER_BITS_PER_SLOT) >>> 5 || 1);
  for (const [hash, layer] of entries) {
    let slot = slotOf(hash, size - 1);
    while (hashes[slot] !== 0) slot = (slot + 1) & (size - 1);
    hashes[slot] = hash;
    layers[slot] = layer;
    const bit = filterBitOf(hash, filter.length);
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }
  return { hashes, layers, filter };
}

/** The first two words of a normalised key (the second undefined for a one-word key). */
function firstTwoWords(key: string): [string, string | undefined] {
  const first = wordEndIn(key, 0);
  if (first === key.length) return [key, undefined];
  return [key.slice(0, first), key.slice(first + 1, wordEndIn(key, first + 1))];
}

/** Where the key word starting at `from` ends: the next space or line break, or the key's end. */
function wordEndIn(key: string, from: number): number {
  for (let i = from; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code === KEY_SPACE || code === KEY_LINE_BREAK) return i;
  }
  return key.length;
}

/** Adds `bits` to a hash's layers (a hash of 0 is stored as 1). */
function note(entries: Map<number, number>, hash: number, bits: number): void {
  const stored = hash === 0 ? 1 : hash;
  entries.set(stored, (entries.get(stored) ?? 0) | bits);
}

/** The table of the first words of `names` and `keywords` (normalised keys). */
export function buildSkeletonTable(
  names: readonly string[],
  keywords: readonly string[],
): SkeletonTable {
  const words = new Map<number, number>();
  const pairs = new Map<number, number>();
  const add = (keys: readonly string[], layer: number): void => {
    for (const key of keys) {
      const [first, second] = firstTwoWords(key);
      const firsts = skeletonsOfKeyWord(first);
      if (second === undefined) {
        for (const skeleton of firsts) note(words, skeleton, layer);
        continue;
      }
      const seconds = skeletonsOfKeyWord(second);
      for (const skeleton of firsts) {
        note(words, skeleton, layer << LONGER_KEY_SHIFT);
        for (const next of seconds) note(pairs, pairSkeleton(skeleton, next), layer);
      }
    }
  };
  add(names, NAMES_LAYER);
  add(keywords, KEYWORDS_LAYER);
  return { words: toHashLayers(words), pairs: toHashLayers(pairs) };
}

function isHashLayers(value: unknown): value is HashLayers {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Partial<HashLayers>;
  return (
    t.hashes instanceof Int32Array &&
    t.layers instanceof Uint8Array &&
    t.filter instanceof Int32Array &&
    t.hashes.length >= 2 &&
    (t.hashes.length & (t.hashes.length - 1)) === 0 &&
    t.layers.length === t.hashes.length &&
    t.filter.length === ((t.hashes.length * FILTER_BITS_PER_SLOT) >>> 5 || 1)
  );
}

export function isSkeletonTable(value: unknown): value is SkeletonTable {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Partial<SkeletonTable>;
  return isHashLayers(t.words) && isHashLayers(t.pairs);
}

/** The layer bits of a hash (0 when the set does not hold it). */
function layersOf(set: HashLayers, hash: number): number {
  const { hashes, layers, filter } = set;
  const wanted = hash === 0 ? 1 : hash;
  const bit = filterBitOf(wanted, filter.length);
  if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return 0;
  const mask = hashes.length - 1;
  for (let slot = slotOf(wanted, mask); ; slot = (slot + 1) & mask) {
    const stored = hashes[slot]!;
    if (stored === wanted) return layers[slot]!;
    if (stored === 0) return 0;
  }
}

/** A word that begins a longer key, held until the next word ends (start -1: none). */
interface HeldWord {
  start: number;
  end: number;
  skeleton: number;
  /** Layers in which it is a whole key: handed on whatever follows. */
  whole: number;
  /** Layers in which it only begins longer keys: handed on if the next word pairs with it. */
  longer: number;
  /** Layers in which it begins longer keys, whether or not it is a whole key in them. */
  goesOn: number;
}

/**
 * Hands the held word on with its whole-key layers and those of `pairs` (in
 * which the next word pairs with it), marking those where a longer key may
 * match.
 */
function releaseHeld(held: HeldWord, onWord: CandidateWord, pairs: number): void {
  const layers = held.whole | (held.longer & pairs);
  if (layers !== 0)
    onWord(held.start, held.end, layers | ((held.goesOn & pairs) << MAY_GO_ON_SHIFT));
  held.start = -1;
}

/**
 * What a finished word of the page does, given its skeleton's table entry
 * (`entry` < 0: the word has an apostrophe): first it settles the held word
 * before it, then hands itself on, or is held in turn.
 */
function endWord(
  table: SkeletonTable,
  held: HeldWord,
  start: number,
  end: number,
  skeleton: number,
  entry: number,
  onWord: CandidateWord,
): void {
  if (held.start >= 0) {
    const pairs =
      entry < 0 ? ALL_LAYERS : layersOf(table.pairs, pairSkeleton(held.skeleton, skeleton));
    releaseHeld(held, onWord, pairs);
  }
  if (entry < 0) {
    onWord(start, end, ALL_LAYERS | (ALL_LAYERS << MAY_GO_ON_SHIFT));
    return;
  }
  const whole = entry & ALL_LAYERS;
  const goesOn = (entry >>> LONGER_KEY_SHIFT) & ALL_LAYERS;
  const longer = goesOn & ~whole;
  if (longer === 0) {
    if (whole !== 0) onWord(start, end, whole | (goesOn << MAY_GO_ON_SHIFT));
    return;
  }
  held.start = start;
  held.end = end;
  held.skeleton = skeleton;
  held.whole = whole;
  held.longer = longer;
  held.goesOn = goesOn;
}

/** Where the code point after the one keyCharsAt last read starts. */
let nextUnit = 0;

/**
 * keyCharsOf the code point at text[i] (a surrogate pair is one code point,
 * a lone surrogate its own, as in the normaliser); sets nextUnit.
 */
function keyCharsAt(text: string, i: number): number {
  const codePoint = text.codePointAt(i)!;
  nextUnit = codePoint > 0xffff ? i + 2 : i + 1;
  return keyCharsOf(codePoint);
}

/**
 * Called for each candidate word: its span in the page's text and its layers
 * (NAMES_LAYER, KEYWORDS_LAYER), and those layers again << MAY_GO_ON_SHIFT
 * where a longer key may match from it.
 */
export type CandidateWord = (start: number, end: number, layers: number) => void;

/**
 * Scratch kept between calls up to this many bytes (a longer text gets its
 * own): 2 MB holds a 1 MB page of mostly Latin text (the bench's, or a
 * long page read whole), which otherwise allocated 1.1 MB per call.
 */
const UTF8_SCRATCH_KEPT = 1 << 21;
const NO_BYTES = new Uint8Array(0);
let utf8Scratch: Uint8Array = NO_BYTES;
const utf8Encoder = new TextEncoder();

/**
 * `text` as UTF-8 in bytes[0, length), with a space after it (bytes[length]):
 * the first pass's hot loop then needs no bounds check. A lone surrogate
 * becomes U+FFFD, which takes one UTF-16 unit as the surrogate did, and
 * which the normaliser, like a lone surrogate, makes a separator. Give the
 * bytes back (giveBackScratch) once read.
 */
function utf8Of(text: string): { bytes: Uint8Array; length: number } {
  const [mostlyLatin, most] = utf8Rooms(text.length);
  let bytes = takeScratch(mostlyLatin + 1);
  let { read, written } = utf8Encoder.encodeInto(text, bytes.subarray(0, bytes.length - 1));
  if (read! < text.length) {
    giveBackScratch(bytes);
    bytes = takeScratch(most + 1);
    written = utf8Encoder.encodeInto(text, bytes).written;
  }
  bytes[written!] = KEY_SPACE;
  return { bytes, length: written! };
}

/**
 * Bytes to try encoding `units` UTF-16 units of text into, before the space
 * written after them: first room for mostly Latin text, then for the most a
 * unit takes (3 bytes). The first pass in WebAssembly encodes the same way.
 */
export function utf8Rooms(units: number): readonly [number, number] {
  return [units + (units >> 3) + 15, 3 * units];
}

/**
 * A buffer of at least `size` bytes: the kept scratch when it is large
 * enough, taken while in use (a pass run meanwhile, from a callback, gets
 * its own), or a new one.
 */
function takeScratch(size: number): Uint8Array {
  const kept = utf8Scratch;
  if (kept.length < size) return new Uint8Array(size);
  utf8Scratch = NO_BYTES;
  return kept;
}

/** Keeps a buffer as the scratch: if it is larger than the kept one, and not too large to keep. */
function giveBackScratch(bytes: Uint8Array): void {
  if (bytes.length <= UTF8_SCRATCH_KEPT && bytes.length > utf8Scratch.length) utf8Scratch = bytes;
}

/**
 * Calls `onWord`, in text order, for every word of `text` that may begin an
 * alias of the table's layers: its skeleton is a key's first word, and when
 * all such keys of a layer have more words, the next word's skeleton pairs
 * with it (such a word is handed on once that next word has ended).
 *
 * A word is a run of chars whose key chars are not separators (chars the
 * normaliser drops belong to no word); it spans from its first char to the
 * end of the last one that gave it a key char. A char that the normaliser
 * splits into two words (½: 1, 2) starts the second at the same offset the
 * first ends: the matcher then does not try that second word right after a
 * match that ends in the first.
 *
 * It reads the text as UTF-8 bytes: V8 reads a typed array faster than a
 * string's char codes, more than paying for the encoding (docs/performance.md,
 * round 8). The offsets it hands on are UTF-16 offsets, as everywhere else.
 */
export function forEachCandidateWordInScript(
  text: string,
  table: SkeletonTable,
  onWord: CandidateWord,
): void {
  const { bytes, length: n } = utf8Of(text);
  const raw = rawByteGroup();
  const words = table.words;
  const held: HeldWord = { start: -1, end: 0, skeleton: 0, whole: 0, longer: 0, goesOn: 0 };
  let hash = HASH_BASIS;
  let previous = SEPARATOR;
  let start = -1;
  let end = 0;
  /** Non-zero once the word holds an apostrophe. */
  let apostrophe = 0;
  /** Bytes so far beyond their chars' UTF-16 units: byte b is at UTF-16 offset b - extraBytes. */
  let extraBytes = 0;
  let b = 0;
  while (b < n) {
    const byte = bytes[b]!;
    if (byte < 0x80) {
      let group = raw[byte]!;
      if (group !== SEPARATOR) {
        if (start < 0) start = b - extraBytes;
        if (group === APOSTROPHE) apostrophe = 1;
        // The hot loop: a run of ASCII word chars, one key char each, up to a separator
        // (the space after the text at the latest), an apostrophe, which comes back here
        // and marks the word, or a non-ASCII char. (An apostrophe's step of the hash does
        // not matter: such a word is a candidate anyway.)
        for (;;) {
          if (group !== previous) {
            hash = Math.imul(hash ^ group, HASH_PRIME);
            previous = group;
          }
          group = raw[bytes[++b]!]!;
          if (group <= NON_ASCII_BYTE) break;
        }
        end = b - extraBytes;
        // The word goes on into a non-ASCII char or an apostrophe.
        if (group !== SEPARATOR) continue;
      }
      if (start >= 0) {
        const entry = apostrophe !== 0 ? -1 : layersOf(words, hash);
        if (entry !== 0 || held.start >= 0) endWord(table, held, start, end, hash, entry, onWord);
        hash = HASH_BASIS;
        previous = SEPARATOR;
        start = -1;
        apostrophe = 0;
      }
      b++;
      continue;
    }
    // A multi-byte sequence (well formed: TextEncoder wrote it).
    let codePoint: number;
    let length: number;
    if (byte < 0xe0) {
      codePoint = ((byte & 0x1f) << 6) | (bytes[b + 1]! & 0x3f);
      length = 2;
    } else if (byte < 0xf0) {
      codePoint = ((byte & 0x0f) << 12) | ((bytes[b + 1]! & 0x3f) << 6) | (bytes[b + 2]! & 0x3f);
      length = 3;
    } else {
      codePoint =
        ((byte & 0x07) << 18) |
        ((bytes[b + 1]! & 0x3f) << 12) |
        ((bytes[b + 2]! & 0x3f) << 6) |
        (bytes[b + 3]! & 0x3f);
      length = 4;
    }
    const at = b - extraBytes;
    extraBytes += length - (codePoint > 0xffff ? 2 : 1);
    b += length;
    const next = b - extraBytes;
    const encoded = keyCharsOf(codePoint);
    const pool = keyCharPool();
    const offset = encoded >>> 5;
    const count = encoded & 31;
    for (let k = 0; k < count; k++) {
      const group = groupOfKeyChar(pool[offset + k]!);
      if (group === SEPARATOR) {
        if (start >= 0) {
          const entry = apostrophe !== 0 ? -1 : layersOf(words, hash);
          if (entry !== 0 || held.start >= 0) endWord(table, held, start, end, hash, entry, onWord);
          hash = HASH_BASIS;
          previous = SEPARATOR;
          start = -1;
          apostrophe = 0;
        }
        continue;
      }
      if (start < 0) start = at;
      end = next;
      if (group === APOSTROPHE) apostrophe = 1;
      else if (group !== previous) {
        hash = Math.imul(hash ^ group, HASH_PRIME);
        previous = group;
      }
    }
  }
  if (start >= 0) {
    const entry = apostrophe !== 0 ? -1 : layersOf(words, hash);
    if (entry !== 0 || held.start >= 0) endWord(table, held, start, end, hash, entry, onWord);
  }
  // A word that only begins longer keys cannot be one at the text's end.
  if (held.start >= 0) releaseHeld(held, onWord, 0);
  giveBackScratch(bytes);
}

/**
 * Where normalising must begin for the key's words from the page offset
 * `start` on to be the words of the whole text's key: `start` itself when
 * the text before it ends in a separator (or is empty), else the start of
 * the word that runs into `start`, which one char can end while it begins
 * the next (½ is "1 2", so in "a½b" the word "2b" begins inside "a1").
 */
export function startOfWordsBefore(text: string, start: number): number {
  const raw = rawByteGroup();
  let i = start;
  while (i > 0) {
    let at = i - 1;
    const unit = text.charCodeAt(at);
    if (unit < 0x80) {
      // Most candidates: the ASCII space or punctuation before them.
      if (raw[unit] === SEPARATOR) return i;
      i = at;
      continue;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff && at > 0) {
      const high = text.charCodeAt(at - 1);
      if (high >= 0xd800 && high <= 0xdbff) at--;
    }
    const encoded = keyCharsAt(text, at);
    const count = encoded & 31;
    // A char the normaliser drops belongs to what comes before it.
    if (count > 0 && groupOfKeyChar(keyCharPool()[(encoded >>> 5) + count - 1]!) === SEPARATOR) {
      return i;
    }
    i = at;
  }
  return 0;
}

/**
 * Whether text[i] is an ASCII char that no word holds (a space, most
 * punctuation): a word that reaches it ends there, whatever comes after
 * (false beyond ASCII, where one char can end a word and begin the next).
 */
export function isAsciiSeparatorAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  return unit < 0x80 && rawByteGroup()[unit] === SEPARATOR;
}

/**
 * Where the `words`-th word from `from` ends (`from` at a word's start or
 * between words), by the same word boundaries as forEachCandidateWord; the
 * text's end when it has fewer words. The answer is always between words of
 * the normaliser's key too, so a range of the text can be normalised up to
 * it and grown from it (extendRangeToCodes): where one char gives a word's
 * end, a separator and the start of the next word (½: 1 2), the next word
 * counts as well, as it may go on past the char.
 */
export function endOfWords(text: string, from: number, words: number): number {
  const raw = rawByteGroup();
  const n = text.length;
  let seen = 0;
  let inWord = false;
  let end = from;
  let i = from;
  while (i < n) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      if (raw[unit]! !== SEPARATOR) {
        inWord = true;
        end = ++i;
        continue;
      }
      if (inWord && ++seen === words) return end;
      inWord = false;
      i++;
      continue;
    }
    const encoded = keyCharsAt(text, i);
    const next = nextUnit;
    const pool = keyCharPool();
    const offset = encoded >>> 5;
    const count = encoded & 31;
    // A char the normaliser drops (a combining mark) joins the word it follows.
    if (count === 0 && inWord) end = next;
    for (let k = 0; k < count; k++) {
      if (groupOfKeyChar(pool[offset + k]!) !== SEPARATOR) {
        inWord = true;
        end = next;
      } else if (inWord) {
        if (++seen === words) {
          if (groupOfKeyChar(pool[offset + count - 1]!) === SEPARATOR) return end;
          words++;
        }
        inWord = false;
      }
    }
    i = next;
  }
  return n;
}
