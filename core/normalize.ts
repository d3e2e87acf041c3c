/**
 * The one text normaliser, used for dictionary spellings and page text alike,
 * so that every spelling of a name - Latin, Cyrillic (Russian, Tajik, Uzbek,
 * Kazakh), Arabic/Persian script, with or without diacritics - reaches the
 * same key, while each key character still points back at the exact UTF-16
 * span of the page text it came from (highlights need the original offsets).
 *
 * Pipeline, per code point then per word:
 *  1. NFKD, drop combining marks, lower-case (a cached table per code point,
 *     so the page text never allocates per character). Cyrillic and Arabic
 *     letters are transliterated to Latin; NFKD + mark stripping gives the
 *     same letters NFKC would, minus the diacritics we strip anyway.
 *  2. Word folds of transliteration variants, left to right, longest first:
 *     dzh/dj/zh -> j, kh -> h, gh -> g, you -> iu, yo/ye -> e, ou -> u,
 *     y -> i, q -> k; then doubled letters -> one; then a final
 *     -zoda/-zod/-zade/-zada/-zadeh -> "zoda".
 *     zh -> j is deliberate: in Central Asian names Russian "zh" and
 *     "dzh" and Uzbek/Kazakh Latin "j" write the same letter (Zhanibek /
 *     Janibek, Dzhuraev / Juraev, Nazhmiddin / Najmiddin); two different
 *     people told apart only by zh vs j are far rarer than one person
 *     spelled both ways.
 *     Not folded: word endings such as Russian -ov/-ova (Rahmonov is a
 *     different key from Rahmon: list it as an alias), and e/i vowels
 *     (Emomali / Imomali: list both), because folding them would merge
 *     different names.
 *  3. Punctuation, dashes, spaces and symbols become one separator " ";
 *     a run of separators that holds a line break becomes "\n" (so aliases,
 *     which never contain "\n", cannot match across paragraphs). Leading
 *     and trailing separators are dropped.
 * Apostrophes: a possessive ('s) or a French/Italian elision (l', d', qu')
 * separates; inside a word (Ma'ruf, O'zbekiston) it is dropped.
 * Unvocalised Arabic script cannot reach the Latin key of the same name (it
 * has no short vowels); it gets a stable Latin key of its own, so a dataset
 * alias written in Arabic script matches Arabic-script pages.
 */

export interface NormalizedText {
  key: string;
  /** starts[i]/ends[i]: the UTF-16 span in the source text of key char i. */
  starts: Uint32Array;
  ends: Uint32Array;
}

/** Key character separating words on one line. */
export const KEY_SPACE = 0x20;
/** Key character standing for a separator run that contains a line break. */
export const KEY_LINE_BREAK = 0x0a;
/** Marker in the per-code-point table for apostrophe-like characters. */
const APOSTROPHE = 0x27;

const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
const ch = (s: string): number => s.charCodeAt(0);
const D = ch('d');
const Z = ch('z');
const H = ch('h');
const J = ch('j');
const K = ch('k');
const G = ch('g');
const Y = ch('y');
const O = ch('o');
const U = ch('u');
const E = ch('e');
const I = ch('i');
const Q = ch('q');
const S = ch('s');

/** Replacements applied to lower-cased characters (before and after NFKD). '' drops the char. */
const TRANSLIT: Record<string, string> = {
  // Latin letters NFKD leaves alone.
  ß: 'ss',
  ı: 'i',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ŋ: 'ng',
  ς: 'σ',
  // Russian.
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Tajik (ӣ and ӯ decompose to и and у plus a macron).
  ғ: 'gh',
  қ: 'q',
  ҳ: 'h',
  ҷ: 'j',
  // Uzbek (ў is o' in Uzbek Latin; it must not decompose to у).
  ў: 'o',
  // Kazakh.
  ә: 'a',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  // Ukrainian and Serbian.
  є: 'ye',
  ґ: 'g',
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dzh',
  ѕ: 'dz',
  ӏ: '',
  // Arabic and Persian script (hamza and madda forms decompose to these).
  ا: 'a',
  ٱ: 'a',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ث: 's',
  ج: 'j',
  چ: 'ch',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'z',
  ر: 'r',
  ز: 'z',
  ژ: 'zh',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'z',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'h',
  ھ: 'h',
  ہ: 'h',
  و: 'v',
  ي: 'y',
  ی: 'y',
  ى: 'a',
  ے: 'y',
  ء: '',
  ـ: '',
  '٠': '0',
  '١': '1',
  '٢': '2',
  '٣': '3',
  '٤': '4',
  '٥': '5',
  '٦': '6',
  '٧': '7',
  '٨': '8',
  '٩': '9',
  '۰': '0',
  '۱': '1',
  '۲': '2',
  '۳': '3',
  '۴': '4',
  '۵': '5',
  '۶': '6',
  '۷': '7',
  '۸': '8',
  '۹': '9',
};

