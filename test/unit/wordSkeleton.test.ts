// Word skeletons (core/wordSkeleton.ts): the filter that lets the matcher skip words. Its one
// duty is never to skip a word that begins a key on the page, whatever the spelling of its
// words; and to skip the words that cannot.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalizeKey, normalizeWithOffsets } from '../../core/normalize';
import { forEachCandidateWord } from '../../core/candidatePass';
import {
  buildSkeletonTable,
  endOfWords,
  forEachCandidateWordInScript,
  KEYWORDS_LAYER,
  MAY_GO_ON_SHIFT,
  NAMES_LAYER,
  type SkeletonTable,
} from '../../core/wordSkeleton';

/** Letters and marks that the normaliser folds, drops or transliterates; no separators. */
const WORD_CHARS = [
  ...'aeiouyqkhzdjsgbtnmrlAEIOUYQKHZDJSG0129',
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАЁЖҲ',
  ...'ғӣқӯҳҷўәөұүі',
  ...'ابپتجخدرزسشعغقکگلمنهوی',
  ...'éçñšžİıßøæœ',
  'zod',
  'zade',
  'zadeh',
  'zadh',
  '\u0301',
  '\u200d',
  '𝐈',
];

/** A candidate's layers where a longer key of `layer` may match from it. */
const goesOnIn = (layer: number): number => layer | (layer << MAY_GO_ON_SHIFT);

// The WebAssembly pass (core/candidatePass.ts) and the script one must agree on every case.
const PASSES = [
  ['in script', forEachCandidateWordInScript],
  ['in WebAssembly', forEachCandidateWord],
] as const;

