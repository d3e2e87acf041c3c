/**
 * Claim extraction and the whole page pipeline (issue 7, item 2) on 1 MB of
 * news text that names the dataset's own actors and places: extractClaims
 * against a naive one-RegExp floor, and readPageEvidence + candidates +
 * resolvePage (as core/annotate.ts combines them) against the bare loop,
 * with each stage's share so a slow stage is named.
 */
import { extractClaims } from '../../core/claims';
import { DatasetIndex } from '../../core/datasetIndex';
import { findDates } from '../../core/dates';
import { candidateQuery, readPageEvidence } from '../../core/evidence';
import { AliasMatcher, confirmWeakMatches } from '../../core/matcher';
import { readPageFacts } from '../../core/pageFacts';
import { pageLayout, resolvePage } from '../../core/resolve';
import type { PageSignals } from '../../core/types';
import { bareLoop } from './alternatives';
import { newsText, prefixOf, seedArticles } from './corpus';
import { bundled, realLexicon, realNames } from './dataset';
import { bytesOf, medianMs, ratiosOf, type Measurement, type Suite } from './harness';
import { kilobytes, throughputs } from './measure';

const TEXT_BYTES = 1_000_000;
const BARE = 'bareLoop';

/** The floor: digits, one word, was/were killed. Finds far less than ours, and less precisely. */
const NAIVE_CLAIM = /\b\d[\d,]*\s+\p{L}+\s+(?:were|was)\s+killed\b/giu;

function naiveClaims(text: string): number {
  NAIVE_CLAIM.lastIndex = 0;
  let count = 0;
  while (NAIVE_CLAIM.exec(text) !== null) count++;
  return count;
}

const SIGNALS: PageSignals = {
  url: 'https://news.example/world/2015/09/05/tajikistan',
  title: 'Tajikistan: clashes continue',
  lang: 'en',
  metas: { 'article:published_time': '2015-09-05T09:00:00Z', 'og:site_name': 'Example News' },
  jsonLd: [],
  times: [],
};

export const pipelineSuite: Suite = {
  name: 'pipeline',
  async run(report: (m: Measurement) => void) {
    const index = new DatasetIndex(bundled());
    const lexicon = realLexicon(index.dataset);
    const matcher = AliasMatcher.build(index.lexicon());
    const outlets = index.outletRefs();
    const { text } = newsText(TEXT_BYTES, realNames(lexicon), 43);
    const textBytes = bytesOf(text);

    const claimRuns = throughputs(
      { ours: extractClaims, naiveRegExp: naiveClaims, [BARE]: bareLoop },
      text,
    );
    const claims = claimRuns.ours!;
    const naive = claimRuns.naiveRegExp!;
    const claimAlternatives = {
      naiveRegExp: naive.mbPerSecond,
      [BARE]: claimRuns[BARE]!.mbPerSecond,
    };
    report({
      name: 'claims: extractClaims',
      unit: 'MB/s',
      ours: claims.mbPerSecond,
      alternatives: claimAlternatives,
      ratios: ratiosOf(claims.mbPerSecond, claimAlternatives, [BARE]),
      notes: [
        `${kilobytes(textBytes)} of news text; ${(claims.result as unknown[]).length} claims by ours, ${naive.result as number} by the naive RegExp (digits + one word + was/were killed)`,
      ],
    });

    const page = { text, signals: SIGNALS };
    const runPipeline = (pageText: string) => {
      const evidence = readPageEvidence({ text: pageText, signals: SIGNALS }, matcher, outlets);
      return resolvePage(evidence, index.candidates(candidateQuery(evidence)));
    };
    // resolvePage grows faster than the page: always the whole 1 MB.
    const wholeRuns = throughputs({ ours: runPipeline, [BARE]: bareLoop }, text, 15_000, true);
    const whole = wholeRuns.ours!;
    const pipelineAlternatives = { [BARE]: wholeRuns[BARE]!.mbPerSecond };
    const evidence = readPageEvidence(page, matcher, outlets);
    const candidates = index.candidates(candidateQuery(evidence));
    const stages: Record<string, () => unknown> = {
      'findAll+confirmWeakMatches': () => confirmWeakMatches(matcher.findAll(text), text),
      extractClaims: () => extractClaims(text),
      findDates: () => findDates(text, '2015-09-05'),
      readPageFacts: () => readPageFacts(SIGNALS, text, outlets),
      pageLayout: () => pageLayout(text),
      candidates: () => index.candidates(candidateQuery(evidence)),
      resolvePage: () => resolvePage(evidence, candidates),
    };
    const stageMs = Object.entries(stages).map(
      ([name, fn]) =>
        `${name} ${medianMs(fn, { minRuns: 1, maxRuns: 3, budgetMs: 3000 }).toFixed(0)}`,
    );
    const resolution = runPipeline(text);
    const scaling = [64_000, 256_000].map((chars) => {
      const sample = prefixOf(text, chars);
      const ms = medianMs(() => runPipeline(sample), { minRuns: 3, maxRuns: 3 });
      return `${kilobytes(bytesOf(sample))} ${ms.toFixed(0)} ms`;
    });
    scaling.push(`${kilobytes(textBytes)} ${(textBytes / 1000 / whole.mbPerSecond).toFixed(0)} ms`);
    report({
      name: 'pipeline: readPageEvidence + candidates + resolvePage',
      unit: 'MB/s',
      ours: whole.mbPerSecond,
      alternatives: pipelineAlternatives,
      ratios: ratiosOf(whole.mbPerSecond, pipelineAlternatives, [BARE]),
      notes: [
        `${evidence.matches.length} matches, ${evidence.claims.length} claims, ${evidence.dates.length} dates, ${candidates.length} candidate incidents, ${resolution.incidents.length} linked`,
        `stages on ${kilobytes(textBytes)}, median ms: ${stageMs.join(', ')}`,
        `whole pipeline by page size: ${scaling.join(', ')}`,
      ],
    });

    // What the content script meets most: one article of a few KB.
    const articles = seedArticles();
    const perArticle = medianMs(
      () =>
        articles.map((article) => {
          const found = readPageEvidence({ text: article, signals: SIGNALS }, matcher, outlets);
          return resolvePage(found, index.candidates(candidateQuery(found)));
        }),
      { warmup: 3, minRuns: 5, maxRuns: 11 },
    );
    report({
      name: 'pipeline: one seed article',
      unit: 'ms',
      ours: perArticle / articles.length,
      alternatives: {},
      ratios: {},
      notes: [
        `mean over the ${articles.length} seed articles (${kilobytes(bytesOf(articles.join('')) / articles.length)} each on average), median of runs`,
      ],
    });
  },
};