/** Apostrophe-like characters, including the Uzbek/Arabic-transliteration modifier letters. */
const APOSTROPHES = new Set(["'", '’', '‘', 'ʻ', 'ʼ', 'ʾ', 'ʿ', '`', '´', '′']);
const LINE_BREAKS = new Set(['\n', '\r', '\u2028', '\u2029', '\v', '\f', '\u0085']);
const MARK = /\p{M}/u;
const FORMAT = /\p{Cf}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** What one code point becomes: a short sequence of key chars (letters, SPACE, LINE_BREAK, APOSTROPHE). */
function mapCodePoint(cp: number): number[] {
  const source = String.fromCodePoint(cp);
  if (APOSTROPHES.has(source)) return [APOSTROPHE];
  if (LINE_BREAKS.has(source)) return [KEY_LINE_BREAK];
  if (cp === 0x200b) return [KEY_SPACE]; // zero-width space: a word break, not a joiner
  const lower = source.toLowerCase();
  const direct = TRANSLIT[lower];
  if (direct !== undefined) return codesOf(direct);
  const out: number[] = [];
  for (const part of lower.normalize('NFKD')) {
    if (MARK.test(part) || FORMAT.test(part)) continue;
    for (const letter of part.toLowerCase()) {
      const translit = TRANSLIT[letter];
      if (translit !== undefined) out.push(...codesOf(translit));
      else if (LETTER_OR_DIGIT.test(letter)) out.push(...codesOf(letter));
      else out.push(KEY_SPACE);
    }
  }
  return out;
}

function codesOf(s: string): number[] {
  const codes: number[] = [];
  for (let i = 0; i < s.length; i++) codes.push(s.charCodeAt(i));
  return codes;
}

// The per-code-point cache: (offset into `pool` << 5) | length; -1 = not computed yet.
let bmpTable: Int32Array | null = null;
const astralTable = new Map<number, number>();
let pool = new Uint16Array(4096);
let poolLength = 0;
/** ASCII's key chars: every ASCII char maps to exactly one (letter, digit, SPACE, LINE_BREAK, APOSTROPHE). */
let asciiTable: Uint16Array | null = null;

function encodeMapping(cp: number): number {
  const codes = mapCodePoint(cp).slice(0, 31);
  while (poolLength + codes.length > pool.length) pool = grow16(pool, poolLength);
  pool.set(codes, poolLength);
  const encoded = (poolLength << 5) | codes.length;
  poolLength += codes.length;
  return encoded;
}

function bmpMapping(cp: number): number {
  if (bmpTable === null) bmpTable = new Int32Array(0x10000).fill(-1);
  let encoded = bmpTable[cp]!;
  if (encoded < 0) {
    encoded = encodeMapping(cp);
    bmpTable[cp] = encoded;
  }
  return encoded;
}

function astralMapping(cp: number): number {
  let encoded = astralTable.get(cp);
  if (encoded === undefined) {
    encoded = encodeMapping(cp);
    astralTable.set(cp, encoded);
  }
  return encoded;
}

function buildAsciiTable(): Uint16Array {
  const table = new Uint16Array(0x80);
  for (let cp = 0; cp < 0x80; cp++) {
    const codes = mapCodePoint(cp);
    if (codes.length !== 1) throw new Error(`ASCII ${cp} maps to ${codes.length} key chars`);
    table[cp] = codes[0]!;
  }
  return table;
}

function grow16(a: Uint16Array, used: number): Uint16Array<ArrayBuffer> {
  const b = new Uint16Array(a.length * 2);
  b.set(a.subarray(0, used));
  return b;
}

/*
 * The output: key chars and their source spans, in parallel typed arrays.
 * normalizeWithOffsets gives each call fresh arrays sized to the text and
 * returns views of them; normalizeKey reuses one small set (it returns only
 * the string). Normalising is synchronous, so the module-level state is never
 * shared by two calls at once.
 *
 * A word is written raw straight into the output, one slot past its end (the
 * slot a separator before it may need; the first word, which no separator
 * goes before, right at 0), and folded in place when it ends:
 * folds never lengthen a word except -zod -> -zoda at its very end, so the
 * fold's write position never passes its read position.
 */
let keyChars: Uint16Array = new Uint16Array(256);
let keyStarts: Uint32Array = new Uint32Array(256);
let keyEnds: Uint32Array = new Uint32Array(256);
let chars = keyChars;
let starts = keyStarts;
let ends = keyEnds;
/** Key chars written and final (the current word, if any, lies beyond). */
let length = 0;
/** Where the current raw word starts (rawWordStart()) and how long it is. */
let wordStart = 0;
let wordLength = 0;
let wordHasApostrophe = false;
/** False while the raw word is known to be its own folded form (plain ASCII, no fold lead, no doubled char). */
let wordNeedsFold = false;

