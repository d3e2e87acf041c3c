// confirmWeakMatches answers with binary searches; it must keep exactly the
// weak matches the plain definition keeps (a strong match of the same target
// within the distance, or in the same paragraph).
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { confirmWeakMatches, WEAK_CONFIRMATION_DISTANCE } from '../../core/matcher';
import type { AliasMatch } from '../../core/types';

function byDefinition(matches: readonly AliasMatch[], text: string): AliasMatch[] {
  const paragraphOf = (offset: number) => text.slice(0, offset).split('\n').length;
  return matches.filter(
    (match) =>
      !match.weak ||
      matches.some(
        (strong) =>
          !strong.weak &&
          strong.targetId === match.targetId &&
          strong.kind === match.kind &&
          (Math.max(strong.start, match.start) - Math.min(strong.end, match.end) <=
            WEAK_CONFIRMATION_DISTANCE ||
            paragraphOf(strong.start) === paragraphOf(match.start)),
      ),
  );
}

const page = fc
  .array(fc.constantFrom('word ', 'x'.repeat(120) + ' ', '\n'), { minLength: 1, maxLength: 60 })
  .map((parts) => parts.join(''));

const matchesOn = (text: string) =>
  fc.array(
    fc
      .record({
        start: fc.nat({ max: Math.max(0, text.length - 1) }),
        length: fc.integer({ min: 1, max: 40 }),
        target: fc.constantFrom('a', 'b', 'c'),
        weak: fc.boolean(),
      })
      .map(({ start, length, target, weak }): AliasMatch => ({
        start,
        end: Math.min(text.length, start + length),
        targetId: target,
        kind: 'actor',
        alias: target,
        weak,
      })),
    { maxLength: 30 },
  );

test('keeps exactly the weak matches the definition keeps', () => {
  fc.assert(
    fc.property(
      page.chain((text) => fc.tuple(fc.constant(text), matchesOn(text))),
      ([text, matches]) => {
        expect(confirmWeakMatches(matches, text)).toEqual(byDefinition(matches, text));
      },
    ),
    { numRuns: 3_000 },
  );
});

test.each([
  // Across a paragraph break only the distance counts: gap = weak start - strong end.
  [
    '500 characters from a strong match in the paragraph before',
    'Nazarzoda\n' + ' '.repeat(499) + 'Khalim',
    true,
  ],
  [
    '501 characters from a strong match in the paragraph before',
    'Nazarzoda\n' + ' '.repeat(500) + 'Khalim',
    false,
  ],
  ['far from a strong match in the same paragraph', 'Nazarzoda' + ' '.repeat(900) + 'Khalim', true],
  [
    'far from a strong match in another paragraph',
    'Nazarzoda\n' + ' '.repeat(900) + 'Khalim',
    false,
  ],
])('%s', (_name, text, kept) => {
  const strong: AliasMatch = {
    start: 0,
    end: 9,
    targetId: 'n',
    kind: 'actor',
    alias: 'Nazarzoda',
    weak: false,
  };
  const start = text.indexOf('Khalim');
  const weak: AliasMatch = {
    start,
    end: start + 6,
    targetId: 'n',
    kind: 'actor',
    alias: 'Khalim',
    weak: true,
  };
  expect(confirmWeakMatches([strong, weak], text)).toEqual(kept ? [strong, weak] : [strong]);
});
