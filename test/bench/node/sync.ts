/**
 * Sync at scale, in Node with fake-indexeddb: reading a synthetic snapshot
 * (gzip NDJSON, validated record by record) and applying it with
 * applySource, against a plain Dexie bulkPut of the same rows in one
 * transaction (target: apply within 1.5x of it). Scale from SYNC_BENCH_SCALE
 * (1 = 100,000 incidents, 300,000 reports, 1,000,000 figures; default 0.1).
 * Register it in test/bench/run.ts: import { syncSuite } from './node/sync'.
 */
import 'fake-indexeddb/auto';
import { readSnapshot, snapshotLines } from '../../../core/snapshot';
import { syntheticDataset } from '../../../core/synthetic';
import { emptyState } from '../../../core/syncPlan';
import { TriangulateDatabase } from '../../../db/database';
import { toActorRow, toIncidentRow, toPlaceRow } from '../../../db/dataset';
import { DATA_TABLES, applySource } from '../../../db/sync';
import { gzipLines } from '../../../scripts/snapshotFile';
import { ratiosOf, type Suite } from '../harness';

const SOURCE = 'https://bench.example.org/manifest.json';

export const syncSuite: Suite = {
  name: 'sync',
  async run(report) {
    const scale = Number(process.env.SYNC_BENCH_SCALE ?? '0.1');
    const dataset = syntheticDataset({ scale });
    const rows = DATA_TABLES.reduce((sum, table) => sum + dataset[table].length, 0);
    const snapshot = await gzipLines(snapshotLines(dataset));

    let started = performance.now();
    const read = await readSnapshot(snapshot, { maxDecompressedBytes: 4_000_000_000 });
    const readMs = performance.now() - started;
    if (!read.ok) throw new Error(read.errors.join('; '));

    const ours = new TriangulateDatabase(`bench-sync-ours-${Date.now()}`);
    started = performance.now();
    await applySource(ours, {
      source: SOURCE,
      dataset: read.dataset,
      ranks: new Map([[SOURCE, 0]]),
      fallback: null,
      state: { ...emptyState(SOURCE), version: 1, datasetId: dataset.meta.datasetId },
    });
    const applyMs = performance.now() - started;
    await ours.delete();

    const plain = new TriangulateDatabase(`bench-sync-plain-${Date.now()}`);
    const derived = {
      outlets: dataset.outlets,
      actors: dataset.actors.map(toActorRow),
      places: dataset.places.map(toPlaceRow),
      incidents: dataset.incidents.map(toIncidentRow),
      reports: dataset.reports,
      figures: dataset.figures,
    };
    started = performance.now();
    await plain.transaction(
      'rw',
      DATA_TABLES.map((t) => plain.table(t)),
      async () => {
        for (const table of DATA_TABLES) await plain.table(table).bulkPut(derived[table]);
      },
    );
    const bulkPutMs = performance.now() - started;
    await plain.delete();

    const ratio = applyMs / bulkPutMs;
    report({
      name: `apply a synthetic snapshot (${rows} records, scale ${scale})`,
      unit: 'ms',
      ours: applyMs,
      alternatives: { 'plain Dexie bulkPut': bulkPutMs },
      ratios: ratiosOf(applyMs, { 'plain Dexie bulkPut': bulkPutMs }),
      checks: [{ target: 'apply within 1.5x of a plain bulkPut', pass: ratio <= 1.5 }],
      notes: [
        `snapshot ${snapshot.byteLength} bytes gzip; read + validate ${readMs.toFixed(0)} ms (${Math.round(rows / (readMs / 1000))} records/s)`,
        'fake-indexeddb in Node: absolute times are far slower than Chromium IndexedDB; the ratio is the point',
      ],
    });
  },
};

// `npx tsx test/bench/node/sync.ts` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatText } = await import('../harness');
  await syncSuite.run((m) => console.log(formatText(m)), { rebuild: false });
}