// A separator run seen but not yet written: written only before the next word (trims and collapses).
let pendingSeparator = false;
let pendingLineBreak = false;
let pendingStart = 0;
let pendingEnd = 0;

function useBuffers(c: Uint16Array, s: Uint32Array, e: Uint32Array): void {
  chars = c;
  starts = s;
  ends = e;
}

/** Makes room for index `last` (and everything before it), keeping what is written. */
function ensureCapacity(last: number): void {
  if (last < chars.length) return;
  let size = chars.length * 2;
  while (last >= size) size *= 2;
  const used = Math.min(chars.length, Math.max(length, wordStart + wordLength));
  chars = copyInto(new Uint16Array(size), chars, used);
  starts = copyInto(new Uint32Array(size), starts, used);
  ends = copyInto(new Uint32Array(size), ends, used);
}

function copyInto<T extends Uint16Array | Uint32Array>(to: T, from: T, used: number): T {
  to.set(from.subarray(0, used));
  return to;
}

function noteSeparator(lineBreak: boolean, start: number, end: number): void {
  if (pendingSeparator) {
    pendingEnd = end;
    pendingLineBreak ||= lineBreak;
  } else {
    pendingSeparator = true;
    pendingLineBreak = lineBreak;
    pendingStart = start;
    pendingEnd = end;
  }
}

/** Normalises a dictionary string; the same key normalizeWithOffsets(s).key gives. */
export function normalizeKey(s: string): string {
  useBuffers(keyChars, keyStarts, keyEnds);
  normalizeIntoOutput(s);
  // Keep the shared buffers as grown.
  keyChars = chars;
  keyStarts = starts;
  keyEnds = ends;
  return decode(chars, length);
}

/** Normalises text and maps every key char back to its source span in `text`. */
export function normalizeWithOffsets(text: string): NormalizedText {
  const { codes, starts: keyStartsOf, ends: keyEndsOf } = normalizeToCodes(text);
  return { key: decode(codes, codes.length), starts: keyStartsOf, ends: keyEndsOf };
}

