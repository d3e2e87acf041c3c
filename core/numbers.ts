/**
 * Reads how many: digits ("150,000", "1.5 million"), number words ("eight",
 * "twenty-one", "two hundred"), ranges ("10-15", "between 10 and 15") and
 * vague quantities ("several", "dozens", "tens of thousands") as a low-high
 * range, so a figure written any of these ways compares with the others.
 *
 * It reads counts of things: a year ("2014", "1992-97"), a measure glued to
 * its unit ("1,340-km", "45-year-old") or a lone decimal is not a quantity.
 *
 * Vague quantities (`vague: true`, the caller reads them as "about"):
 *   a couple 2-3 | a few, a handful 2-5 | several 3-9 | dozens 24-99 |
 *   scores 40-99 | hundreds 200-999 | thousands 2,000-9,999 |
 *   tens of thousands 20,000-99,999 | hundreds of thousands 200,000-999,999 |
 *   millions 2,000,000-9,999,999
 * Exact multiples: a dozen 12, half a dozen 6, two dozen 24, a hundred 100,
 * a thousand 1,000.
 */
import { tokenize } from './claimTokens';

export interface Quantity {
  low: number;
  high: number;
  /** A word for "roughly this many", not a count (several, dozens...). */
  vague: boolean;
}

export interface QuantityAt extends Quantity {
  /** Index of the first word after the quantity. */
  next: number;
}

const UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000 };

/** Longest first, so "tens of thousands" wins over "tens". */
const VAGUE: ReadonlyArray<{
  words: readonly string[];
  low: number;
  high: number;
  vague: boolean;
}> = [
  { words: ['hundreds', 'of', 'thousands'], low: 200_000, high: 999_999, vague: true },
  { words: ['tens', 'of', 'thousands'], low: 20_000, high: 99_999, vague: true },
  { words: ['half', 'a', 'dozen'], low: 6, high: 6, vague: false },
  { words: ['a', 'couple'], low: 2, high: 3, vague: true },
  { words: ['a', 'few'], low: 2, high: 5, vague: true },
  { words: ['a', 'handful'], low: 2, high: 5, vague: true },
  { words: ['a', 'dozen'], low: 12, high: 12, vague: false },
  { words: ['a', 'hundred'], low: 100, high: 100, vague: false },
  { words: ['a', 'thousand'], low: 1_000, high: 1_000, vague: false },
  { words: ['several'], low: 3, high: 9, vague: true },
  { words: ['dozens'], low: 24, high: 99, vague: true },
  { words: ['scores'], low: 40, high: 99, vague: true },
  { words: ['hundreds'], low: 200, high: 999, vague: true },
  { words: ['thousands'], low: 2_000, high: 9_999, vague: true },
  { words: ['millions'], low: 2_000_000, high: 9_999_999, vague: true },
];

const PLAIN_DIGITS = /^\d{1,7}$/;
const GROUPED_DIGITS = /^\d{1,3}(?:,\d{3}){1,2}$/;
/** "1.5" in "1.5 million": as many digits as a plain count may have, so the product stays an exact integer. */
const DECIMAL = /^\d{1,7}\.\d{1,3}$/;
const DIGIT_RANGE = /^(\d{1,6})-(\d{1,6})$/;

function isYear(word: string): boolean {
  if (!/^\d{4}$/.test(word)) return false;
  const value = Number(word);
  return value >= 1800 && value <= 2100;
}

/** A single number written in digits, or null (years and glued units are not). */
function digitValue(word: string): number | null {
  if (isYear(word)) return null;
  if (PLAIN_DIGITS.test(word)) return Number(word);
  if (GROUPED_DIGITS.test(word)) return Number(word.replace(/,/g, ''));
  return null;
}

