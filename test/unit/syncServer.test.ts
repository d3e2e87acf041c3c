/**
 * Sync against a real HTTP server on 127.0.0.1 and fake-indexeddb: a good
 * dataset is applied; every way a download can be wrong is refused with its
 * plain-words error, and the tables stay exactly as they were (record counts
 * and a checksum of every synced table and of the ownership lists).
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { bundledDataset } from '../../data/index';
import { snapshotLines } from '../../core/snapshot';
import type { ConfiguredSource } from '../../core/syncPlan';
import { TriangulateDatabase, storeName } from '../../db/database';
import { SourceStaging } from '../../db/stagedApply';
import { installBundledDataset } from '../../db/dataset';
import { isDataTable } from '../../db/entities';
import { DATA_TABLES, recoverInterruptedSync, syncAll, type SyncDeps } from '../../db/sync';
import { gzipLines } from '../../scripts/snapshotFile';
import {
  NEW_INCIDENT_ID,
  bundled,
  keyPair,
  manifestFor,
  publish,
  startServer,
  withNewIncident,
  type Published,
  type TestServer,
} from './syncFixtures';

let server: TestServer;
let other: TestServer;
let db: TriangulateDatabase;
let dbCounter = 0;
let v2: Published;
let v3: Published;
let v1: Published;
const key = keyPair();
const otherKey = keyPair();

const manifestUrl = () => `${server.origin}/data/manifest.json`;
const host = () => new URL(server.origin).host;
const source = (publicKey: string | null = null, url = manifestUrl()): ConfiguredSource => ({
  url,
  publicKey,
  enabled: true,
});
const deps = (overrides: Partial<SyncDeps> = {}): SyncDeps => ({
  fetch: globalThis.fetch,
  checkPermission: async () => null,
  fallback: bundled(),
  limits: { timeoutMs: 3_000 },
  ...overrides,
});

/** Record counts and a SHA-256 of every synced table and the ownership lists. */
async function fingerprint(database: TriangulateDatabase) {
  const counts: Record<string, number> = {};
  const hash = createHash('sha256');
  for (const name of [...DATA_TABLES, 'syncOwnership', 'meta', 'userReports', 'userFigures']) {
    const rows = await (isDataTable(name) ? database.live[name] : database.table(name)).toArray();
    counts[name] = rows.length;
    hash.update(JSON.stringify(rows));
  }
  return { counts, sha256: hash.digest('hex') };
}

beforeAll(async () => {
  server = await startServer();
  other = await startServer();
  v1 = await publish(bundled());
  v2 = await publish(withNewIncident(2));
  v3 = await publish(withNewIncident(3));
});

afterAll(async () => {
  await server.close();
  await other.close();
});

beforeEach(async () => {
  dbCounter += 1;
  db = new TriangulateDatabase(`sync-server-${dbCounter}`);
  await installBundledDataset(db, bundledDataset);
  server.routes.clear();
  server.log.length = 0;
  other.routes.clear();
});

afterEach(async () => {
  await db.delete();
});

describe('a good dataset', () => {
  test('v2 is applied: its new incident is there beside every bundled row', async () => {
    server.serve(v2);
    const outcomes = await syncAll(db, [source()], deps());
    const b = bundled();
    expect(outcomes).toEqual([
      {
        url: manifestUrl(),
        result: 'applied',
        version: 2,
        rows: 5 + DATA_TABLES.reduce((n, t) => n + b[t].length, 0),
      },
    ]);
    expect((await db.live.incidents.get(NEW_INCIDENT_ID))?.title).toBe(
      'Ambush on the Sarband checkpoint (fictional)',
    );
    expect(await db.live.incidents.count()).toBe(b.incidents.length + 1);
    expect(await db.live.figures.count()).toBe(b.figures.length + 1);
    const state = await db.syncSources.get(manifestUrl());
    expect(state).toMatchObject({
      datasetId: 'triangulate-seed',
      version: 2,
      lastError: null,
      stale: false,
    });
  });

  test('the next sync sends the ETag, gets 304 and downloads nothing', async () => {
    server.serve(v2);
    await syncAll(db, [source()], deps());
    const outcomes = await syncAll(db, [source()], deps());
    expect(outcomes).toEqual([{ url: manifestUrl(), result: 'current', version: 2 }]);
    const etag = `"v2-${v2.manifest.snapshot.sha256.slice(0, 8)}"`;
    expect(server.log).toEqual([
      'GET /data/manifest.json -',
      'GET /data/snapshot.ndjson.gz -',
      `GET /data/manifest.json ${etag}`,
    ]);
  });

  test('a signed dataset is applied when its key is pinned', async () => {
    server.serve(await publish(withNewIncident(2), key.privateKeyPem));
    const [outcome] = await syncAll(db, [source(key.publicKey)], deps());
    expect(outcome).toMatchObject({ result: 'applied', version: 2 });
  });

  test('a disabled source is not fetched', async () => {
    server.serve(v2);
    expect(await syncAll(db, [{ ...source(), enabled: false }], deps())).toEqual([]);
    expect(server.log).toEqual([]);
  });
});

