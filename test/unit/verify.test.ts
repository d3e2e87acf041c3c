/**
 * The verifier (size, SHA-256, Ed25519 signature over the canonical manifest),
 * the manifest parser, and the snapshot format: the builder's snapshot of
 * data/ reads back as exactly the bundled dataset.
 */
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../data/index';
import { canonicalJson, parseManifest, snapshotUrl, type Manifest } from '../../core/manifest';
import { parseDataset } from '../../core/schema';
import { readSnapshot, snapshotLines } from '../../core/snapshot';
import { syntheticDataset } from '../../core/synthetic';
import { checkSignature, checkSnapshot, sha256Hex } from '../../core/verify';
import { gzipLines, makeManifest } from '../../scripts/snapshotFile';
import { bundled, keyPair } from './syncFixtures';

const key = keyPair();
const otherKey = keyPair();
const bytes = new TextEncoder().encode('snapshot bytes');

async function signedManifest(): Promise<Manifest> {
  return makeManifest(bundled(), bytes, key.privateKeyPem);
}

test('sha256Hex matches the known digest of "abc"', async () => {
  expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
});

describe('checkSnapshot', () => {
  test.each([
    { name: 'exact bytes', data: bytes, expected: 'ok' },
    { name: 'one byte short', data: bytes.subarray(1), expected: 'size' },
    {
      name: 'same size, one byte changed',
      data: Uint8Array.from(bytes, (b, i) => (i === 0 ? b ^ 1 : b)),
      expected: 'checksum',
    },
  ])('$name', async ({ data, expected }) => {
    expect(await checkSnapshot(data, await signedManifest())).toBe(expected);
  });
});

describe('checkSignature', () => {
  test.each([
    {
      name: 'signed, right key',
      edit: (m: Manifest) => m,
      publicKey: () => key.publicKey,
      expected: 'ok',
    },
    {
      name: 'signed, other key',
      edit: (m: Manifest) => m,
      publicKey: () => otherKey.publicKey,
      expected: 'bad',
    },
    {
      name: 'version changed after signing',
      edit: (m: Manifest) => ({ ...m, version: m.version + 1 }),
      publicKey: () => key.publicKey,
      expected: 'bad',
    },
    {
      name: 'snapshot hash changed after signing',
      edit: (m: Manifest) => ({ ...m, snapshot: { ...m.snapshot, sha256: 'f'.repeat(64) } }),
      publicKey: () => key.publicKey,
      expected: 'bad',
    },
    {
      name: 'unsigned',
      edit: ({ signature: _s, ...m }: Manifest) => m,
      publicKey: () => key.publicKey,
      expected: 'missing',
    },
    {
      name: 'signature not 64 bytes',
      edit: (m: Manifest) => ({ ...m, signature: 'AAAA' }),
      publicKey: () => key.publicKey,
      expected: 'bad',
    },
    {
      name: 'key not 32 bytes',
      edit: (m: Manifest) => m,
      publicKey: () => 'AAAA',
      expected: 'bad-key',
    },
    {
      name: 'key not base64',
      edit: (m: Manifest) => m,
      publicKey: () => 'not a key!',
      expected: 'bad-key',
    },
  ])('$name', async ({ edit, publicKey, expected }) => {
    expect(await checkSignature(edit(await signedManifest()), publicKey())).toBe(expected);
  });
});

describe('parseManifest', () => {
  test.each([
    { text: 'nope', expected: 'not JSON' },
    { text: '{}', expected: 'schema: Invalid key: Expected "schema" but received undefined' },
    {
      text: JSON.stringify({
        schema: 1,
        datasetId: 'd',
        version: 1,
        publishedAt: '2026-01-01T00:00:00.000Z',
        snapshot: { url: 's', format: 'ndjson+gzip', sha256: 'AB', bytes: 1 },
      }),
      expected: 'snapshot.sha256: sha256 is 64 lower-case hex digits',
    },
  ])('$text', ({ text, expected }) => {
    expect(parseManifest(text)).toEqual({ ok: false, error: expected });
  });
});