/** A cardinal written in words starting at i ("twenty-one", "two hundred and five"). */
function readWordNumber(
  words: readonly string[],
  i: number,
): { value: number; next: number } | null {
  const first = words[i];
  if (first === undefined) return null;
  let value: number | null = null;
  let next = i + 1;
  const hyphen = /^([a-z]+)-([a-z]+)$/.exec(first);
  if (hyphen) {
    const tens = TENS[hyphen[1] ?? ''];
    const unit = UNITS[hyphen[2] ?? ''];
    if (tens !== undefined && unit !== undefined && unit < 10) value = tens + unit;
  } else if (UNITS[first] !== undefined) {
    value = UNITS[first] ?? null;
  } else if (TENS[first] !== undefined) {
    value = TENS[first] ?? 0;
    const unit = UNITS[words[next] ?? ''];
    if (unit !== undefined && unit < 10) {
      value += unit;
      next += 1;
    }
  }
  if (value === null) return null;
  if (words[next] === 'hundred') {
    value *= 100;
    next += 1;
    const rest = words[next] === 'and' ? readWordNumber(words, next + 1) : null;
    if (rest && rest.value < 100) {
      value += rest.value;
      next = rest.next;
    }
  }
  const scale = SCALES[words[next] ?? ''];
  if (scale !== undefined && scale > 100) {
    value *= scale;
    next += 1;
  }
  return { value, next };
}

/** One number (digits or words) at i, exact. */
function readExact(words: readonly string[], i: number): { value: number; next: number } | null {
  const word = words[i];
  if (word === undefined) return null;
  const asWords = readWordNumber(words, i);
  if (asWords) return asWords;
  const scale = SCALES[words[i + 1] ?? ''];
  if (DECIMAL.test(word)) {
    // "1.5 million"; a bare decimal counts no one.
    return scale !== undefined && scale > 100
      ? { value: Math.round(Number(word) * scale), next: i + 2 }
      : null;
  }
  const value = digitValue(word);
  if (value === null) return null;
  if (scale !== undefined) return { value: value * scale, next: i + 2 };
  return { value, next: i + 1 };
}

function matchesAt(words: readonly string[], i: number, pattern: readonly string[]): boolean {
  return pattern.every((word, k) => words[i + k] === word);
}

const FIRST_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(UNITS),
  ...Object.keys(TENS),
  ...VAGUE.map((vague) => vague.words[0] ?? ''),
  'between',
]);

/** A cheap test that a quantity may start with this word (lower-cased token). */
export function mayStartQuantity(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 48 && code <= 57) return true;
  if (FIRST_WORDS.has(word)) return true;
  const hyphen = word.indexOf('-');
  return hyphen > 0 && FIRST_WORDS.has(word.slice(0, hyphen));
}

/**
 * The quantity that starts at words[i] (lower-cased tokens), or null.
 * Handles "N dozen", "N-M", "N to M" and "between N and M" ranges.
 */
export function readQuantityAt(words: readonly string[], i: number): QuantityAt | null {
  const word = words[i];
  if (word === undefined) return null;

  for (const vague of VAGUE) {
    if (matchesAt(words, i, vague.words)) {
      return { low: vague.low, high: vague.high, vague: vague.vague, next: i + vague.words.length };
    }
  }

  const range = DIGIT_RANGE.exec(word);
  if (range) {
    const low = Number(range[1]);
    const high = Number(range[2]);
    if (isYear(range[1] ?? '') || !(high > low)) return null;
    return { low, high, vague: false, next: i + 1 };
  }

  if (word === 'between') {
    const low = readExact(words, i + 1);
    const high = low && words[low.next] === 'and' ? readExact(words, low.next + 1) : null;
    if (!low || !high || !(high.value > low.value)) return null;
    return { low: low.value, high: high.value, vague: false, next: high.next };
  }

  const exact = readExact(words, i);
  if (!exact) return null;
  if (words[exact.next] === 'dozen') {
    return { low: exact.value * 12, high: exact.value * 12, vague: false, next: exact.next + 1 };
  }
  if (words[exact.next] === 'to') {
    const high = readExact(words, exact.next + 1);
    if (high && high.value > exact.value) {
      return { low: exact.value, high: high.value, vague: false, next: high.next };
    }
  }
  return { low: exact.value, high: exact.value, vague: false, next: exact.next };
}

/** The quantity a whole phrase states ("tens of thousands"), or null if anything is left over. */
export function parseQuantity(phrase: string): Quantity | null {
  const words = tokenize(phrase).map((token) => token.lower);
  const found = readQuantityAt(words, 0);
  if (!found || found.next !== words.length) return null;
  return { low: found.low, high: found.high, vague: found.vague };
}
