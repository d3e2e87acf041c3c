/**
 * The sync planner: which sources are fetched and with which ETag, which
 * manifest versions are applied, the merge order and the schedule.
 */
import { describe, expect, test } from 'vitest';
import type { Manifest } from '../../core/manifest';
import {
  BUNDLED,
  decideVersion,
  emptyState,
  nextSyncAt,
  planSync,
  sourceRanks,
  type ConfiguredSource,
  type SourceState,
} from '../../core/syncPlan';

const A = 'https://a.example.org/manifest.json';
const B = 'https://b.example.org/manifest.json';
const on = (url: string, publicKey: string | null = null): ConfiguredSource => ({
  url,
  publicKey,
  enabled: true,
});
const state = (url: string, over: Partial<SourceState>): SourceState => ({
  ...emptyState(url),
  ...over,
});

describe('planSync', () => {
  test.each([
    { name: 'nothing configured', sources: [], states: [], expected: [] },
    {
      name: 'new source: full fetch',
      sources: [on(A)],
      states: [],
      expected: [
        { url: A, publicKey: null, etag: null, installedVersion: null, installedDatasetId: null },
      ],
    },
    {
      name: 'installed source: conditional fetch with its ETag',
      sources: [on(A, 'KEY')],
      states: [state(A, { datasetId: 'd', version: 3, etag: '"x"' })],
      expected: [
        { url: A, publicKey: 'KEY', etag: '"x"', installedVersion: 3, installedDatasetId: 'd' },
      ],
    },
    {
      name: 'stale source: no ETag, same version accepted again',
      sources: [on(A)],
      states: [state(A, { datasetId: 'd', version: 3, etag: '"x"', stale: true })],
      expected: [
        { url: A, publicKey: null, etag: null, installedVersion: null, installedDatasetId: 'd' },
      ],
    },
    {
      name: 'disabled and duplicate sources are skipped; order kept',
      sources: [on(B), { ...on(A), enabled: false }, on(B)],
      states: [],
      expected: [
        { url: B, publicKey: null, etag: null, installedVersion: null, installedDatasetId: null },
      ],
    },
  ])('$name', ({ sources, states, expected }) => {
    expect(planSync(sources, new Map(states.map((s) => [s.url, s])))).toEqual(expected);
  });
});

const manifest = (datasetId: string, version: number): Manifest => ({
  schema: 1,
  datasetId,
  version,
  publishedAt: '2026-01-01T00:00:00.000Z',
  snapshot: { url: 's.gz', format: 'ndjson+gzip', sha256: '0'.repeat(64), bytes: 1 },
});
const fetchOf = (installedVersion: number | null, installedDatasetId: string | null) => ({
  url: A,
  publicKey: null,
  etag: null,
  installedVersion,
  installedDatasetId,
});

describe('decideVersion', () => {
  test.each([
    {
      name: 'first install',
      m: manifest('d', 1),
      f: fetchOf(null, null),
      expected: { action: 'apply' },
    },
    { name: 'newer', m: manifest('d', 4), f: fetchOf(3, 'd'), expected: { action: 'apply' } },
    { name: 'same', m: manifest('d', 3), f: fetchOf(3, 'd'), expected: { action: 'current' } },
    {
      name: 'older is a rollback',
      m: manifest('d', 2),
      f: fetchOf(3, 'd'),
      expected: {
        action: 'refuse',
        failure: { code: 'rollback', detail: 'version 2 is older than the installed version 3' },
      },
    },
    {
      name: 'another dataset id',
      m: manifest('e', 9),
      f: fetchOf(3, 'd'),
      expected: {
        action: 'refuse',
        failure: { code: 'dataset-changed', detail: 'e instead of d' },
      },
    },
    {
      name: 'stale source re-applies its version',
      m: manifest('d', 3),
      f: fetchOf(null, 'd'),
      expected: { action: 'apply' },
    },
  ])('$name', ({ m, f, expected }) => {
    expect(decideVersion(m, f)).toEqual(expected);
  });
});

test('sourceRanks: settings order, first listed wins, bundled last', () => {
  expect([...sourceRanks([on(B), on(A), on(B)])]).toEqual([
    [B, 0],
    [A, 1],
    [BUNDLED, Number.MAX_SAFE_INTEGER],
  ]);
});

test.each([
  { last: null, hours: 24, expected: '2026-03-01T12:00:00.000Z' },
  { last: '2026-03-01T00:00:00.000Z', hours: 24, expected: '2026-03-02T00:00:00.000Z' },
  { last: '2026-03-01T00:00:00.000Z', hours: 6, expected: '2026-03-01T06:00:00.000Z' },
  { last: 'garbage', hours: 6, expected: '2026-03-01T12:00:00.000Z' },
])('nextSyncAt($last, $hours h)', ({ last, hours, expected }) => {
  expect(nextSyncAt(last, hours, new Date('2026-03-01T12:00:00.000Z'))).toBe(expected);
});