function titled(title: string, version = 2) {
  const dataset = withNewIncident(version);
  return {
    ...dataset,
    incidents: dataset.incidents.map((row) =>
      row.id === NEW_INCIDENT_ID ? { ...row, title } : row,
    ),
  };
}

describe('the merge rule', () => {
  test('the source listed first wins a clash; removing it gives the row to the next source, then to the bundled copy', async () => {
    server.serve(await publish(titled('from A')), '/a');
    server.serve(await publish(titled('from B')), '/b');
    const a = source(null, `${server.origin}/a/manifest.json`);
    const b = source(null, `${server.origin}/b/manifest.json`);
    await syncAll(db, [a, b], deps());
    expect((await db.live.incidents.get(NEW_INCIDENT_ID))?.title).toBe('from A');
    await syncAll(db, [b, a], deps());
    expect((await db.live.incidents.get(NEW_INCIDENT_ID))?.title).toBe('from A'); // nothing newer: no change
    await syncAll(db, [b], deps());
    expect((await db.live.incidents.get(NEW_INCIDENT_ID))?.title).toBe('from B');
    const bundledIncident = bundled().incidents[0]!;
    await syncAll(db, [], deps());
    expect(await db.live.incidents.get(NEW_INCIDENT_ID)).toBeUndefined();
    expect((await db.live.incidents.get(bundledIncident.id))?.title).toBe(bundledIncident.title);
    expect(await fingerprint(db)).toEqual(await fingerprint(await freshBundled()));
  });
});

async function freshBundled(): Promise<TriangulateDatabase> {
  const fresh = new TriangulateDatabase(`sync-server-fresh-${dbCounter}`);
  await installBundledDataset(fresh, bundledDataset);
  // The install time differs: compare the data, not the meta row's timestamp.
  const installed = await db.meta.get('dataset');
  if (installed) await fresh.meta.put(installed);
  return fresh;
}