/** The key as char codes: normalizeWithOffsets without building the key string. */
export interface NormalizedCodes {
  codes: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

/** normalizeWithOffsets' key as char codes, for the matcher, which scans codes and needs no string. */
export function normalizeToCodes(text: string): NormalizedCodes {
  const capacity = text.length + 16;
  useBuffers(new Uint16Array(capacity), new Uint32Array(capacity), new Uint32Array(capacity));
  normalizeIntoOutput(text);
  const result: NormalizedCodes = {
    codes: chars.subarray(0, length),
    starts: starts.subarray(0, length),
    ends: ends.subarray(0, length),
  };
  // Do not keep this text's arrays alive after the call.
  useBuffers(keyChars, keyStarts, keyEnds);
  return result;
}

/**
 * normalizeRangeToCodes' answer: the key of text[from, to) is codes[0, length),
 * with starts and ends as in NormalizedCodes. The arrays are longer than
 * `length`, and both they and this object are reused by the next call.
 */
export interface NormalizedRange {
  codes: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
  length: number;
  /** Where the range ends in the text. */
  to: number;
}

/*
 * A range's own output set: normalizeRangeToCodes runs once per candidate
 * word of a page (core/matcher.ts), so it allocates nothing per call.
 */
const range: NormalizedRange = {
  codes: new Uint16Array(256),
  starts: new Uint32Array(256),
  ends: new Uint32Array(256),
  length: 0,
  to: 0,
};

/**
 * normalizeToCodes of text[from, to), with offsets into the whole `text`:
 * what the same words give inside the whole text's key, when `from` and `to`
 * fall between words (a word is folded only within itself). Read the answer
 * before calling again: it is overwritten.
 */
export function normalizeRangeToCodes(text: string, from: number, to: number): NormalizedRange {
  return normalizeIntoRange(text, from, to, 0);
}

/**
 * The separator run that range ended in, not written (a range's key drops
 * trailing separators), which a grown range writes before its next word:
 * the char a range ends with may give a separator after its letters (⑴).
 */
let rangeSeparator = false;
let rangeLineBreak = false;
let rangeSeparatorStart = 0;
let rangeSeparatorEnd = 0;

/**
 * Appends the key of text[from, to) to the range that the last call here
 * (normalizeRangeToCodes, extendRangeToCodes or plainWordsToCodes) made of
 * the same `text`, which ended at `from`: the answer is then the key of
 * the whole range, as if normalised in one call, and the matcher need not
 * normalise again the words it already has to read one more. `from` must
 * fall between words, as the first range's ends do.
 */
export function extendRangeToCodes(text: string, from: number, to: number): NormalizedRange {
  if (from !== range.to) throw new Error('extendRangeToCodes: not where the last range ended');
  return normalizeIntoRange(text, from, to, range.length);
}

/**
 * The key of the text from `from` (between words) to the end of its
 * `words`-th word, or the last range grown by those words (`grow`, with
 * `from` where it ended), when they are plain words (see
 * normalizePlainRange), found and normalised in one reading; range.to is
 * where they end. Null when they are not: the caller then finds where they
 * end (endOfWords, whose word ends these are) and calls normalizeRangeToCodes
 * or extendRangeToCodes.
 */
export function plainWordsToCodes(
  text: string,
  from: number,
  words: number,
  grow: boolean,
): NormalizedRange | null {
  if (grow && from !== range.to)
    throw new Error('plainWordsToCodes: not where the last range ended');
  return normalizePlainRange(text, from, text.length, grow ? range.length : 0, words)
    ? range
    : null;
}

function normalizeIntoRange(text: string, from: number, to: number, kept: number): NormalizedRange {
  if (!normalizePlainRange(text, from, to, kept, 0)) {
    useBuffers(range.codes, range.starts, range.ends);
    normalizeIntoOutput(text, from, to, kept);
    keepRangeOutput();
    range.to = to;
  }
  return range;
}

/** Takes the general path's output and end state as the range's, and gives it back its buffers. */
function keepRangeOutput(): void {
  rangeSeparator = pendingSeparator;
  rangeLineBreak = pendingLineBreak;
  rangeSeparatorStart = pendingStart;
  rangeSeparatorEnd = pendingEnd;
  range.codes = chars;
  range.starts = starts;
  range.ends = ends;
  range.length = length;
  useBuffers(keyChars, keyStarts, keyEnds);
}

/**
 * normalizeIntoRange for a range of plain words: ASCII letters and digits
 * between separators (ASCII, or other chars that are one separator each, as
 * dashes and quotes are), which is what the matcher's windows almost always
 * hold. The same output (in `range`) and end state, with the state in
 * locals, where the general path reads and writes module state for every
 * word and separator and swaps the output arrays in and out (a plain
 * two-word window took 140-170 ns that way; docs/performance.md, round 9).
 * A word with an apostrophe is handed to the general path's flushWord.
 * With `words` > 0 it stops at the end of the `words`-th word instead of at
 * `to`. Returns false at the first char it does not take (a dropped char, a
 * letter beyond ASCII, a surrogate) or when the arrays are full, having
 * changed nothing the general path relies on.
 */
function normalizePlainRange(
  text: string,
  from: number,
  to: number,
  kept: number,
  words: number,
): boolean {
  const ascii = (asciiTable ??= buildAsciiTable());
  let c = range.codes;
  let s = range.starts;
  let e = range.ends;
  let wordsLeft = words > 0 ? words : -1;
  let w = kept;
  let separator = kept > 0 && rangeSeparator;
  let lineBreak = rangeLineBreak;
  let separatorStart = rangeSeparatorStart;
  let separatorEnd = rangeSeparatorEnd;
  let i = from;
  while (i < to) {
    const unit = text.charCodeAt(i);
    let code = unit < 0x80 ? ascii[unit]! : separatorBeyondAscii(unit);
    if (code < 0) return false;
    if (code === KEY_SPACE || code === KEY_LINE_BREAK) {
      if (!separator) {
        separator = true;
        lineBreak = false;
        separatorStart = i;
      }
      if (code === KEY_LINE_BREAK) lineBreak = true;
      separatorEnd = ++i;
      continue;
    }
    // A word: written raw one slot past the separator's (at 0 if it is the first), then
    // folded in place if it needs to be.
    const wordFrom = w === 0 ? 0 : w + 1;
    let at = wordFrom;
    let flags = 0;
    let previous = 0;
    for (;;) {
      // Room for this char, the next one's slot and -zod's extra char (the general path grows them).
      if (at + 2 >= c.length) return false;
      c[at] = code;
      s[at] = i;
      e[at] = i + 1;
      at++;
      flags |= WORD_FLAGS[(previous << 7) | code]!;
      previous = code;
      if (++i === to) break;
      const next = text.charCodeAt(i);
      // Beyond ASCII: a separator ends the word; anything else sends the range back to the
      // general path when the loop above reads it.
      if (next >= 0x80) break;
      code = ascii[next]!;
      if (code === KEY_SPACE || code === KEY_LINE_BREAK) break;
    }
    // (A grown range goes on after a separator: see endOfWords.)
    if (w > 0 && !separator) return false;
    if ((flags & HAS_APOSTROPHE) !== 0) {
      // Rare: split it as the general path does, through its state.
      useBuffers(c, s, e);
      length = w;
      pendingSeparator = separator;
      pendingLineBreak = lineBreak;
      pendingStart = separatorStart;
      pendingEnd = separatorEnd;
      wordStart = wordFrom;
      wordLength = at - wordFrom;
      wordHasApostrophe = true;
      wordNeedsFold = true;
      flushWord();
      w = length;
      separator = pendingSeparator;
      lineBreak = pendingLineBreak;
      separatorStart = pendingStart;
      separatorEnd = pendingEnd;
      // Its arrays, grown if it needed room.
      c = range.codes = chars;
      s = range.starts = starts;
      e = range.ends = ends;
      useBuffers(keyChars, keyStarts, keyEnds);
    } else {
      if (w > 0) w = writeSeparator(c, s, e, w, lineBreak, separatorStart, separatorEnd);
      separator = false;
      w = (flags & NEEDS_FOLD) === 0 ? at : foldWord(c, s, e, wordFrom, at, c, s, e, w);
    }
    if (--wordsLeft === 0) {
      // The word ends here only if a separator follows (or nothing).
      if (i < to && !isSeparatorUnit(ascii, text.charCodeAt(i))) return false;
      to = i;
      break;
    }
  }
  range.length = w;
  range.to = to;
  rangeSeparator = separator;
  rangeLineBreak = lineBreak;
  rangeSeparatorStart = separatorStart;
  rangeSeparatorEnd = separatorEnd;
  return true;
}

/** The key char of a UTF-16 unit beyond ASCII that is one separator char (a dash, a quote); -1 for any other. */
function separatorBeyondAscii(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return -1;
  const encoded = bmpMapping(unit);
  if ((encoded & 31) !== 1) return -1;
  const code = pool[encoded >>> 5]!;
  return code === KEY_SPACE || code === KEY_LINE_BREAK ? code : -1;
}

/** Whether a UTF-16 unit is a char that is one separator. */
function isSeparatorUnit(ascii: Uint16Array, unit: number): boolean {
  if (unit >= 0x80) return separatorBeyondAscii(unit) >= 0;
  const code = ascii[unit]!;
  return code === KEY_SPACE || code === KEY_LINE_BREAK;
}

/**
 * The key chars one code point becomes, as (offset << 5) | count into
 * keyCharPool() (read the pool after this call: computing a new code point
 * may replace it). For readers that classify text without normalising it.
 */
export function keyCharsOf(codePoint: number): number {
  return codePoint < 0x10000 ? bmpMapping(codePoint) : astralMapping(codePoint);
}

/** The pool keyCharsOf points into. */
export function keyCharPool(): Uint16Array {
  return pool;
}

/**
 * Normalises text[from, to) into the output; after its first `kept` key
 * chars, when a range grows, which then also takes up the separator run
 * that range ended in.
 */
function normalizeIntoOutput(text: string, from = 0, to = text.length, kept = 0): void {
  const ascii = (asciiTable ??= buildAsciiTable());
  length = kept;
  wordStart = 1;
  wordLength = 0;
  wordHasApostrophe = false;
  wordNeedsFold = false;
  pendingSeparator = kept > 0 && rangeSeparator;
  pendingLineBreak = rangeLineBreak;
  pendingStart = rangeSeparatorStart;
  pendingEnd = rangeSeparatorEnd;
  const n = to;
  let i = from;
  while (i < n) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      // The fast path: one ASCII char, one key char.
      const code = ascii[unit]!;
      if (code === KEY_SPACE || code === KEY_LINE_BREAK) {
        if (wordLength > 0) flushWord();
        noteSeparator(code === KEY_LINE_BREAK, i, i + 1);
        i++;
      } else i = copyAsciiRun(text, ascii, i, n);
      continue;
    }
    let next = i + 1;
    let encoded: number;
    if (unit >= 0xd800 && unit <= 0xdbff && next < n) {
      const low = text.charCodeAt(next);
      if (low >= 0xdc00 && low <= 0xdfff) {
        next++;
        encoded = astralMapping(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
      } else encoded = bmpMapping(unit);
    } else encoded = bmpMapping(unit);

    const count = encoded & 31;
    if (count === 0) attachDropped(next);
    else {
      const offset = encoded >>> 5;
      for (let k = 0; k < count; k++) {
        const code = pool[offset + k]!;
        if (code === KEY_SPACE || code === KEY_LINE_BREAK) {
          if (wordLength > 0) flushWord();
          noteSeparator(code === KEY_LINE_BREAK, i, next);
        } else pushWordChar(code, i, next);
      }
    }
    i = next;
  }
  if (wordLength > 0) flushWord();
}

