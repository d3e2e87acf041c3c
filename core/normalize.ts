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

function grow16(a: Uint16Array, used: number): Uint16Array<ArrayBuffer> {
  const b = new Uint16Array(a.length * 2);
  b.set(a.subarray(0, used));
  return b;
}
function grow32(a: Uint32Array, used: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(a.length * 2);
  b.set(a.subarray(0, used));
  return b;
}

/**
 * A growable buffer of key chars with their source spans. Three are reused
 * across calls (the output, the current word, the folded word): normalising
 * is synchronous, so they are never shared by two calls at once.
 */
class SpanBuffer {
  chars = new Uint16Array(256);
  starts = new Uint32Array(256);
  ends = new Uint32Array(256);
  length = 0;

  push(code: number, start: number, end: number): void {
    if (this.length === this.chars.length) {
      this.chars = grow16(this.chars, this.length);
      this.starts = grow32(this.starts, this.length);
      this.ends = grow32(this.ends, this.length);
    }
    this.chars[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
}

const output = new SpanBuffer();
const word = new SpanBuffer();
const part = new SpanBuffer();
const folded = new SpanBuffer();

// A separator run seen but not yet written: written only before the next word (trims and collapses).
let pendingSeparator = false;
let pendingLineBreak = false;
let pendingStart = 0;
let pendingEnd = 0;

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
  normalizeIntoOutput(s);
  return decode(output.chars, output.length);
}

/** Normalises text and maps every key char back to its source span in `text`. */
export function normalizeWithOffsets(text: string): NormalizedText {
  normalizeIntoOutput(text);
  return {
    key: decode(output.chars, output.length),
    starts: output.starts.slice(0, output.length),
    ends: output.ends.slice(0, output.length),
  };
}

function normalizeIntoOutput(text: string): void {
  output.length = 0;
  word.length = 0;
  pendingSeparator = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    let next = i + 1;
    let encoded: number;
    if (unit >= 0xd800 && unit <= 0xdbff && next < n) {
      const low = text.charCodeAt(next);
      if (low >= 0xdc00 && low <= 0xdfff) {
        next++;
        encoded = astralMapping(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
      } else encoded = bmpMapping(unit);
    } else encoded = bmpMapping(unit);

    const length = encoded & 31;
    if (length === 0) attachDropped(next);
    else {
      const offset = encoded >>> 5;
      for (let k = 0; k < length; k++) {
        const code = pool[offset + k]!;
        if (code === KEY_SPACE || code === KEY_LINE_BREAK) {
          if (word.length > 0) flushWord();
          noteSeparator(code === KEY_LINE_BREAK, i, next);
        } else word.push(code, i, next);
      }
    }
    i = next;
  }
  if (word.length > 0) flushWord();
}

/** A char that vanishes (a combining mark, a soft sign, a zero-width joiner) joins the span before it. */
function attachDropped(end: number): void {
  if (word.length > 0) word.ends[word.length - 1] = end;
  else if (pendingSeparator) pendingEnd = end;
  else if (output.length > 0) output.ends[output.length - 1] = end;
}

function decode(chars: Uint16Array, length: number): string {
  let s = '';
  for (let k = 0; k < length; k += 8192) {
    // apply() takes the typed array as it is; spreading it would go through an iterator.
    s += String.fromCharCode.apply(
      null,
      chars.subarray(k, Math.min(length, k + 8192)) as unknown as number[],
    );
  }
  return s;
}

const ELISIONS = new Set(['l', 'd', 'j', 'n', 's', 'm', 'c', 't'].map(ch));

/** Splits the buffered word at separating apostrophes and drops the others. */
function flushWord(): void {
  if (word.chars.subarray(0, word.length).indexOf(APOSTROPHE) < 0) {
    foldAndEmit(word);
    word.length = 0;
    return;
  }
  part.length = 0;
  let sinceApostrophe = 0;
  for (let w = 0; w < word.length; w++) {
    const code = word.chars[w]!;
    if (code !== APOSTROPHE) {
      part.push(code, word.starts[w]!, word.ends[w]!);
      sinceApostrophe++;
      continue;
    }
    const last = w === word.length - 1;
    const possessive =
      word.chars[w + 1] === S && (w + 2 === word.length || word.chars[w + 2] === APOSTROPHE);
    const elision =
      (sinceApostrophe === 1 && ELISIONS.has(part.chars[part.length - 1]!)) ||
      (sinceApostrophe === 2 &&
        part.chars[part.length - 2] === Q &&
        part.chars[part.length - 1] === U);
    if (part.length === 0 || last || possessive || elision) {
      if (part.length > 0) foldAndEmit(part);
      part.length = 0;
      noteSeparator(false, word.starts[w]!, word.ends[w]!);
    } else {
      part.ends[part.length - 1] = word.ends[w]!;
    }
    sinceApostrophe = 0;
  }
  if (part.length > 0) foldAndEmit(part);
  word.length = 0;
}

/** Applies the spelling-variant folds to one word and appends the result to the output. */
function foldAndEmit(source: SpanBuffer): void {
  const c = source.chars;
  const n = source.length;
  folded.length = 0;
  let i = 0;
  while (i < n) {
    const c0 = c[i]!;
    const c1 = i + 1 < n ? c[i + 1]! : 0;
    const c2 = i + 2 < n ? c[i + 2]! : 0;
    if (c0 === Y && c1 === O && c2 === U) {
      // "you" -> "iu" (Yousef = Yusuf), before "yo" -> "e" can take it.
      pushFolded(I, source.starts[i]!, source.ends[i]!);
      pushFolded(U, source.starts[i + 1]!, source.ends[i + 2]!);
      i += 3;
      continue;
    }
    const fold = foldAt(c0, c1, c2);
    const used = fold >>> 16;
    pushFolded(fold & 0xffff, source.starts[i]!, source.ends[i + used - 1]!);
    i += used;
  }
  foldSuffix();
  if (folded.length === 0) return;
  if (pendingSeparator) {
    if (output.length > 0) {
      output.push(pendingLineBreak ? KEY_LINE_BREAK : KEY_SPACE, pendingStart, pendingEnd);
    }
    pendingSeparator = false;
  }
  for (let k = 0; k < folded.length; k++) {
    output.push(folded.chars[k]!, folded.starts[k]!, folded.ends[k]!);
  }
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

/** Appends a folded char, merging a doubled Latin letter into the one before it. */
function pushFolded(code: number, start: number, end: number): void {
  const last = folded.length - 1;
  if (last >= 0 && folded.chars[last] === code && code >= LOWER_A && code <= LOWER_Z) {
    folded.ends[last] = end;
  } else folded.push(code, start, end);
}

const ZODA = codesOf('zoda');
// 'zadh' is Persian-script زاده, which has no vowel letter before the final h.
const PATRONYMIC_SUFFIXES = ['zadeh', 'zoda', 'zade', 'zada', 'zadh', 'zod'].map(codesOf);

/** -zoda / -zod / -zade / -zada / -zadeh / -zadh at the end of a word (after two letters at least) -> "zoda". */
function foldSuffix(): void {
  const n = folded.length;
  for (const suffix of PATRONYMIC_SUFFIXES) {
    const m = suffix.length;
    if (n - m < 2) continue;
    let same = true;
    for (let k = 0; k < m && same; k++) same = folded.chars[n - m + k] === suffix[k];
    if (!same) continue;
    // Rewrite the tail in place; each new char keeps a span inside the old tail, in order.
    const base = n - m;
    const starts = Array.from(folded.starts.subarray(base, n));
    const ends = Array.from(folded.ends.subarray(base, n));
    folded.length = base;
    for (let k = 0; k < ZODA.length; k++) {
      const from = Math.min(k, m - 1);
      const end = k === ZODA.length - 1 ? ends[m - 1]! : ends[from]!;
      folded.push(ZODA[k]!, starts[from]!, end);
    }
    return;
  }
}
