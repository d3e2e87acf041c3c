/**
 * What the readers of French, Russian and Tajik figures share
 * (./claimsOtherLanguages.ts, ./claimsTajik.ts): a language's words for
 * numbers, sides, outcomes and qualifiers, a number pattern and reader built
 * from them, and the step from one sentence's raw figures to claims.
 */
import type { Outcome, Qualifier, Side } from './schema';
import type { Claim } from './types';

export interface Count {
  low: number;
  high: number;
  vague: boolean;
}

export interface Vocabulary {
  numbers: Record<string, number>;
  tens: Record<string, number>;
  units: Record<string, number>;
  /** "une cinquantaine" = about 50. */
  approximate: Record<string, number>;
  sides: Record<string, Side | 'inherit'>;
  outcomes: Record<string, Outcome>;
  qualifiers: Record<string, Qualifier>;
}

export const alternation = (words: Iterable<string>) =>
  [...words].toSorted((a, b) => b.length - a.length).join('|');

export const START = '(?<![\\p{L}\\p{N}])';
export const END = '(?![\\p{L}\\p{N}])';

export function numberPattern(vocabulary: Vocabulary, joiner: string): string {
  const tens = alternation(Object.keys(vocabulary.tens));
  const units = alternation(Object.keys(vocabulary.units));
  const approximate = Object.keys(vocabulary.approximate);
  return [
    '\\d{1,3}(?:[\\u00A0\\u202F ]\\d{3}){1,2}',
    '\\d{1,7}',
    ...(approximate.length > 0 ? [`une\\s+(?:${alternation(approximate)})`] : []),
    `(?:${tens})(?:${joiner}(?:${units}))?`,
    alternation(Object.keys(vocabulary.numbers)),
  ].join('|');
}

/** The count a number phrase says, or null (a year is not a count). */
export function readCount(phrase: string, vocabulary: Vocabulary): Count | null {
  const word = phrase.toLowerCase().replace(/\s+/g, ' ');
  const digits = word.replace(/[\u00A0\u202F ]/g, '');
  if (/^\d+$/.test(digits)) {
    const value = Number(digits);
    if (digits.length === 4 && value >= 1800 && value <= 2100) return null;
    return { low: value, high: value, vague: false };
  }
  const approximate = /^une (\S+)$/.exec(word);
  const around = approximate ? vocabulary.approximate[approximate[1] ?? ''] : undefined;
  if (around !== undefined) return { low: around, high: around, vague: true };
  const exact = vocabulary.numbers[word];
  if (exact !== undefined) return { low: exact, high: exact, vague: false };
  const [tensWord = '', ...rest] = word.split(/[- ](?:et[- ])?/);
  const tens = vocabulary.tens[tensWord];
  if (tens === undefined) return null;
  const unit = rest.length === 0 ? 0 : vocabulary.units[rest.join(' ')];
  return unit === undefined ? null : { low: tens + unit, high: tens + unit, vague: false };
}

export interface Raw {
  start: number;
  end: number;
  count: Count;
  qualifier: Qualifier | null;
  sideWord: string;
  outcome: Outcome;
  total?: boolean;
  /** Russian "ещё". */
  more?: boolean;
  /** Known already (people listed one by one), so not looked up from sideWord. */
  side?: Side;
}

/** Raw figures of one sentence, in order, to claims: sides inherited, increments marked. */
export function toClaims(text: string, raws: Raw[], sides: Vocabulary['sides']): Claim[] {
  const claims: Claim[] = [];
  const seen = new Set<number>();
  for (const raw of raws.toSorted((a, b) => a.start - b.start)) {
    if (
      seen.has(raw.start) ||
      claims.some((claim) => raw.start < claim.end && claim.start < raw.end)
    )
      continue;
    seen.add(raw.start);
    const previous = claims[claims.length - 1];
    const key = raw.sideWord.toLowerCase().replace(/\s+/g, ' ');
    const own = raw.side ?? sides[key] ?? (key.startsWith('сотрудник') ? 'security' : undefined);
    let side: Side;
    let sideLabel = raw.sideWord;
    if (raw.total) side = 'all';
    else if (own === undefined || own === 'inherit') {
      side = previous?.side ?? 'unknown';
      sideLabel = previous?.sideLabel ?? '';
    } else side = own;
    const increment =
      raw.more === true && (previous === undefined || previous.outcome === raw.outcome);
    claims.push({
      start: raw.start,
      end: raw.end,
      text: text.slice(raw.start, raw.end),
      low: raw.count.low,
      high: raw.count.high,
      qualifier: raw.qualifier ?? (raw.count.vague ? 'about' : 'exact'),
      side,
      sideLabel,
      outcome: raw.outcome,
      attributedTo: null,
      ...(increment ? { relativeTo: 'previous' as const } : {}),
    });
  }
  return claims;
}