/**
 * ASCII key chars that change the word they are in whatever follows: y and q
 * fold, z starts dz(h), zh and -zoda. The other folds are the pairs kh, gh,
 * dj, ou and doubled letters, which copyAsciiRun checks as it copies.
 */
const FOLDS_ALONE = new Uint8Array(0x80);
for (const code of [Y, Q, Z]) FOLDS_ALONE[code] = 1;

/**
 * What an ASCII key char tells about its word, given the char before it (0
 * at the word's start), at WORD_FLAGS[previous << 7 | code]: NEEDS_FOLD
 * (it folds alone, doubles the one before, or ends kh, gh, dj or ou) and
 * HAS_APOSTROPHE. One lookup instead of a chain of comparisons per char.
 */
const NEEDS_FOLD = 1;
const HAS_APOSTROPHE = 2;
const WORD_FLAGS = new Uint8Array(0x80 * 0x80);
for (let previous = 0; previous < 0x80; previous++) {
  for (let code = 1; code < 0x80; code++) {
    const fold =
      FOLDS_ALONE[code] === 1 ||
      code === previous ||
      (code === H && (previous === K || previous === G)) ||
      (code === J && previous === D) ||
      (code === U && previous === O);
    WORD_FLAGS[(previous << 7) | code] =
      (fold ? NEEDS_FOLD : 0) | (code === APOSTROPHE ? HAS_APOSTROPHE : 0);
  }
}