test.each([
  {
    value: { b: 1, a: [{ d: 2, c: 'x' }], u: undefined },
    expected: '{"a":[{"c":"x","d":2}],"b":1}',
  },
  { value: 'é', expected: '"é"' },
  { value: null, expected: 'null' },
])('canonicalJson %#', ({ value, expected }) => {
  expect(canonicalJson(value)).toBe(expected);
});

test.each([
  { url: 'snapshot.ndjson.gz', expected: 'https://data.example.org/v1/snapshot.ndjson.gz' },
  { url: '../other/s.gz', expected: 'https://data.example.org/other/s.gz' },
  { url: 'https://cdn.example.net/s.gz', expected: 'https://cdn.example.net/s.gz' },
  { url: 'javascript:alert(1)', expected: null },
  { url: 'file:///etc/passwd', expected: null },
])('snapshotUrl($url)', async ({ url, expected }) => {
  const manifest = await signedManifest();
  expect(
    snapshotUrl(
      { ...manifest, snapshot: { ...manifest.snapshot, url } },
      'https://data.example.org/v1/manifest.json',
    ),
  ).toBe(expected);
});

describe('the snapshot format', () => {
  test('the builder snapshot of data/ reads back as exactly the bundled dataset', async () => {
    const parsed = parseDataset(bundledDataset);
    if (!parsed.ok) throw new Error('bundled dataset invalid');
    const snapshot = await gzipLines(snapshotLines(parsed.dataset));
    expect(await readSnapshot(snapshot, { maxDecompressedBytes: 10_000_000 })).toEqual({
      ok: true,
      dataset: parsed.dataset,
    });
  });

  test('a gzip bomb is refused at the decompressed cap', async () => {
    const snapshot = await gzipLines([...snapshotLines(bundled())]);
    expect(await readSnapshot(snapshot, { maxDecompressedBytes: 1_000 })).toEqual({
      ok: false,
      errors: ['decompresses to more than 1000 bytes'],
    });
  });

  test.each([
    {
      lines: ['{"table":"outlets","record":{}}'],
      expected: ['line 1: the first line must be the meta record'],
    },
    { lines: [], expected: ['the snapshot is empty'] },
    {
      lines: [
        JSON.stringify({ table: 'meta', record: bundled().meta }),
        '{"table":"users","record":{}}',
      ],
      expected: ['line 2: unknown table "users"'],
    },
    {
      lines: [
        JSON.stringify({ table: 'meta', record: bundled().meta }),
        JSON.stringify({
          table: 'reports',
          record: { ...bundled().reports[0], outletId: 'nobody' },
        }),
      ],
      expected: [
        'reports.seed-000-attack.incidentId: unknown id tj-2015-09-04-dushanbe-vahdat-attacks',
        'reports.seed-000-attack.outletId: unknown id nobody',
        'reports.seed-000-attack.via: unknown id reuters',
      ],
    },
  ])('refused: $expected', async ({ lines, expected }) => {
    expect(
      await readSnapshot(await gzipLines(lines), { maxDecompressedBytes: 10_000_000 }),
    ).toEqual({ ok: false, errors: expected });
  });

  test('the synthetic dataset at 1/100 scale is deterministic and valid', async () => {
    const dataset = syntheticDataset({ scale: 0.01 });
    expect([
      dataset.incidents.length,
      dataset.reports.length,
      dataset.figures.length,
      dataset.actors.length,
      dataset.places.length,
      dataset.outlets.length,
    ]).toEqual([1_000, 3_000, 10_000, 200, 50, 3]);
    expect(parseDataset(dataset).ok).toBe(true);
    expect(syntheticDataset({ scale: 0.01 })).toEqual(dataset);
    expect(syntheticDataset({ scale: 0.01, seed: 2 }).figures[0]).not.toEqual(dataset.figures[0]);
  });
});
