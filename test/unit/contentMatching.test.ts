// Weak matches confirmed chunk by chunk keep exactly the matches one confirmWeakMatches call keeps.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { confirmWeakMatches, WEAK_CONFIRMATION_DISTANCE } from '../../core/matcher';
import type { AliasMatch } from '../../core/types';
import { chunksOf, confirmWeakSliced } from '../../entrypoints/background/reading/matching';
import { createSlicer } from '../../page/scheduler';

const eager = () => createSlicer({ budgetMs: 0, yieldToPage: () => Promise.resolve() });
const never = () => false;

const match = (targetId: string, start: number, weak: boolean): AliasMatch => ({
  targetId,
  kind: 'actor',
  alias: targetId,
  start,
  end: start + 4,
  weak,
});

/** Paragraphs of `lengths` characters ('x'), joined by "\n". */
const paragraphs = (...lengths: number[]): string => lengths.map((n) => 'x'.repeat(n)).join('\n');

const D = WEAK_CONFIRMATION_DISTANCE;

describe('confirmWeakSliced', () => {
  // Chunks of 100 characters: each 99-character paragraph is a chunk of its own.
  test.each([
    {
      name: 'strong in the same paragraph (same chunk)',
      text: paragraphs(99, 99),
      matches: [match('a', 10, false), match('a', 60, true)],
      kept: [10, 60],
    },
    {
      name: 'strong in the previous chunk, within the distance',
      text: paragraphs(99, 99),
      matches: [match('a', 90, false), match('a', 110, true)],
      kept: [90, 110],
    },
    {
      name: 'strong in the next chunk, within the distance',
      text: paragraphs(99, 99),
      matches: [match('a', 110, true), match('a', 150, false)],
      kept: [110, 150],
    },
    {
      name: 'strong of another target does not confirm',
      text: paragraphs(99, 99),
      matches: [match('b', 90, false), match('a', 110, true)],
      kept: [90],
    },
    {
      name: 'strong farther than the distance, in another paragraph',
      text: paragraphs(99, ...Array.from({ length: Math.ceil(D / 100) + 2 }, () => 99)),
      matches: [match('a', 0, false), match('a', D + 200, true)],
      kept: [0],
    },
    {
      name: 'strong exactly at the distance, chunks apart',
      text: paragraphs(...Array.from({ length: Math.ceil(D / 100) + 2 }, () => 99)),
      matches: [match('a', 0, false), match('a', 4 + D, true)],
      kept: [0, 4 + D],
    },
    {
      name: 'one long paragraph (one chunk over the size)',
      text: paragraphs(D * 3),
      matches: [match('a', 0, false), match('a', D * 2, true)],
      kept: [0, D * 2],
    },
  ])('$name', async ({ text, matches, kept }) => {
    const chunks = chunksOf(text, 100);
    const sliced = await confirmWeakSliced(matches, text, chunks, eager(), never);
    expect(sliced?.map((m) => m.start)).toEqual(kept);
    expect(sliced).toEqual(confirmWeakMatches(matches, text));
  });

  test('equals one confirmWeakMatches call on random pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 12 }),
        fc.array(
          fc.record({
            at: fc.nat(),
            target: fc.constantFrom('a', 'b', 'c'),
            weak: fc.boolean(),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 50, max: 2_000 }),
        async (lengths, picks, size) => {
          const text = paragraphs(...lengths);
          const starts = [...new Set(picks.map((p) => p.at % Math.max(1, text.length - 4)))];
          const matches = starts
            .toSorted((a, b) => a - b)
            .map((start, i) => {
              const pick = picks[i % picks.length]!;
              return match(pick.target, start, pick.weak);
            })
            // A name never crosses a paragraph.
            .filter((m) => !text.slice(m.start, m.end).includes('\n') && m.end <= text.length);
          const sliced = await confirmWeakSliced(
            matches,
            text,
            chunksOf(text, size),
            eager(),
            never,
          );
          expect(sliced).toEqual(confirmWeakMatches(matches, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('is null when cancelled', async () => {
    const text = paragraphs(99, 99);
    const matches = [match('a', 10, false), match('a', 110, true)];
    expect(await confirmWeakSliced(matches, text, chunksOf(text, 100), eager(), () => true)).toBe(
      null,
    );
  });
});
