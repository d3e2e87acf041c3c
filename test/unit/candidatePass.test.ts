// The first pass in WebAssembly (core/candidatePass.ts, core/candidatePass.wat): it must hand on
// exactly the candidates of the script pass (core/wordSkeleton.ts), on any text, however many.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  candidatePassKind,
  candidatePassMemoryBytes,
  forEachCandidateWord,
} from '../../core/candidatePass';
import { CANDIDATE_PASS_WASM_BASE64 } from '../../core/candidatePassWasm';
import { normalizeKey } from '../../core/normalize';
import {
  buildSkeletonTable,
  forEachCandidateWordInScript,
  KEYWORDS_LAYER,
  MAY_GO_ON_SHIFT,
  NAMES_LAYER,
  type CandidateWord,
  type SkeletonTable,
} from '../../core/wordSkeleton';
import { assembleCandidatePass } from '../../scripts/assembleWasm';

type Pass = (text: string, table: SkeletonTable, onWord: CandidateWord) => void;

function candidatesBy(pass: Pass, text: string, table: SkeletonTable): number[] {
  const found: number[] = [];
  pass(text, table, (start, end, layers) => found.push(start, end, layers));
  return found;
}

function tableOf(names: readonly string[], keywords: readonly string[] = []): SkeletonTable {
  return buildSkeletonTable(names.map(normalizeKey), keywords.map(normalizeKey));
}

describe('the module', () => {
  test('is the assembly of core/candidatePass.wat (npm run build:wasm)', async () => {
    const source = readFileSync(new URL('../../core/candidatePass.wat', import.meta.url), 'utf8');
    const bytes = await assembleCandidatePass(source);
    expect(Buffer.from(bytes).toString('base64')).toBe(CANDIDATE_PASS_WASM_BASE64);
  });

  test('runs in Node, so the tests below compare it with the script pass', () => {
    expect(candidatePassKind(tableOf(['Nazarzoda']))).toBe('webassembly');
  });
});

/** Pieces of words and what separates them, in and beyond ASCII, one UTF-16 unit or two. */
const PIECES = [
  ...'aeiouyqkhzdjsgbtnmrlAEKZ09',
  ' ',
  '  ',
  ', ',
  '\n',
  "'",
  '\u2019',
  '-',
  '—',
  '\u00a0',
  ...'абвгджзийНаз',
  ...'ғӣқӯҳҷ',
  ...'ابپت',
  ...'éçñšİıßøæ',
  '½',
  '\u0301',
  '\u200d',
  '𝐈',
  '\ud800',
  '\udc00',
  'ﷺ',
  '…',
  'zoda',
  'zod',
];

const page = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 60 })
  .map((pieces) => pieces.join(''));