function storageFull(): never {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

interface FailureCase {
  name: string;
  setup: () => Promise<void> | void;
  source?: () => ConfiguredSource;
  deps?: () => Partial<SyncDeps>;
  prepare?: (database: TriangulateDatabase) => void;
  error: () => string;
}

const refused = (reason: string) => `The dataset from ${host()} was refused: ${reason}`;
const notFetched = (reason: string) => `The dataset from ${host()} could not be fetched: ${reason}`;

const failures: FailureCase[] = [
  {
    name: 'HTTP error',
    setup: () => void server.routes.set('/data/manifest.json', { status: 500, body: 'oops' }),
    error: () => notFetched('the server answered HTTP 500.'),
  },
  {
    name: 'manifest that is not JSON',
    setup: () => void server.routes.set('/data/manifest.json', { body: '<html>' }),
    error: () => refused('its manifest is not valid (not JSON).'),
  },
  {
    name: 'timeout',
    setup: () => {
      server.serve(v3);
      server.routes.set('/data/snapshot.ndjson.gz', {
        body: v3.snapshot,
        stallAfter: { bytes: 100, ms: 5_000 },
      });
    },
    deps: () => ({ limits: { timeoutMs: 400 } }),
    error: () => notFetched('no complete answer within 0.4 seconds.'),
  },
  {
    name: 'redirect to another host',
    setup: () => {
      other.serve(v3);
      server.routes.set('/data/manifest.json', {
        status: 302,
        headers: { location: `${other.origin}/data/manifest.json` },
      });
    },
    error: () => refused(`it redirects to another host (${new URL(other.origin).host}).`),
  },
  {
    name: 'truncated body',
    setup: () => {
      server.serve(v3);
      server.routes.set('/data/snapshot.ndjson.gz', {
        body: v3.snapshot.subarray(0, v3.snapshot.length - 50),
      });
    },
    error: () =>
      refused(
        `its size does not match the manifest (${v3.snapshot.length - 50} bytes received, ${v3.snapshot.length} announced).`,
      ),
  },
  {
    name: 'truncated gzip announced as such',
    setup: () => {
      const cut = v3.snapshot.subarray(0, v3.snapshot.length - 50);
      server.serve({ manifest: manifestFor(cut, v3.manifest), snapshot: cut });
    },
    error: () =>
      refused(
        'its snapshot cannot be read (the snapshot is not valid gzip-compressed UTF-8 text (truncated or corrupt)).',
      ),
  },
  {
    name: 'body that is not JSON',
    setup: async () => {
      const junk = await gzipLines(['<!doctype html><p>maintenance</p>']);
      server.serve({ manifest: manifestFor(junk, v3.manifest), snapshot: junk });
    },
    error: () => refused('its snapshot cannot be read (line 1: not JSON).'),
  },
  {
    name: 'wrong hash',
    setup: () =>
      server.serve({
        manifest: { ...v3.manifest, snapshot: { ...v3.manifest.snapshot, sha256: '0'.repeat(64) } },
        snapshot: v3.snapshot,
      }),
    error: () => refused('its checksum does not match the manifest.'),
  },
  {
    name: 'missing signature when a key is pinned',
    setup: () => server.serve(v3),
    source: () => source(key.publicKey),
    error: () => refused('it is not signed, and a public key is pinned for this source.'),
  },
  {
    name: 'signature by another key',
    setup: async () => server.serve(await publish(withNewIncident(3), otherKey.privateKeyPem)),
    source: () => source(key.publicKey),
    error: () => refused('its signature does not match the pinned public key.'),
  },
  {
    name: 'schema-invalid record',
    setup: async () => {
      const dataset = withNewIncident(3);
      const last = dataset.figures.at(-1)!;
      dataset.figures[dataset.figures.length - 1] = { ...last, low: 9, high: 6 };
      server.serve(await publish(dataset));
    },
    error: () =>
      refused(
        `it has invalid records (line ${[...snapshotLines(withNewIncident(3))].length}: figures: a figure needs low <= high).`,
      ),
  },
  {
    name: 'body over the cap',
    setup: () => server.serve(v3),
    deps: () => ({ limits: { timeoutMs: 3_000, snapshotBytes: 1_000 } }),
    error: () => refused('it is larger than the 1000-byte limit.'),
  },
  {
    name: 'body longer than announced',
    setup: () => {
      server.serve(v3);
      server.routes.set('/data/snapshot.ndjson.gz', {
        body: Buffer.concat([v3.snapshot, Buffer.alloc(10)]),
      });
    },
    error: () =>
      refused(
        `its size does not match the manifest (more than ${v3.snapshot.length} bytes received, ${v3.snapshot.length} expected).`,
      ),
  },
  {
    name: 'older version (rollback)',
    setup: () => server.serve(v1),
    error: () => refused('version 1 is older than the installed version 2.'),
  },
  {
    name: 'another dataset at the same address',
    setup: async () => {
      const dataset = withNewIncident(3);
      server.serve(
        await publish({ ...dataset, meta: { ...dataset.meta, datasetId: 'someone-else' } }),
      );
    },
    error: () =>
      refused(
        'the source now serves dataset someone-else instead of triangulate-seed; remove the source and add it again to accept it.',
      ),
  },
  {
    name: 'no host permission',
    setup: () => server.serve(v3),
    deps: () => ({ checkPermission: async () => server.origin }),
    error: () => notFetched(`no permission for ${server.origin}. Allow it in Options.`),
  },
  {
    name: 'storage quota exceeded while the new rows are written',
    setup: () => server.serve(v3),
    // Every figure write, in either set of tables, fails the way a full disk fails it.
    prepare: (database) => {
      for (const set of ['a', 'b'] as const) {
        const figures = database.table(storeName('figures', set));
        figures.hook('creating', storageFull);
        figures.hook('updating', storageFull);
      }
    },
    error: () =>
      `The dataset from ${host()} could not be saved: the browser's storage for the extension is full. Nothing was changed.`,
  },
  {
    name: 'storage quota exceeded when the new rows are made live',
    setup: () => server.serve(v3),
    // The rows are all written; the last, small transaction (ownership, state, pointer) fails.
    prepare: (database) => {
      database.syncOwnership.hook('creating', storageFull);
      database.syncOwnership.hook('updating', storageFull);
    },
    error: () =>
      `The dataset from ${host()} could not be saved: the browser's storage for the extension is full. Nothing was changed.`,
  },
];

describe('a bad download leaves everything as it was', () => {
  test.each(failures)('$name', async (failure) => {
    server.serve(v2);
    await syncAll(db, [source()], deps());
    const before = await fingerprint(db);
    expect(before.counts.incidents).toBe(bundled().incidents.length + 1);
    server.routes.clear();
    await failure.setup();
    failure.prepare?.(db);
    const chosen = failure.source?.() ?? source();
    const outcomes = await syncAll(db, [chosen], deps(failure.deps?.()));
    expect(
      outcomes.map((outcome) => (outcome.result === 'failed' ? outcome.error : outcome.result)),
    ).toEqual([failure.error()]);
    expect(await fingerprint(db)).toEqual(before);
    expect(await db.syncSources.get(chosen.url)).toMatchObject({
      version: 2,
      lastError: failure.error(),
    });
  });

  test('a worker stopped mid-sync is reported at the next start, with the data untouched', async () => {
    server.serve(v2);
    await syncAll(db, [source()], deps());
    const before = await fingerprint(db);
    await db.syncState.put({
      key: 'running',
      source: manifestUrl(),
      at: '2026-01-01T00:00:00.000Z',
    });
    const message = await recoverInterruptedSync(db);
    expect(message).toBe(
      `The dataset from ${host()} did not finish: the browser stopped the extension during the sync. Nothing was changed; it will be tried again.`,
    );
    expect(await db.syncState.get('running')).toBeUndefined();
    expect(await fingerprint(db)).toEqual(before);
    expect(await recoverInterruptedSync(db)).toBeNull();
  });

  test('a worker stopped while writing the new rows: readers never see them, and the next sync starts clean', async () => {
    server.serve(v2);
    await syncAll(db, [source()], deps());
    const before = await fingerprint(db);
    // What a stopped worker leaves: half of v3's rows in the staging set and the running marker.
    const staging = await SourceStaging.begin(db, manifestUrl(), new Map([[manifestUrl(), 0]]));
    const v3Dataset = withNewIncident(3);
    const halfWritten = { ...v3Dataset.incidents[0]!, id: 'only-in-the-cut-short-sync' };
    await staging.add({ incidents: [...v3Dataset.incidents, halfWritten] });
    await db.syncState.put({
      key: 'running',
      source: manifestUrl(),
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(await fingerprint(db)).toEqual(before);

    // The browser starts the worker again: a new connection to the same database.
    const restarted = new TriangulateDatabase(db.name);
    expect(await recoverInterruptedSync(restarted)).toMatch(/did not finish/);
    expect(await fingerprint(restarted)).toEqual(before);
    server.serve(v3);
    const outcomes = await syncAll(restarted, [source()], deps());
    expect(outcomes.map((outcome) => outcome.result)).toEqual(['applied']);
    const after = await fingerprint(restarted);
    expect(after.counts).toEqual({
      ...before.counts,
      incidents: bundled().incidents.length + 1,
      reports: v3Dataset.reports.length,
      figures: v3Dataset.figures.length,
    });
    // Nothing is left in the set readers do not use.
    const idle = restarted.liveSet === 'a' ? 'b' : 'a';
    for (const table of DATA_TABLES)
      expect(await restarted.table(storeName(table, idle)).count()).toBe(0);
    restarted.close();
  });

  test('one failing source does not stop the next', async () => {
    server.routes.set('/a/manifest.json', { status: 404 });
    server.serve(v2, '/b');
    const outcomes = await syncAll(
      db,
      [
        source(null, `${server.origin}/a/manifest.json`),
        source(null, `${server.origin}/b/manifest.json`),
      ],
      deps(),
    );
    expect(outcomes.map((outcome) => outcome.result)).toEqual(['failed', 'applied']);
  });
});