/**
 * Appends the run of ASCII word chars from `i` (up to `n`) to the current raw
 * word, with the arrays in locals (the hot loop of most pages); returns where
 * it stopped.
 */
function copyAsciiRun(text: string, ascii: Uint16Array, i: number, n: number): number {
  if (wordLength === 0) wordStart = rawWordStart();
  let at = wordStart + wordLength;
  let c = chars;
  let s = starts;
  let e = ends;
  let flags = 0;
  let previous = wordLength > 0 ? c[at - 1]! : 0;
  // A non-ASCII char before (pushWordChar) has already marked the word for folding.
  if (previous >= 0x80) previous = 0;
  let code = ascii[text.charCodeAt(i)]!;
  for (;;) {
    if (at >= c.length) {
      wordLength = at - wordStart;
      ensureCapacity(at);
      c = chars;
      s = starts;
      e = ends;
    }
    c[at] = code;
    s[at] = i;
    e[at] = i + 1;
    at++;
    flags |= WORD_FLAGS[(previous << 7) | code]!;
    previous = code;
    i++;
    if (i === n) break;
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) break;
    code = ascii[unit]!;
    if (code === KEY_SPACE || code === KEY_LINE_BREAK) break;
  }
  wordLength = at - wordStart;
  if ((flags & HAS_APOSTROPHE) !== 0) wordHasApostrophe = true;
  if ((flags & NEEDS_FOLD) !== 0) wordNeedsFold = true;
  return i;
}

function pushWordChar(code: number, start: number, end: number): void {
  if (wordLength === 0) wordStart = rawWordStart();
  const at = wordStart + wordLength;
  if (at >= chars.length) ensureCapacity(at);
  chars[at] = code;
  starts[at] = start;
  ends[at] = end;
  wordLength++;
  wordNeedsFold = true;
  if (code === APOSTROPHE) wordHasApostrophe = true;
}

/** A char that vanishes (a combining mark, a soft sign, a zero-width joiner) joins the span before it. */
function attachDropped(end: number): void {
  if (wordLength > 0) ends[wordStart + wordLength - 1] = end;
  else if (pendingSeparator) pendingEnd = end;
  else if (length > 0) ends[length - 1] = end;
}

function decode(codes: Uint16Array, count: number): string {
  let s = '';
  for (let k = 0; k < count; k += 8192) {
    // apply() takes the typed array as it is; spreading it would go through an iterator.
    s += String.fromCharCode.apply(
      null,
      codes.subarray(k, Math.min(count, k + 8192)) as unknown as number[],
    );
  }
  return s;
}

const ELISIONS = new Set(['l', 'd', 'j', 'n', 's', 'm', 'c', 't'].map(ch));

// Scratch for the rare word with an apostrophe: the raw word, then one part of it at a time.
let rawChars = new Uint16Array(64);
let rawStarts = new Uint32Array(64);
let rawEnds = new Uint32Array(64);
let partChars = new Uint16Array(64);
let partStarts = new Uint32Array(64);
let partEnds = new Uint32Array(64);

/** Where a word beginning now is written raw: past the slot of the separator before it, if any. */
const rawWordStart = (): number => (length === 0 ? 0 : length + 1);

