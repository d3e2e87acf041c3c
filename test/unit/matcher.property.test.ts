// Properties of normalising and matching that must hold for any text, checked on generated inputs.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AliasMatcher } from '../../core/matcher';
import {
  extendRangeToCodes,
  normalizeKey,
  normalizeRangeToCodes,
  normalizeToCodes,
  normalizeWithOffsets,
  plainWordsToCodes,
} from '../../core/normalize';
import { endOfWords } from '../../core/wordSkeleton';
import type { LexiconEntry } from '../../core/types';

/** Characters that stress the normaliser: scripts, marks, ligatures, invisibles, apostrophes, breaks, astral. */
const TRICKY = [
  ...'aeiouyqkhzdjsgAEIOUYQKHZDJSG0129',
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАЁЖҲ',
  ...'ғӣқӯҳҷўәөұүіє',
  ...'ابپتجخدرزسشعغقکگلمنهوی٣۴',
  ...'éçñšžİıßøæœ',
  '\u0301',
  '\u0308',
  '\u0304',
  'ﬁ',
  'ﬃ',
  'Ｉ',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u200c',
  "'",
  '’',
  'ʻ',
  ' ',
  ' ',
  '-',
  '—',
  '.',
  '\n',
  '\r\n',
  '\t',
  '😀',
  '𝐈',
  '🇹🇯',
  '\ud800',
  '\udc00',
];
const trickyText = fc
  .array(fc.constantFrom(...TRICKY), { maxLength: 40 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  trickyText,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
);

describe('normalizeWithOffsets', () => {
  test('never throws; spans are within the text, non-empty and monotonic; the key is well formed', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { key, starts, ends } = normalizeWithOffsets(text);
        expect(starts.length).toBe(key.length);
        expect(ends.length).toBe(key.length);
        for (let i = 0; i < key.length; i++) {
          expect(starts[i]!).toBeLessThan(ends[i]!);
          expect(ends[i]!).toBeLessThanOrEqual(text.length);
          if (i > 0) {
            expect(starts[i]!).toBeGreaterThanOrEqual(starts[i - 1]!);
            expect(ends[i]!).toBeGreaterThanOrEqual(ends[i - 1]!);
          }
        }
        expect(key).not.toMatch(/^[ \n]|[ \n]$|[ \n]{2}/);
        expect(normalizeKey(text)).toBe(key);
      }),
      { numRuns: 10_000 },
    );
  });
});

/** A range's key as plain arrays, copied before the next call overwrites it. */
function rangeKey(range: ReturnType<typeof normalizeRangeToCodes>) {
  const { codes, starts, ends, length } = range;
  return {
    codes: Array.from(codes.subarray(0, length)),
    starts: Array.from(starts.subarray(0, length)),
    ends: Array.from(ends.subarray(0, length)),
  };
}

describe('normalizeRangeToCodes', () => {
  // Plain words (ASCII letters and digits between separators) take a path of their own;
  // the rest of these chars send a range back to the general one.
  const plainText = fc
    .array(
      fc.oneof(
        fc.constantFrom('Kh', 'zod', 'zade', 'you', 'Yo', 'dzh', 'gh', 'ou', 'q', 'y', 'll', 'Ab'),
        fc.constantFrom('a', 'B', '7', 'ministry', 'Rahmon'),
        fc.constantFrom(' ', '  ', ', ', '\n', '\r\n', '—', '«', '»', '.'),
        fc.constantFrom("'", '’', 'é', 'х', '\u0301', '\u00ad', '😀', '½'),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  test('a range of the whole text has the key of the text', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const whole = normalizeToCodes(text);
        const expected = {
          codes: Array.from(whole.codes),
          starts: Array.from(whole.starts),
          ends: Array.from(whole.ends),
        };
        expect(rangeKey(normalizeRangeToCodes(text, 0, text.length))).toEqual(expected);
      }),
      { numRuns: 10_000 },
    );
  });

  test('plain words are found where endOfWords ends them, with the key of that range', () => {
    let plain = 0;
    fc.assert(
      fc.property(plainText, fc.integer({ min: 1, max: 3 }), (text, words) => {
        const from = Math.max(0, text.length - text.trimStart().length);
        const found = plainWordsToCodes(text, from, words, false);
        if (found === null) return;
        plain++;
        const to = found.to;
        const key = rangeKey(found);
        expect(to).toBe(endOfWords(text, from, words));
        expect(key).toEqual(rangeKey(normalizeRangeToCodes(text, from, to)));
        // Grown by one more word, as the matcher grows a window.
        const grown = plainWordsToCodes(text, to, 1, true);
        if (grown === null) return;
        const grownTo = grown.to;
        const grownKey = rangeKey(grown);
        expect(grownTo).toBe(endOfWords(text, to, 1));
        expect(grownKey).toEqual(rangeKey(normalizeRangeToCodes(text, from, grownTo)));
      }),
      { numRuns: 10_000 },
    );
    expect(plain).toBeGreaterThan(2_000);
  });
});

