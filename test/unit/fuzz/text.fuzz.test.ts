// Fuzzing the text stages (normaliser, matcher, claims, dates) with hostile Unicode:
// nothing throws and every offset handed on points at exactly the text it claims.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../../data/index';
import { extractClaims } from '../../../core/claims';
import { findDates, parseIsoDay } from '../../../core/dates';
import { buildLexicon } from '../../../core/lexicon';
import { AliasMatcher, confirmWeakMatches } from '../../../core/matcher';
import { normalizeKey, normalizeWithOffsets } from '../../../core/normalize';
import { OUTCOMES, parseDataset, QUALIFIERS, SIDES } from '../../../core/schema';
import type { Span } from '../../../core/types';
import { hostileProse, hostileText, hugeHostileText, publishedAtArb, RUNS } from './arbitraries';
import { runProperty } from './runProperty';

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(`bundled dataset is invalid: ${parsed.errors.join('; ')}`);
const lexicon = buildLexicon(parsed.dataset);
const matcher = AliasMatcher.build(lexicon);
const aliases = [...new Set(lexicon.map((entry) => entry.alias))];

/** Text with real dataset spellings dropped between hostile pieces, so matches happen. */
const textWithAliases = fc
  .array(fc.oneof(hostileText, fc.constantFrom(...aliases)), { maxLength: 8 })
  .map((parts) => parts.join(' '));

/** Why a span is not a valid non-empty UTF-16 span of `text`, or null when it is. */
function spanProblem(span: Span, text: string): string | null {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `non-integer ${start}-${end}`;
  if (start < 0 || end <= start || end > text.length) return `out of bounds ${start}-${end}`;
  if (splitsPair(text, start) || splitsPair(text, end))
    return `splits a surrogate pair ${start}-${end}`;
  return null;
}

/** Offset i falls between the two halves of one astral character. */
function splitsPair(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

describe('fuzz: normaliser', () => {
  test('every key character maps to an in-bounds, ordered source span; normalizeKey agrees', () => {
    const run = runProperty(
      fc.property(hostileText, (text) => {
        const { key, starts, ends } = normalizeWithOffsets(text);
        if (starts.length !== key.length || ends.length !== key.length) return false;
        for (let i = 0; i < key.length; i++) {
          if (!(starts[i]! < ends[i]! && ends[i]! <= text.length)) return false;
          if (i > 0 && starts[i]! < starts[i - 1]!) return false;
        }
        return normalizeKey(text) === key;
      }),
    );
    expect(run).toMatchObject({ runs: RUNS, interrupted: false });
  });
});

describe('fuzz: matcher', () => {
  test('every match is an in-bounds slice that normalises to the alias it names', () => {
    let found = 0;
    const run = runProperty(
      fc.property(textWithAliases, (text) => {
        const matches = matcher.findAll(text);
        found += matches.length;
        for (const match of matches) {
          expect(spanProblem(match, text)).toBeNull();
          expect(normalizeKey(text.slice(match.start, match.end))).toBe(normalizeKey(match.alias));
        }
        for (let i = 1; i < matches.length; i++) {
          expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.start);
        }
        const confirmed = confirmWeakMatches(matches, text);
        expect(confirmed.every((match) => matches.includes(match))).toBe(true);
      }),
    );
    expect(run).toMatchObject({ runs: RUNS, interrupted: false });
    expect(found).toBeGreaterThan(RUNS); // the property saw matches, not only empty results
  });
});

describe('fuzz: claims', () => {
  test('every claim is the exact slice it points at, with a sane count and known labels', () => {
    let found = 0;
    const run = runProperty(
      fc.property(hostileProse, (text) => {
        for (const claim of extractClaims(text)) {
          found++;
          expect(spanProblem(claim, text)).toBeNull();
          expect(claim.text).toBe(text.slice(claim.start, claim.end));
          expect(Number.isSafeInteger(claim.low) && Number.isSafeInteger(claim.high)).toBe(true);
          expect(0 <= claim.low && claim.low <= claim.high).toBe(true);
          expect(SIDES).toContain(claim.side);
          expect(OUTCOMES).toContain(claim.outcome);
          expect(QUALIFIERS).toContain(claim.qualifier);
        }
      }),
    );
    expect(run).toMatchObject({ runs: RUNS, interrupted: false });
    expect(found).toBeGreaterThan(RUNS / 10);
  });
});

describe('fuzz: dates', () => {
  test('every date mention is the exact slice it points at and a real day range', () => {
    let found = 0;
    const run = runProperty(
      fc.property(hostileProse, publishedAtArb, (text, publishedAt) => {
        const mentions = findDates(text, publishedAt);
        found += mentions.length;
        for (const mention of mentions) {
          expect(spanProblem(mention, text)).toBeNull();
          expect(mention.text).toBe(text.slice(mention.start, mention.end));
          expect(parseIsoDay(mention.date)).not.toBeNull();
          expect(parseIsoDay(mention.endDate)).not.toBeNull();
          expect(mention.endDate >= mention.date).toBe(true);
        }
        for (let i = 1; i < mentions.length; i++) {
          expect(mentions[i]!.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
        }
      }),
    );
    expect(run).toMatchObject({ runs: RUNS, interrupted: false });
    expect(found).toBeGreaterThan(RUNS / 10);
  });
});

describe('fuzz: 100,000-character hostile texts', () => {
  test.each([1, 2, 3])('seed %i: every stage finishes and its offsets hold', (seed) => {
    const text = hugeHostileText(100_000, seed);
    expect(text.length).toBe(100_000);
    const { key, ends } = normalizeWithOffsets(text);
    expect(key.length).toBeGreaterThan(10_000);
    expect(ends.every((end) => end <= text.length)).toBe(true);
    const matches = matcher.findAll(text);
    expect(matches.length).toBeGreaterThan(100);
    for (const match of matches) {
      expect(normalizeKey(text.slice(match.start, match.end))).toBe(normalizeKey(match.alias));
    }
    const claims = extractClaims(text);
    expect(claims.length).toBeGreaterThan(10);
    for (const claim of claims) expect(claim.text).toBe(text.slice(claim.start, claim.end));
    const dates = findDates(text, '2015-09-05');
    expect(dates.length).toBeGreaterThan(100);
    for (const mention of dates) {
      expect(mention.text).toBe(text.slice(mention.start, mention.end));
    }
  });
});
