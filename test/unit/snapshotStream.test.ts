/**
 * Reading a snapshot as a stream (core/snapshot.ts streamSnapshot) and
 * checking references one record at a time (core/references.ts): the records
 * arrive in order, in batches no larger than asked; a snapshot in another
 * order than the builder's is still checked in full; a consumer that throws
 * stops the read with its own error.
 */
import { describe, expect, test } from 'vitest';
import { MAX_FORWARD_REFERENCES, RECORD_TABLES, ReferenceChecker } from '../../core/references';
import { checkReferences, type Dataset } from '../../core/schema';
import { snapshotLines, streamSnapshot, type RecordBatch } from '../../core/snapshot';
import { syntheticDataset } from '../../core/synthetic';
import { gzipLines } from '../../scripts/snapshotFile';
import { bundled } from './syncFixtures';

const CAP = 100_000_000;

async function collect(dataset: Dataset, batchSize: number) {
  const batches: RecordBatch[] = [];
  const result = await streamSnapshot(await gzipLines(snapshotLines(dataset)), {
    maxDecompressedBytes: CAP,
    batchSize,
    onRecords: async (batch) => void batches.push(batch),
  });
  return { result, batches };
}

const sizeOf = (batch: RecordBatch) =>
  RECORD_TABLES.reduce((sum, table) => sum + (batch[table]?.length ?? 0), 0);

describe('streamSnapshot', () => {
  test('hands every record over once, in snapshot order, in batches of at most batchSize', async () => {
    const dataset = syntheticDataset({ scale: 0.002 });
    const total = RECORD_TABLES.reduce((sum, table) => sum + dataset[table].length, 0);
    const { result, batches } = await collect(dataset, 250);
    expect(result).toEqual({ ok: true, meta: dataset.meta, records: total });
    expect(batches.map(sizeOf).every((size) => size <= 250)).toBe(true);
    expect(batches.length).toBe(Math.ceil(total / 250));
    for (const table of RECORD_TABLES) {
      const received = batches.flatMap((batch): unknown[] => batch[table] ?? []);
      expect(received).toEqual(dataset[table]);
    }
  });

  test('progress is said every 10,000 records, with the compressed bytes read so far', async () => {
    const dataset = syntheticDataset({ scale: 0.02 });
    const snapshot = await gzipLines(snapshotLines(dataset));
    const reports: [number, number][] = [];
    await streamSnapshot(snapshot, {
      maxDecompressedBytes: CAP,
      onRecords: async () => undefined,
      onProgress: (records, bytes) => void reports.push([records, bytes]),
    });
    // Checked once per inflated chunk, so a little past each 10,000. (How far the bytes run
    // ahead of the records depends on the engine's inflater: Chromium's keeps pace, Node's
    // reads ahead; the browser bench's SYNC_BENCH_TRACE shows it.)
    expect(reports.map(([records]) => Math.floor(records / 10_000))).toEqual([1, 2]);
    const bytes = reports.map(([, read]) => read);
    expect(bytes).toEqual(bytes.toSorted((a, b) => a - b));
    expect(bytes.every((read) => read > 0 && read <= snapshot.byteLength)).toBe(true);
  });

  test('a consumer that throws stops the read with its error', async () => {
    const dataset = syntheticDataset({ scale: 0.002 });
    let calls = 0;
    const read = streamSnapshot(await gzipLines(snapshotLines(dataset)), {
      maxDecompressedBytes: CAP,
      batchSize: 100,
      onRecords: async () => {
        calls += 1;
        if (calls === 3) throw new Error('the disk is full');
      },
    });
    await expect(read).rejects.toThrow('the disk is full');
    expect(calls).toBe(3);
  });
});

describe('references checked one record at a time', () => {
  test('a parent listed after its child and reports before their incidents are fine', () => {
    const dataset = bundled();
    const checker = new ReferenceChecker();
    // Reverse order: every reference points at a record that comes later.
    for (const table of RECORD_TABLES.toReversed()) {
      for (const record of dataset[table].toReversed()) checker.add(table, record as never);
    }
    expect(checker.finish()).toEqual([]);
  });

  test('the same errors as the whole-dataset check, whatever the order', () => {
    const dataset = bundled();
    const broken: Dataset = {
      ...dataset,
      reports: [{ ...dataset.reports[0]!, outletId: 'nobody' }, ...dataset.reports.slice(1)],
      figures: [...dataset.figures, { ...dataset.figures[0]! }],
    };
    const checker = new ReferenceChecker();
    for (const table of RECORD_TABLES.toReversed()) {
      for (const record of broken[table]) checker.add(table, record as never);
    }
    expect(checker.finish().toSorted()).toEqual(checkReferences(broken).toSorted());
    expect(checkReferences(broken)).toEqual([
      `figures: duplicate id ${dataset.figures[0]!.id}`,
      `reports.${dataset.reports[0]!.id}.outletId: unknown id nobody`,
    ]);
  });

  test('too many references to records not seen yet are refused, not held', () => {
    const checker = new ReferenceChecker();
    const figure = bundled().figures[0]!;
    for (let i = 0; i <= MAX_FORWARD_REFERENCES / 2; i++) {
      checker.add('figures', { ...figure, id: `f${i}`, reportId: `r${i}`, incidentId: 'later' });
    }
    expect(checker.errors).toEqual([
      `more than ${MAX_FORWARD_REFERENCES} references to records listed later (list records after those they point at)`,
    ]);
  });
});