describe('extendRangeToCodes', () => {
  // Chars whose key holds a separator between letters (½: 1 2, ⑴: " 1 "), so that a range
  // can end inside what one char gives, and words of the folds, in and out of a range.
  const rangeText = fc
    .array(fc.constantFrom(...TRICKY, '½', '⑴', 'Kh', 'zod', 'Yo', "l'", "'s", ' ', ' '), {
      maxLength: 40,
    })
    .map((parts) => parts.join(''));

  test('a range grown word by word has the key of the whole range normalised at once', () => {
    let grown = 0;
    fc.assert(
      fc.property(
        rangeText,
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 4 }),
        (text, steps) => {
          // The matcher's windows: from a word's start, to the end of a word.
          const from = Math.max(0, text.length - text.trimStart().length);
          let end = endOfWords(text, from, 1);
          let range = rangeKey(normalizeRangeToCodes(text, from, end));
          for (const words of steps) {
            const next = endOfWords(text, end, words);
            range = rangeKey(extendRangeToCodes(text, end, next));
            end = next;
            if (range.codes.length > 0) grown++;
          }
          expect(range).toEqual(rangeKey(normalizeRangeToCodes(text, from, end)));
        },
      ),
      { numRuns: 5_000 },
    );
    expect(grown).toBeGreaterThan(5_000);
  });

  test('refuses to grow a range from anywhere but its end', () => {
    normalizeRangeToCodes('Rahmon met Nazarzoda', 0, 6);
    expect(() => extendRangeToCodes('Rahmon met Nazarzoda', 7, 10)).toThrow(/last range ended/);
  });
});

// Name-like aliases: syllables that trigger the folds, in several scripts.
const SYLLABLES = [
  'na',
  'zar',
  'zod',
  'zoda',
  'kha',
  'lim',
  'Ab',
  'dou',
  'Rah',
  'mon',
  'Vakh',
  'dat',
  'dzhu',
  'you',
  'yev',
  'qo',
  'sim',
  'lla',
  'На',
  'зар',
  'зо',
  'да',
  'Ра',
  'ҳмо',
  'н',
  'ӣ',
  'ҷо',
  'ғу',
  'Ўз',
  'é',
  'Is',
  'ﬁ',
  'ma\u0301',
  'Ш',
  'щи',
];
const aliasWord = fc
  .array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(''));
const alias = fc
  .array(aliasWord, { minLength: 1, maxLength: 3 })
  .map((words) => words.join(' '))
  .filter((a) => {
    const words = normalizeKey(a).split(' ');
    // Lower case (acronym rule aside) and distinct words, so no earlier copy can overlap it.
    return a !== a.toUpperCase() && words.length === new Set(words).size;
  });

/** Text made of the lexicon's aliases, parts of them and tricky characters. */
const textFromAliases = (aliases: string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...aliases), fc.constantFrom(...TRICKY), aliasWord), {
      maxLength: 30,
    })
    .map((parts) => parts.join(''));

describe('AliasMatcher', () => {
  const lexicon = fc.array(alias, { minLength: 1, maxLength: 8 }).map((aliases) =>
    aliases.map((a, i): LexiconEntry => ({
      targetId: `t${i}`,
      kind: 'actor',
      alias: a,
      weak: false,
    })),
  );
  test("every match's source text normalises to its alias's key", () => {
    fc.assert(
      fc.property(
        lexicon.chain((entries) =>
          fc.tuple(fc.constant(entries), textFromAliases(entries.map((e) => e.alias))),
        ),
        ([entries, text]) => {
          const matcher = AliasMatcher.build(entries);
          for (const match of matcher.findAll(text)) {
            expect(normalizeKey(text.slice(match.start, match.end))).toBe(
              normalizeKey(match.alias),
            );
          }
        },
      ),
      { numRuns: 3_000 },
    );
  });

  test('an alias inserted anywhere between spaces is found on exactly its span', () => {
    fc.assert(
      fc.property(alias, anyText, anyText, (a, before, after) => {
        const matcher = AliasMatcher.build([
          { targetId: 'x', kind: 'actor', alias: a, weak: false },
        ]);
        const text = `${before} ${a} ${after}`;
        const start = before.length + 1;
        expect(
          matcher.findAll(text).filter((m) => m.start === start && m.end === start + a.length),
        ).toHaveLength(1);
      }),
      { numRuns: 3_000 },
    );
  });
});