describe('it hands on what the script pass hands on', () => {
  test('on random text, with keys made of its own words (fuzzed)', () => {
    fc.assert(
      fc.property(page, fc.array(fc.nat(), { maxLength: 6 }), (text, picks) => {
        const words = text.split(/[\s,]+/u).filter((word) => word !== '');
        // Keys of one and two words from the page, so that many of its words are candidates.
        const keys = picks.map((pick, i) => {
          const first = words[pick % Math.max(words.length, 1)] ?? 'x';
          return i % 2 === 0 ? first : `${first} ${words[(pick + 1) % words.length] ?? 'y'}`;
        });
        const table = tableOf(keys.slice(0, 3), keys.slice(3));
        expect(candidatesBy(forEachCandidateWord, text, table)).toEqual(
          candidatesBy(forEachCandidateWordInScript, text, table),
        );
      }),
      { numRuns: 4_000 },
    );
  });

  test('on text with more candidates than its output holds, read back in several runs', () => {
    // 4,096 triples a run: 10,001 candidates take three runs.
    const table = tableOf(['Nazarzoda'], ['Abdukhalim Nazarzoda']);
    const text = `${'Nazarzoda, '.repeat(5_000)}Abdukhalim Nazarzoda ${'Nazarzoda '.repeat(5_000)}`;
    const found = candidatesBy(forEachCandidateWord, text, table);
    expect(found.length / 3).toBe(10_002);
    expect(found.slice(3 * 5_000, 3 * 5_002)).toEqual([
      55_000,
      55_010,
      KEYWORDS_LAYER | (KEYWORDS_LAYER << MAY_GO_ON_SHIFT),
      55_011,
      55_020,
      NAMES_LAYER,
    ]);
    expect(found).toEqual(candidatesBy(forEachCandidateWordInScript, text, table));
  });

  test('on many short words that only non-ASCII chars part, so it pauses between such chars', () => {
    // Three bytes read per candidate, twelve written: without pausing, the output would run
    // into the text being read.
    const table = tableOf(['ж']);
    const text = 'ж\u00a0'.repeat(20_000);
    const found = candidatesBy(forEachCandidateWord, text, table);
    expect(found.length / 3).toBe(20_000);
    expect(found.slice(-3)).toEqual([39_998, 39_999, NAMES_LAYER]);
    expect(found).toEqual(candidatesBy(forEachCandidateWordInScript, text, table));
  });

  test('where a char that is several words comes as the output fills (fuzzed)', () => {
    // ﷺ is four key words; ½ two. Around the 4,064th candidate the pass pauses.
    const table = tableOf(['a', 'b'], ['b a']);
    fc.assert(
      fc.property(fc.integer({ min: 4_000, max: 4_100 }), page, (count, tail) => {
        const text = `${'a '.repeat(count)}ﷺ½ﷺ b ${tail} a`;
        expect(candidatesBy(forEachCandidateWord, text, table)).toEqual(
          candidatesBy(forEachCandidateWordInScript, text, table),
        );
      }),
      { numRuns: 60 },
    );
  });

  test('on 200 KB of Cyrillic, Tajik and Latin text, whose chars it caches', () => {
    const words = [
      'Назарзода',
      'Душанбе',
      'ҳукумат',
      'Nazarzoda',
      'said',
      'Абдухалим',
      '½',
      'l’Ali',
    ];
    let text = '';
    for (let i = 0; text.length < 200_000; i++) text += `${words[(i * 7) % words.length]} `;
    const table = tableOf(['Nazarzoda', 'Душанбе'], ['Абдухалим Назарзода']);
    const found = candidatesBy(forEachCandidateWord, text, table);
    expect(found.length / 3).toBeGreaterThan(10_000);
    expect(found).toEqual(candidatesBy(forEachCandidateWordInScript, text, table));
  });

  test('on a text too long for its memory to keep, which the script pass reads instead', () => {
    // The module's memory never shrinks: past 2 Mi chars the text is not copied into it.
    const table = tableOf(['Nazarzoda']);
    forEachCandidateWord('Nazarzoda said', table, () => {});
    const before = candidatePassMemoryBytes(table);
    expect(before).toBeGreaterThan(0);
    const text = `${'word '.repeat(450_000)}Nazarzoda ${'Nazarzoda '.repeat(2)}`;
    expect(text.length).toBeGreaterThan(1 << 21);
    const found = candidatesBy(forEachCandidateWord, text, table);
    const starts = found.filter((_, i) => i % 3 === 0);
    expect(starts).toEqual([2_250_000, 2_250_010, 2_250_020]);
    expect(found.slice(0, 3)).toEqual([2_250_000, 2_250_009, NAMES_LAYER]);
    expect(candidatePassMemoryBytes(table)).toBe(before);
  });

  test('from a callback of another pass on the same table, which it does not disturb', () => {
    const table = tableOf(['Nazarzoda']);
    const outer: number[] = [];
    const inner: number[] = [];
    forEachCandidateWord('Nazarzoda said Nazarzoda left', table, (start) => {
      outer.push(start);
      forEachCandidateWord('so Nazarzoda', table, (innerStart) => inner.push(innerStart));
    });
    expect(outer).toEqual([0, 15]);
    expect(inner).toEqual([3, 3]);
  });
});