/** Folds the finished word into the output; a word with apostrophes is first split at the separating ones. */
function flushWord(): void {
  const count = wordLength;
  // Room for a separator, the word and -zod's extra char, before wordLength stops covering the raw word.
  if (wordStart + count + 1 >= chars.length) ensureCapacity(wordStart + count + 1);
  wordLength = 0;
  if (!wordNeedsFold && !wordHasApostrophe) {
    // Most words: already folded and already in place.
    if (length === 0) {
      // The first word, at 0 (a separator before it is dropped).
      pendingSeparator = false;
      length = count;
      return;
    }
    if (pendingSeparator) {
      // Right after the separator's slot.
      writeSeparator(chars, starts, ends, length, pendingLineBreak, pendingStart, pendingEnd);
      pendingSeparator = false;
      length = wordStart + count;
      return;
    }
  }
  wordNeedsFold = false;
  if (!wordHasApostrophe) {
    foldAndEmit(chars, starts, ends, wordStart, wordStart + count);
    return;
  }
  wordHasApostrophe = false;
  if (rawChars.length < count) {
    const size = Math.max(count, rawChars.length * 2);
    rawChars = new Uint16Array(size);
    rawStarts = new Uint32Array(size);
    rawEnds = new Uint32Array(size);
    partChars = new Uint16Array(size);
    partStarts = new Uint32Array(size);
    partEnds = new Uint32Array(size);
  }
  rawChars.set(chars.subarray(wordStart, wordStart + count));
  rawStarts.set(starts.subarray(wordStart, wordStart + count));
  rawEnds.set(ends.subarray(wordStart, wordStart + count));
  splitAtApostrophes(count);
}

/** Splits the raw word at separating apostrophes (possessive 's, elisions l' d' qu') and drops the others. */
function splitAtApostrophes(count: number): void {
  let part = 0;
  let sinceApostrophe = 0;
  for (let w = 0; w < count; w++) {
    const code = rawChars[w]!;
    if (code !== APOSTROPHE) {
      partChars[part] = code;
      partStarts[part] = rawStarts[w]!;
      partEnds[part] = rawEnds[w]!;
      part++;
      sinceApostrophe++;
      continue;
    }
    const last = w === count - 1;
    const possessive =
      w + 1 < count && rawChars[w + 1] === S && (w + 2 === count || rawChars[w + 2] === APOSTROPHE);
    const elision =
      (sinceApostrophe === 1 && ELISIONS.has(partChars[part - 1]!)) ||
      (sinceApostrophe === 2 && partChars[part - 2] === Q && partChars[part - 1] === U);
    if (part === 0 || last || possessive || elision) {
      if (part > 0) emitPart(part);
      part = 0;
      noteSeparator(false, rawStarts[w]!, rawEnds[w]!);
    } else {
      partEnds[part - 1] = rawEnds[w]!;
    }
    sinceApostrophe = 0;
  }
  if (part > 0) emitPart(part);
}

/** Folds and appends the first `count` chars of the part scratch. */
function emitPart(count: number): void {
  ensureCapacity(length + count + 2);
  foldAndEmit(partChars, partStarts, partEnds, 0, count);
}

/** Chars that can begin a variant fold: d, z, k, g, y, o, q. */
const FOLD_LEAD = new Uint8Array(0x80);
for (const lead of [D, Z, K, G, Y, O, Q]) FOLD_LEAD[lead] = 1;

/**
 * Applies the spelling-variant folds to src[from, to) and appends the result
 * (after the pending separator, if any) to the output. `src` may be the output
 * itself, with the raw word just past the output's end (see foldWord).
 */
function foldAndEmit(
  srcChars: Uint16Array,
  srcStarts: Uint32Array,
  srcEnds: Uint32Array,
  from: number,
  to: number,
): void {
  let w = length;
  if (pendingSeparator) {
    if (w > 0)
      w = writeSeparator(chars, starts, ends, w, pendingLineBreak, pendingStart, pendingEnd);
    pendingSeparator = false;
  }
  length = foldWord(srcChars, srcStarts, srcEnds, from, to, chars, starts, ends, w);
}

/** Writes a separator run's key char at `w` (a line break if the run holds one); returns w + 1. */
function writeSeparator(
  c: Uint16Array,
  s: Uint32Array,
  e: Uint32Array,
  w: number,
  lineBreak: boolean,
  start: number,
  end: number,
): number {
  c[w] = lineBreak ? KEY_LINE_BREAK : KEY_SPACE;
  s[w] = start;
  e[w] = end;
  return w + 1;
}

/**
 * Writes the folded form of the raw word src[from, to) into the arrays `c`,
 * `s` and `e` from `w` on, and returns where it ends. `src` may be `c`
 * itself, with the raw word at or after `w`: writing never passes reading,
 * and every value a step needs is read before it writes. Only the arrays it
 * is given: the output's state stays with the caller.
 */
