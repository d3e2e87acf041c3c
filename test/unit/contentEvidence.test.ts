// Evidence read in slices equals readPageEvidence on every fixture page, however small the chunks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { matcherFor } from '../../core/annotate';
import { DatasetIndex } from '../../core/datasetIndex';
import { readPageEvidence } from '../../core/evidence';
import { parseDataset } from '../../core/schema';
import { bundledDataset } from '../../data/index';
import { chunksOf, readEvidenceSliced } from '../../entrypoints/background/reading/evidence';
import { createSlicer } from '../../page/scheduler';
import { collectPageSignals } from '../../page/signals';
import { extractVisibleText } from '../../page/visibleText';

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const index = new DatasetIndex(parsed.dataset);
const outlets = parsed.dataset.outlets;
const FIXTURES = join(import.meta.dirname, '../fixtures');
const pages = ['pages', 'negative'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(dir, name)),
);
const eager = () => createSlicer({ budgetMs: 0, yieldToPage: () => Promise.resolve() });

describe('readEvidenceSliced', () => {
  test.each(pages.flatMap((page) => [300, 2_000, 24_000].map((chunk) => ({ page, chunk }))))(
    '$page in chunks of $chunk characters',
    async ({ page, chunk }) => {
      const { document } = parseHTML(readFileSync(join(FIXTURES, page), 'utf8'));
      const input = {
        text: extractVisibleText(document).text,
        signals: collectPageSignals(document),
      };
      const whole = readPageEvidence(input, matcherFor(index), outlets);
      const sliced = await readEvidenceSliced(
        input,
        matcherFor(index),
        outlets,
        eager(),
        () => false,
        chunk,
      );
      expect(sliced).toEqual(whole);
    },
  );
});

describe('chunksOf', () => {
  test.each<[string, number, [number, number][]]>([
    ['', 10, []],
    ['short', 10, [[0, 5]]],
    [
      'aaaa\nbbbb\ncccc',
      6,
      [
        [0, 4],
        [5, 9],
        [10, 14],
      ],
    ],
    [
      'aaaa\nbbbb\ncccc',
      10,
      [
        [0, 9],
        [10, 14],
      ],
    ],
    [
      'a very long line\nx',
      4,
      [
        [0, 16],
        [17, 18],
      ],
    ],
  ])('%j in chunks of %i', (text, size, expected) => {
    expect(chunksOf(text, size).map((c) => [c.start, c.end])).toEqual(expected);
  });
});
