// ReDoS and blow-up checks: 200 KB adversarial strings (long runs of digits,
// spaces, repeated cue words) must go through every text stage in
// linear-ish time. The bound is generous (2 s per stage; test files run in
// parallel on 2 cores), a quadratic or backtracking regex blows far past it.
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../../data/index';
import { extractClaims } from '../../../core/claims';
import { findDates } from '../../../core/dates';
import { readPageEvidence } from '../../../core/evidence';
import { buildLexicon } from '../../../core/lexicon';
import { AliasMatcher } from '../../../core/matcher';
import { normalizeWithOffsets } from '../../../core/normalize';
import {
  datelineDay,
  firstArticle,
  guessLanguage,
  statedDay,
  stripSiteName,
} from '../../../core/pageFacts';
import { parseDataset } from '../../../core/schema';
import { splitParagraphs } from '../../../core/sentences';
import { pageLayout } from '../../../core/resolve';
import type { PageSignals } from '../../../core/types';

const SIZE = 200_000;
const BOUND_MS = 2_000;

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const matcher = AliasMatcher.build(buildLexicon(parsed.dataset));

/** `unit` repeated to exactly SIZE characters. */
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const ADVERSARIAL: [string, string][] = [
  ['digits', fill('1')],
  ['spaces', fill(' ')],
  ['line breaks', fill('\n')],
  ['one long word', fill('a')],
  ['digit groups', fill('1,')],
  ['digits and spaces', fill('1 ')],
  ['decimal points', fill('1.')],
  ['killed killed', fill('killed ')],
  ['at least at least', fill('at least ')],
  ['at least N', fill('at least 1 ')],
  ['more than about up to', fill('more than about up to ')],
  ['casualty sentences', fill('at least eight policemen were killed and ')],
  ['N of the M', fill('1 of the ')],
  ['tens of thousands of', fill('tens of thousands of ')],
  ['number words', fill('twenty-three hundred thousand ')],
  ['attributions', fill('according to the ministry said ')],
  ['open quotes', fill('"“(')],
  ['dots', fill('.')],
  ['abbreviations', fill('Sept. Mr. U.S. ')],
  ['month names', fill('September ')],
  ['month days', fill('4 September ')],
  ['year ranges', fill('1992-')],
  ['weekdays', fill('on Friday ')],
  ['ISO-ish dates', fill('2015-09-0')],
  ['names', fill('Nazarzoda ')],
  ['name prefixes', fill('Nazar')],
  ['dashes', fill('x-')],
  ['apostrophes', fill("d'")],
  ['Cyrillic casualties', fill('убиты восемь ')],
  ['French casualties', fill('tués au moins ')],
  ['combining marks', fill('e\u0301\u0308')],
  ['zero-width joiners', fill('a\u200d')],
  ['lone surrogates', fill('\ud800')],
  ['right-to-left', fill('قتل ')],
];

/** Milliseconds `work` took. */
function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

describe.each(ADVERSARIAL)('200 KB of %s', (_name, text) => {
  test.each<[string, (text: string) => unknown]>([
    ['normalizeWithOffsets', (t) => normalizeWithOffsets(t)],
    ['matcher.findAll', (t) => matcher.findAll(t)],
    ['extractClaims', (t) => extractClaims(t)],
    ['findDates', (t) => findDates(t, '2015-09-05')],
    ['splitParagraphs', (t) => splitParagraphs(t)],
    ['pageLayout', (t) => pageLayout(t)],
    ['datelineDay', (t) => datelineDay(t, 2015)],
    ['statedDay', (t) => statedDay(t)],
    ['guessLanguage', (t) => guessLanguage(t)],
    ['stripSiteName', (t) => stripSiteName(t, ['RFE/RL', t.slice(0, 300)])],
  ])(`%s finishes under ${BOUND_MS} ms`, (_stage, work) => {
    expect(timed(() => work(text))).toBeLessThan(BOUND_MS);
  });
});

/** Page signals as hostile as the text: every field filled from it. */
const signals = (text: string): PageSignals => ({
  url: `https://example.org/${text.slice(0, 1000)}`,
  title: text.slice(0, 5000),
  lang: text.slice(0, 100),
  metas: { 'article:published_time': text.slice(0, 5000), 'og:site_name': text.slice(0, 300) },
  jsonLd: [
    text.slice(0, 50_000),
    `{"@type":"NewsArticle","datePublished":"${text.slice(0, 5000)}"}`,
  ],
  times: [text.slice(0, 1000)],
});

describe('the whole page reading on adversarial pages', () => {
  test.each(ADVERSARIAL)('%s: readPageEvidence finishes under 4 s', (_name, text) => {
    expect(
      timed(() =>
        readPageEvidence({ text, signals: signals(text) }, matcher, parsed.dataset.outlets),
      ),
    ).toBeLessThan(2 * BOUND_MS);
  });

  test('regression: a title of 200,000 spaces before its site name is split in linear time', () => {
    const title = `Headline${' '.repeat(SIZE)}|  RFE/RL`;
    let stripped: string | null = null;
    expect(timed(() => (stripped = stripSiteName(title, ['rferl'])))).toBeLessThan(BOUND_MS);
    expect(stripped).toBe('Headline');
  });

  test('JSON-LD nested 50,000 levels deep is read without overflowing the stack', () => {
    const deep = `${'{"a":['.repeat(50_000)}1${']}'.repeat(50_000)}`;
    expect(() => firstArticle([deep])).not.toThrow();
  });
});
