// The compiled matcher (toCompiled / fromCompiled, as the background would send it to a
// page) finds exactly what the matcher built from entries finds, and the trie scan with
// its dense rows, class-pair table and sparse runs agrees with a naive scan of the key.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../data/index';
import { buildLexicon } from '../../core/lexicon';
import { AliasMatcher, COMPILED_FORMAT, type CompiledMatcher } from '../../core/matcher';
import { normalizeKey, normalizeWithOffsets } from '../../core/normalize';
import { parseDataset } from '../../core/schema';
import type { AliasMatch, LexiconEntry } from '../../core/types';
import { hostileText } from './fuzz/arbitraries';

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(`bundled dataset is invalid: ${parsed.errors.join('; ')}`);
const lexicon = buildLexicon(parsed.dataset);
const built = AliasMatcher.build(lexicon);
/** Through structuredClone, as postMessage and IndexedDB would copy it. */
const sent = AliasMatcher.fromCompiled(structuredClone(built.toCompiled()));

const SEEDS_DIR = new URL('../../data/seeds/', import.meta.url);
const seeds = readdirSync(SEEDS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .toSorted()
  .map((name): [string, string] => [name, readFileSync(new URL(name, SEEDS_DIR), 'utf8')]);

describe('fromCompiled(toCompiled()) finds the same matches', () => {
  test('there are five seed pages', () => {
    expect(seeds).toHaveLength(5);
  });

  test.each(seeds)('seed %s', (_name, text) => {
    const expected = built.findAll(text);
    expect(expected.length).toBeGreaterThan(0);
    expect(sent.findAll(text)).toEqual(expected);
  });

  test('the same size', () => {
    expect(sent.size).toBe(built.size);
    expect(sent.size).toBeGreaterThan(0);
  });

  const aliases = [...new Set(lexicon.map((entry) => entry.alias))];
  test('fuzzed text with dataset spellings in it', () => {
    const text = fc
      .array(fc.oneof(hostileText, fc.constantFrom(...aliases)), { maxLength: 12 })
      .map((parts) => parts.join(' '));
    let matched = 0;
    fc.assert(
      fc.property(text, (t) => {
        const expected = built.findAll(t);
        if (expected.length > 0) matched++;
        expect(sent.findAll(t)).toEqual(expected);
      }),
      { numRuns: 3_000 },
    );
    // Not vacuous: most runs hold a dataset spelling.
    expect(matched).toBeGreaterThan(1_000);
  });

  test('a lexicon in many scripts (no class-pair table), compiled and cloned', () => {
    const entries: LexiconEntry[] = [
      ...'αβγδεζηθικλμνξοπρστυφχψωԱԲԳԴԵԶԷԸԹԺԻԼԽԾԿՀՁՂՃՄՅՆՇՈՉՊՋՌՍՎՏՐՑՒՓՔՕՖ'
        .split('')
        .map((c, i): LexiconEntry => ({
          targetId: `s${i}`,
          kind: 'place',
          alias: `${c}${c}x`,
          weak: false,
        })),
      { targetId: 'a', kind: 'actor', alias: 'IRPT', weak: false },
      { targetId: 'k', kind: 'incident', alias: 'attack on', weak: false },
    ];
    const many = AliasMatcher.build(entries);
    expect(many.toCompiled().classes).toBeGreaterThan(64);
    const text = 'The IRPT said: ααx, ԱԱx and ωωx; an attack on ζζx. irpt';
    const expected = many.findAll(text);
    expect(expected.map((m) => text.slice(m.start, m.end))).toEqual([
      'IRPT',
      'ααx',
      'ԱԱx',
      'ωωx',
      'attack on',
      'ζζx',
    ]);
    expect(AliasMatcher.fromCompiled(structuredClone(many.toCompiled())).findAll(text)).toEqual(
      expected,
    );
  });
});

describe('the real lexicon on the Tajik held-out page', () => {
  test('"рӯзи душанбе" (on Monday) is not the city; "дар Душанбе" is', () => {
    const text = readFileSync(
      new URL('../fixtures/heldout/tg-ozodi-romit.txt', import.meta.url),
      'utf8',
    );
    expect(
      built.findAll(text).map((hit) => `${hit.targetId}=${text.slice(hit.start, hit.end)}`),
    ).toEqual([
      'ramit-gorge=дараи Ромит',
      'tj-interior-ministry=Вазорати корҳои дохилии Тоҷикистон',
      'nazarzoda=Абдуҳалим Назарзода',
      'ramit-gorge=дараи Ромит',
      'vahdat=Ваҳдат',
      'dushanbe=Душанбе',
      'vahdat=Ваҳдат',
    ]);
  });
});

describe('fromCompiled refuses what is not a compiled matcher', () => {
  const good = built.toCompiled();
  test.each<[string, unknown]>([
    ['null', null],
    ['a string', 'matcher'],
    ['another format', { ...good, format: 'triangulate-matcher-0' }],
    ['no names trie', { ...good, names: undefined }],
    ['links as a plain array', { ...good, names: { ...good.names, links: [0, 0] } }],
    [
      'links of the wrong length',
      { ...good, names: { ...good.names, links: good.names.links.subarray(2) } },
    ],
    ['aliases missing', { ...good, keywords: { ...good.keywords, aliases: undefined } }],
    ['ASCII classes too short', { ...good, asciiClass: new Uint8Array(10) }],
    ['no skeleton table (a format-1 matcher)', { ...good, skeletons: undefined }],
    ['a skeleton table of one set (as in format 2)', { ...good, skeletons: good.skeletons.words }],
    [
      'a skeleton table not a power of two',
      {
        ...good,
        skeletons: {
          ...good.skeletons,
          pairs: { hashes: new Int32Array(3), layers: new Uint8Array(3) },
        },
      },
    ],
    [
      'a skeleton set without its filter (as in format 4)',
      {
        ...good,
        skeletons: {
          ...good.skeletons,
          words: { hashes: good.skeletons.words.hashes, layers: good.skeletons.words.layers },
        },
      },
    ],
  ])('%s', (_label, value) => {
    expect(() => AliasMatcher.fromCompiled(value as CompiledMatcher)).toThrow(
      'not a compiled matcher of this version',
    );
  });

  test('the format string', () => {
    expect(good.format).toBe(COMPILED_FORMAT);
    expect(COMPILED_FORMAT).toBe('triangulate-matcher-5');
  });
});

/**
 * The reference: at each word start of the key, the longest key of the layer
 * that ends on a word boundary (no acronyms in these lexicons; a name with a
 * capital needs one in the page); the next try starts after the match, or at
 * the next word.
 */
function naiveFindAll(entries: readonly LexiconEntry[], text: string): AliasMatch[] {
  const { key, starts, ends } = normalizeWithOffsets(text);
  const layer = (incident: boolean): AliasMatch[] => {
    // One entry per (kind, target, key), in input order; a strong spelling replaces a weak one.
    const unique = new Map<string, LexiconEntry>();
    for (const entry of entries) {
      const k = normalizeKey(entry.alias);
      if (k === '' || (entry.kind === 'incident') !== incident) continue;
      const id = `${entry.kind} ${entry.targetId} ${k}`;
      const seen = unique.get(id);
      if (seen === undefined || (seen.weak && !entry.weak)) unique.set(id, entry);
    }
    const byKey = new Map<string, LexiconEntry[]>();
    for (const entry of unique.values()) {
      const k = normalizeKey(entry.alias);
      byKey.set(k, [...(byKey.get(k) ?? []), entry]);
    }
    const found: AliasMatch[] = [];
    let pos = 0;
    while (pos < key.length) {
      let matchedEnd = -1;
      for (let end = key.length; end > pos && matchedEnd < 0; end--) {
        if (end < key.length && key[end] !== ' ' && key[end] !== '\n') continue;
        const span = text.slice(starts[pos]!, ends[end - 1]!);
        const hits = byKey
          .get(key.slice(pos, end))
          ?.filter(
            (entry) =>
              entry.kind === 'incident' ||
              !/\p{Lu}/u.test(entry.alias) ||
              /\p{Lu}/u.test(span) ||
              span.toUpperCase() === span,
          );
        if (hits === undefined || hits.length === 0) continue;
        for (const entry of hits) {
          found.push({
            start: starts[pos]!,
            end: ends[end - 1]!,
            targetId: entry.targetId,
            kind: entry.kind,
            alias: entry.alias,
            weak: entry.weak,
          });
        }
        matchedEnd = end;
      }
      let next = matchedEnd >= 0 ? matchedEnd : pos + 1;
      while (next < key.length && key[next] !== ' ' && key[next] !== '\n') next++;
      pos = next + 1;
    }
    return found;
  };
  const names = layer(false);
  const keywords = layer(true);
  const merged: AliasMatch[] = [];
  let k = 0;
  for (const name of names) {
    while (k < keywords.length && keywords[k]!.start < name.start) merged.push(keywords[k++]!);
    merged.push(name);
  }
  return [...merged, ...keywords.slice(k)];
}

/** A lexicon of 1-40 phrases of 1-3 words of 1-4 letters, and text made of their words. */
function lexiconAndText(letters: readonly string[]): fc.Arbitrary<[LexiconEntry[], string]> {
  const word = fc
    .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 4 })
    .map((chars) => chars.join(''));
  const phrase = fc
    .array(word, { minLength: 1, maxLength: 3 })
    .map((words) => words.join(' '))
    .filter((p) => p !== p.toUpperCase());
  const entry = fc.record({
    targetId: fc.constantFrom('t1', 't2', 't3', 't4', 't5', 't6'),
    kind: fc.constantFrom('actor' as const, 'place' as const, 'incident' as const),
    alias: phrase,
    weak: fc.boolean(),
  });
  return fc.array(entry, { minLength: 1, maxLength: 40 }).chain((entries) =>
    fc.tuple(
      fc.constant(entries),
      fc
        .array(fc.oneof(fc.constantFrom(...entries.map((e) => e.alias)), word), { maxLength: 20 })
        .chain((parts) =>
          fc
            .array(fc.constantFrom(' ', '  ', ', ', '\n', '. '), {
              minLength: parts.length,
              maxLength: parts.length,
            })
            .map((gaps) => parts.map((part, i) => part + gaps[i]).join('')),
        ),
    ),
  );
}

