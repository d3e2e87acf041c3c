// The compiled matcher survives a JSON round trip (Chrome's runtime messages) and matches as the built one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildLexicon } from '../../core/lexicon';
import { AliasMatcher } from '../../core/matcher';
import { parseDataset } from '../../core/schema';
import { bundledDataset } from '../../data/index';
import {
  packMatcher,
  unpackMatcher,
  type PackedMatcher,
} from '../../entrypoints/background/reading/matcherWire';

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const entries = buildLexicon(parsed.dataset);
const built = AliasMatcher.build(entries);
const overJson = (packed: PackedMatcher): PackedMatcher => JSON.parse(JSON.stringify(packed));
const seed = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../data/seeds', name), 'utf8');

describe('packMatcher / unpackMatcher', () => {
  test('the compiled arrays come back equal, typed, after JSON', () => {
    const compiled = built.toCompiled();
    expect(unpackMatcher(overJson(packMatcher(compiled)))).toEqual(compiled);
  });

  test.each(['000_730a5c529c7b08ea.txt', '002_633043090701e538.txt', '004_53d963a1b97000fa.txt'])(
    'the unpacked matcher finds what the built one finds in seed %s',
    (name) => {
      const text = seed(name);
      const unpacked = AliasMatcher.fromCompiled(
        unpackMatcher(overJson(packMatcher(built.toCompiled()))),
      );
      const found = built.findAll(text);
      expect(found.length).toBeGreaterThan(0);
      expect(unpacked.findAll(text)).toEqual(found);
    },
  );

  test.each([
    [
      'a typed array of another kind',
      { packedMatcher: { typedArray: 'Float64Array', base64: '' } },
    ],
    [
      'not base64',
      { packedMatcher: { format: 'x', asciiClass: { typedArray: 'Uint8Array', base64: '%%' } } },
    ],
    ['a truncated Int32Array', { packedMatcher: { typedArray: 'Int32Array', base64: 'AAA=' } }],
  ])('%s: fromCompiled or unpack refuses it', (_, packed) => {
    expect(() => AliasMatcher.fromCompiled(unpackMatcher(packed as PackedMatcher))).toThrow();
  });
});