describe.each(PASSES)('the first pass %s', (_name, pass) => {
  function candidates(text: string, names: string[], keywords: string[] = []): string[] {
    const table = buildSkeletonTable(names.map(normalizeKey), keywords.map(normalizeKey));
    const found: string[] = [];
    pass(text, table, (start, end, layers) => {
      found.push(`${text.slice(start, end)}@${start}:${layers}`);
    });
    return found;
  }

  /** The word after "x " on `page` is handed on, for `layer`. */
  function expectHandedOn(page: string, table: SkeletonTable, layer: number): void {
    const found: number[][] = [];
    pass(page, table, (start, _end, layers) => found.push([start, layers]));
    // The word begins where its key does (a leading char the normaliser drops is not in it).
    const keyStart = normalizeWithOffsets(page).starts[2]!;
    expect(found).toContainEqual([keyStart, layer]);
  }

  describe('a page word is a candidate for any key it normalises to', () => {
    test('for every spelling the normaliser folds (fuzzed)', () => {
      let checked = 0;
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...WORD_CHARS), { minLength: 1, maxLength: 12 }),
          (parts) => {
            const word = parts.join('');
            const key = normalizeKey(word);
            // Only words that stay one key word (no char of them turned into a separator).
            fc.pre(key !== '' && !key.includes(' ') && !key.includes('\n'));
            checked++;
            expectHandedOn(`x ${word} x`, buildSkeletonTable([key], []), NAMES_LAYER);
          },
        ),
        { numRuns: 3_000 },
      );
      expect(checked).toBeGreaterThan(2_000);
    });

    test.each([
      ['Dzhuraev', 'Juraev'],
      ['Khalimov', 'Halimov'],
      ['Nazarzod', 'Nazarzoda'],
      ['Rahmonzade', 'Rahmonzoda'],
      ['Abdukhalim', 'Абдухалим'],
      ['Yousuf', 'Yusuf'],
      ['Ghaffor', 'Gafor'],
      // Keys of two words: the first word is handed on once the second pairs with it.
      ['Dzhuraev Khalimov', 'Juraev Halimov'],
      ['Abdukhalim Nazarzod', 'Abdukhalim Nazarzoda'],
      ['Yousuf Rahmonzade', 'Yusuf Rahmonzoda'],
      ['Абдухалим Назарзода', 'Abdukhalim Nazarzoda'],
    ])('%s on a page, %s in the dataset', (page, alias) => {
      expect(normalizeKey(page)).toBe(normalizeKey(alias));
      const firstWord = page.split(' ')[0]!;
      // A first word of two is handed on as one that a longer key may go on from.
      const layers = page.includes(' ') ? goesOnIn(NAMES_LAYER) : NAMES_LAYER;
      expect(candidates(`said ${page} on`, [alias])).toEqual([`${firstWord}@5:${layers}`]);
    });
  });

  describe('a page word is a candidate for a longer key that its words spell', () => {
    test('for every spelling of the first two words (fuzzed)', () => {
      let checked = 0;
      const word = fc.array(fc.constantFrom(...WORD_CHARS), { minLength: 1, maxLength: 8 });
      fc.assert(
        fc.property(word, word, (first, second) => {
          const spelling = `${first.join('')} ${second.join('')}`;
          const key = normalizeKey(spelling);
          // Only spellings that stay two key words.
          fc.pre(key.split(' ').length === 2 && !key.includes('\n'));
          checked++;
          expectHandedOn(
            `x ${spelling} x`,
            buildSkeletonTable([], [key]),
            goesOnIn(KEYWORDS_LAYER),
          );
        }),
        { numRuns: 3_000 },
      );
      expect(checked).toBeGreaterThan(1_500);
    });
  });

  describe('the words that begin no key are skipped', () => {
    test('only the name and the keyword phrase start are handed on, with their layers', () => {
      const text = 'The deputy defense minister Abdukhalim Nazarzoda was killed, officials said.';
      expect(candidates(text, ['Abdukhalim Nazarzoda'], ['deputy defense minister'])).toEqual([
        `deputy@4:${goesOnIn(KEYWORDS_LAYER)}`,
        `Abdukhalim@28:${goesOnIn(NAMES_LAYER)}`,
      ]);
    });

    test('a word that only begins longer keys is skipped when the next word begins none of them', () => {
      const text = 'The deputy minister met Abdukhalim on Monday.';
      expect(candidates(text, ['Abdukhalim Nazarzoda'], ['deputy defense minister'])).toEqual([]);
    });

    test('a word that begins a longer key is skipped at the end of the text', () => {
      expect(candidates('They met Abdukhalim', ['Abdukhalim Nazarzoda'])).toEqual([]);
    });

    test('a word that is a key itself is handed on whatever follows, in that layer only', () => {
      const text = 'Tajikistan said and Tajikistan Islamic';
      expect(candidates(text, ['Tajikistan'], ['Tajikistan border'])).toEqual([
        `Tajikistan@0:${NAMES_LAYER}`,
        `Tajikistan@20:${NAMES_LAYER}`,
      ]);
      expect(candidates('Tajikistan border', ['Tajikistan'], ['Tajikistan border'])).toEqual([
        `Tajikistan@0:${NAMES_LAYER | goesOnIn(KEYWORDS_LAYER)}`,
      ]);
    });

    test('a word that is a key and begins longer ones of its layer is marked as one they may go on from', () => {
      // Not held: it is a hit whatever follows. The matcher then reads two words from it.
      expect(candidates('Tajikistan said', ['Tajikistan', 'Tajikistan Islamic Party'])).toEqual([
        `Tajikistan@0:${goesOnIn(NAMES_LAYER)}`,
      ]);
      expect(candidates('Tajikistan said', ['Tajikistan'])).toEqual([
        `Tajikistan@0:${NAMES_LAYER}`,
      ]);
    });

    test('a word that begins a longer key is handed on when a word with an apostrophe follows', () => {
      // "Nazarzoda's" is two key words: "nazarzoda" and "s".
      expect(candidates("Abdukhalim Nazarzoda's men", ['Abdukhalim Nazarzoda'])).toEqual([
        `Abdukhalim@0:${goesOnIn(NAMES_LAYER)}`,
        `Nazarzoda's@11:${goesOnIn(NAMES_LAYER | KEYWORDS_LAYER)}`,
      ]);
    });

    test('a word with an apostrophe is always handed on, for both layers', () => {
      expect(candidates("l'Ali and Rahmon's men", ['Nazarzoda'])).toEqual([
        `l'Ali@0:${goesOnIn(NAMES_LAYER | KEYWORDS_LAYER)}`,
        `Rahmon's@10:${goesOnIn(NAMES_LAYER | KEYWORDS_LAYER)}`,
      ]);
    });

    test('offsets are UTF-16 offsets past astral chars, lone surrogates and Cyrillic', () => {
      // A lone surrogate is a separator; '𝐈' (two UTF-16 units) is the one-letter word "i".
      const text = '\ud800Nazarzoda 𝐈 Назарзода Nazarzoda\ud83d';
      expect(candidates(text, ['Nazarzoda'])).toEqual([
        `Nazarzoda@1:${NAMES_LAYER}`,
        `Назарзода@14:${NAMES_LAYER}`,
        `Nazarzoda@24:${NAMES_LAYER}`,
      ]);
    });

    test('a long text in Cyrillic (two bytes a char in UTF-8) is read to its end', () => {
      const text = `${'Душанбе '.repeat(200)}Nazarzoda`;
      expect(candidates(text, ['Nazarzoda'])).toEqual([`Nazarzoda@1600:${NAMES_LAYER}`]);
    });

    test('a pass run from the callback of another does not disturb it', () => {
      const table = buildSkeletonTable([normalizeKey('Nazarzoda')], []);
      const text = 'Nazarzoda said Nazarzoda left';
      const outer: number[] = [];
      pass(text, table, (start) => {
        outer.push(start);
        pass('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', table, () => {});
      });
      expect(outer).toEqual([0, 15]);
    });

    test('an empty dictionary hands on nothing', () => {
      expect(candidates('Nazarzoda said', [])).toEqual([]);
    });
  });
});

describe('endOfWords', () => {
  test.each<[string, number, number, number]>([
    ['Abdukhalim Nazarzoda, the general', 0, 1, 10],
    ['Abdukhalim Nazarzoda, the general', 0, 2, 20],
    ['Abdukhalim Nazarzoda, the general', 11, 2, 25],
    ['Abdukhalim Nazarzoda, the general', 0, 9, 33],
    // A combining mark after a word's last letter stays with it.
    ['Rahmon\u0301 x', 0, 1, 7],
    // An em dash is a separator, a soft sign is dropped inside the word.
    ['Назарзода—Рахмон', 0, 1, 9],
    ['Ильич x', 0, 1, 5],
    // ½ is "1 2": its 1 ends the third word, and its 2 begins a fourth that goes on past it.
    ['Sector 7 ½b north', 0, 3, 11],
    ['Sector 7 ½ north', 0, 3, 10],
    // ⑴ is " 1 ": it begins with a separator, so a word can end before it.
    ['Sector⑴ north', 0, 1, 6],
  ])('%j from %i, %i words: %i', (text, from, words, end) => {
    expect(endOfWords(text, from, words)).toBe(end);
  });
});