describe('the trie walks agree with a naive scan of the key', () => {
  test.each<[string, string[]]>([
    // Few classes: keys share prefixes and every node with two children gets a dense row.
    ['a small alphabet (dense rows)', ['a', 'b', 'c', 'd', 'e', 'o', 'r', 'ş', 'ж', '-', 'é']],
    // Over 24 classes: nodes with two or three children are short sorted runs.
    ['a wide alphabet (sparse runs)', [...'abcdefgilmnoprstuvw0123456789', 'ş', 'é']],
    // Every spelling fold and what the word skeletons must see through: kh/gh/dzh/zh/q,
    // you/yo/ye/ou/y, doubled letters, -zod/-zade endings, apostrophes (l'Ali, 's),
    // Cyrillic letters that become two (х, ж, ю), dropped chars (ь, a combining acute).
    [
      'the spelling folds',
      [
        ...'akhgdzjqyoueiz',
        'zod',
        'zade',
        'zoda',
        "'",
        "l'",
        "'s",
        'ʻ',
        'х',
        'ж',
        'ю',
        'ь',
        '\u0301',
        'Ё',
        // One char giving a word's end, a separator and the next word's start (½: 1 2, ℀: a c).
        '½',
        '℀',
        '⑴',
        '㏂',
      ],
    ],
  ])('%s', (_label, letters) => {
    let matched = 0;
    fc.assert(
      fc.property(lexiconAndText(letters), ([entries, text]) => {
        const matcher = AliasMatcher.build(entries);
        const expected = naiveFindAll(entries, text);
        if (expected.length > 0) matched++;
        expect(matcher.findAll(text)).toEqual(expected);
        // Both ways to the candidates' keys, whatever the page's density would choose.
        expect(matcher.findAll(text, 'windows')).toEqual(expected);
        expect(matcher.findAll(text, 'windows-unmemoised')).toEqual(expected);
        expect(matcher.findAll(text, 'whole-page')).toEqual(expected);
        // The first pass in script too, as where WebAssembly cannot run.
        expect(matcher.findAll(text, 'auto', 'script')).toEqual(expected);
        expect(AliasMatcher.fromCompiled(matcher.toCompiled()).findAll(text)).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
    expect(matched).toBeGreaterThan(1_000);
  });

  test('a text said three times, each time followed by other chars, as every window anew', () => {
    // The window memo takes an earlier window's hits where the text goes on the same: what
    // follows each copy (a letter, a dropped char, ½, separators in and beyond ASCII) decides.
    const follow = fc.constantFrom(' ', '\n', ', ', 's ', '\u0301 ', '½ ', '— ', '\u00a0', "' ");
    const foldLetters = [
      ...'akhgdzjqyoueiz',
      'zod',
      'zoda',
      "'",
      'ʻ',
      'х',
      'ь',
      '\u0301',
      '½',
      '⑴',
    ];
    let replayed = 0;
    fc.assert(
      fc.property(
        lexiconAndText(foldLetters),
        follow,
        follow,
        follow,
        ([entries, text], first, second, third) => {
          const matcher = AliasMatcher.build(entries);
          // Its last word runs into what follows.
          const said = text.replace(/[\s,.]+$/u, '');
          const page = said + first + said + second + said + third + 'end';
          const fresh = matcher.findAll(page, 'windows-unmemoised');
          expect(matcher.findAll(page, 'windows')).toEqual(fresh);
          expect(naiveFindAll(entries, page)).toEqual(fresh);
          if (fresh.length >= 3) replayed++;
        },
      ),
      { numRuns: 1_000 },
    );
    expect(replayed).toBeGreaterThan(300);
  });
});