function foldWord(
  srcChars: Uint16Array,
  srcStarts: Uint32Array,
  srcEnds: Uint32Array,
  from: number,
  to: number,
  c: Uint16Array,
  s: Uint32Array,
  e: Uint32Array,
  w: number,
): number {
  const first = w;
  let r = from;
  while (r < to) {
    const c0 = srcChars[r]!;
    let code = c0;
    let used = 1;
    if (c0 < 0x80 && FOLD_LEAD[c0] === 1) {
      const c1 = r + 1 < to ? srcChars[r + 1]! : 0;
      const c2 = r + 2 < to ? srcChars[r + 2]! : 0;
      if (c0 === Y && c1 === O && c2 === U) {
        // "you" -> "iu" (Yousef = Yusuf), before "yo" -> "e" can take it.
        const iStart = srcStarts[r]!;
        const iEnd = srcEnds[r]!;
        const uStart = srcStarts[r + 1]!;
        const uEnd = srcEnds[r + 2]!;
        w = pushFolded(c, s, e, first, w, I, iStart, iEnd);
        w = pushFolded(c, s, e, first, w, U, uStart, uEnd);
        r += 3;
        continue;
      }
      const fold = foldAt(c0, c1, c2);
      code = fold & 0xffff;
      used = fold >>> 16;
    }
    w = pushFolded(c, s, e, first, w, code, srcStarts[r]!, srcEnds[r + used - 1]!);
    r += used;
  }
  return foldSuffix(c, s, e, first, w);
}

/** Appends a folded char at `w`, merging a doubled Latin letter into the one before it; the new end. */
function pushFolded(
  c: Uint16Array,
  s: Uint32Array,
  e: Uint32Array,
  first: number,
  w: number,
  code: number,
  start: number,
  end: number,
): number {
  if (w > first && c[w - 1] === code && code >= LOWER_A && code <= LOWER_Z) {
    e[w - 1] = end;
    return w;
  }
  c[w] = code;
  s[w] = start;
  e[w] = end;
  return w + 1;
}

/** The variant fold at one position: the replacement char | (chars consumed << 16). */
function foldAt(c0: number, c1: number, c2: number): number {
  if (c0 === D && c1 === Z && c2 === H) return J | (3 << 16);
  if (c0 === D && c1 === J) return J | (2 << 16);
  if (c0 === Z && c1 === H) return J | (2 << 16);
  if (c0 === K && c1 === H) return H | (2 << 16);
  if (c0 === G && c1 === H) return G | (2 << 16);
  if (c0 === Y && (c1 === O || c1 === E)) return E | (2 << 16);
  if (c0 === O && c1 === U) return U | (2 << 16);
  if (c0 === Y) return I | (1 << 16);
  if (c0 === Q) return K | (1 << 16);
  return c0 | (1 << 16);
}

const ZODA = codesOf('zoda');
// 'zadh' is Persian-script زاده, which has no vowel letter before the final h.
const PATRONYMIC_SUFFIXES = ['zadeh', 'zoda', 'zade', 'zada', 'zadh', 'zod'].map(codesOf);
const tailStarts = new Uint32Array(5);
const tailEnds = new Uint32Array(5);

/**
 * -zoda / -zod / -zade / -zada / -zadeh / -zadh at the end of the folded word
 * c[first, end) (after two letters at least) -> "zoda"; the word's new end.
 */
function foldSuffix(
  c: Uint16Array,
  s: Uint32Array,
  e: Uint32Array,
  first: number,
  end: number,
): number {
  const n = end - first;
  // Every suffix starts with z, 3 to 5 chars from the end: most words stop here.
  if (n < 5 || (c[end - 3] !== Z && c[end - 4] !== Z && c[end - 5] !== Z)) return end;
  for (const suffix of PATRONYMIC_SUFFIXES) {
    const m = suffix.length;
    if (n - m < 2) continue;
    const base = end - m;
    let same = true;
    for (let k = 0; k < m && same; k++) same = c[base + k] === suffix[k];
    if (!same) continue;
    // Rewrite the tail in place; each new char keeps a span inside the old tail, in order.
    // (A loop: subarray() would allocate two views per such word.)
    for (let k = 0; k < m; k++) {
      tailStarts[k] = s[base + k]!;
      tailEnds[k] = e[base + k]!;
    }
    for (let k = 0; k < ZODA.length; k++) {
      const from = Math.min(k, m - 1);
      c[base + k] = ZODA[k]!;
      s[base + k] = tailStarts[from]!;
      e[base + k] = k === ZODA.length - 1 ? tailEnds[m - 1]! : tailEnds[from]!;
    }
    return base + ZODA.length;
  }
  return end;
}
