/**
 * The snapshot format, gzip-compressed NDJSON: the first line is
 * {"table":"meta","record":<meta>}, then one {"table":"<table>","record":{...}}
 * line per record. Lines are read one at a time and each record is validated
 * as it arrives, and handed on in batches (streamSnapshot), so a snapshot of a
 * million figures is never held whole. The checks are parseDataset's: the
 * shape of every record, then every reference between records.
 */
import * as v from 'valibot';
import {
  ActorSchema,
  FigureSchema,
  IncidentSchema,
  LIMITS,
  MetaSchema,
  OutletSchema,
  PlaceSchema,
  ReportSchema,
  type Dataset,
  type DatasetResult,
} from './schema';
import {
  RECORD_TABLES,
  ReferenceChecker,
  perTable,
  type DatasetRecords,
  type RecordTable,
} from './references';

export const SNAPSHOT_TABLES = RECORD_TABLES;
export type SnapshotTable = RecordTable;

const RECORD_SCHEMAS: Record<SnapshotTable, v.GenericSchema> = {
  outlets: OutletSchema,
  actors: ActorSchema,
  places: PlaceSchema,
  incidents: IncidentSchema,
  reports: ReportSchema,
  figures: FigureSchema,
};

/** A line longer than this is not a record (the schema's longest record is far shorter). */
export const MAX_LINE_LENGTH = 1_000_000;

/** The snapshot's lines, meta first, tables in dependency order; join with '\n'. */
export function* snapshotLines(dataset: Dataset): Generator<string> {
  yield JSON.stringify({ table: 'meta', record: dataset.meta });
  for (const table of SNAPSHOT_TABLES) {
    for (const record of dataset[table]) yield JSON.stringify({ table, record });
  }
}

/** Validated records waiting to be handed on, per table (tables absent when empty). */
export type RecordBatch = { [T in RecordTable]?: DatasetRecords[T][] };

/**
 * Validates snapshot lines one by one: the shape of each record as it
 * arrives, the references between them as they accumulate (core/references).
 * Validated records wait in a batch until taken (`takeBatch`), so a caller
 * that writes them away as it goes never holds the whole dataset.
 */
export class SnapshotReader {
  private meta: Dataset['meta'] | null = null;
  private batch: RecordBatch = {};
  private batched = 0;
  private readonly references: ReferenceChecker;
  private readonly errors: string[] = [];
  private count = 0;
  private lineNumber = 0;

  constructor(private readonly maxErrors = 20) {
    this.references = new ReferenceChecker(maxErrors);
  }

  get recordCount(): number {
    return this.count;
  }

  /** Records validated and not yet taken. */
  get batchSize(): number {
    return this.batched;
  }

  get failed(): boolean {
    return this.errors.length > 0 || this.references.errors.length > 0;
  }

  /** The meta record once its line has been read. */
  get datasetMeta(): Dataset['meta'] | null {
    return this.meta;
  }

  line(text: string): void {
    this.lineNumber += 1;
    if (this.errors.length >= this.maxErrors || text.trim() === '') return;
    const where = `line ${this.lineNumber}`;
    if (text.length > MAX_LINE_LENGTH)
      return this.fail(`${where}: longer than ${MAX_LINE_LENGTH} characters`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.fail(`${where}: not JSON`);
    }
    if (typeof json !== 'object' || json === null || !('table' in json) || !('record' in json)) {
      return this.fail(`${where}: not a {"table","record"} line`);
    }
    const { table, record } = json;
    if (this.meta === null) {
      if (table !== 'meta') return this.fail(`${where}: the first line must be the meta record`);
      const meta = v.safeParse(MetaSchema, record);
      if (!meta.success) return this.fail(`${where}: meta: ${describe(meta.issues)}`);
      this.meta = meta.output;
      return;
    }
    if (typeof table !== 'string' || !(SNAPSHOT_TABLES as readonly string[]).includes(table)) {
      return this.fail(`${where}: unknown table ${JSON.stringify(table).slice(0, 40)}`);
    }
    const name = table as SnapshotTable;
    if (++this.count > LIMITS.records)
      return this.fail(`${where}: more than ${LIMITS.records} records`);
    const parsed = v.safeParse(RECORD_SCHEMAS[name], record, { abortPipeEarly: true });
    if (!parsed.success) return this.fail(`${where}: ${name}: ${describe(parsed.issues)}`);
    const valid = parsed.output as DatasetRecords[typeof name];
    this.references.add(name, valid);
    ((this.batch[name] ??= []) as unknown[]).push(valid);
    this.batched += 1;
  }

  /** Hands over the records validated since the last call. */
  takeBatch(): RecordBatch {
    const batch = this.batch;
    this.batch = {};
    this.batched = 0;
    return batch;
  }

  /** Once every line is read: the meta record, or every error found (capped), references included. */
  finish(): { ok: true; meta: Dataset['meta'] } | { ok: false; errors: string[] } {
    if (this.errors.length > 0) return { ok: false, errors: [...this.errors] };
    if (this.meta === null) return { ok: false, errors: ['the snapshot is empty'] };
    const references = this.references.finish().slice(0, this.maxErrors);
    return references.length > 0
      ? { ok: false, errors: references }
      : { ok: true, meta: this.meta };
  }

  private fail(message: string): void {
    this.errors.push(message);
  }
}

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = (issue?.path ?? []).map((item) => String(item.key)).join('.');
  return `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid'}`;
}

export interface ReadOptions {
  /** Stop when the decompressed text grows past this (a gzip bomb is refused, not inflated). */
  maxDecompressedBytes: number;
  /** Records validated so far, and compressed bytes read so far. */
  onProgress?: (records: number, compressedBytes: number) => void;
}

export interface StreamOptions extends ReadOptions {
  /**
   * Receives validated records, in snapshot order, about `batchSize` at a
   * time; awaited before more text is inflated. It may throw to stop the read.
   * Records handed over before an error turns up are not valid as a whole:
   * the caller keeps them apart until the result says ok.
   */
  onRecords: (batch: RecordBatch, meta: Dataset['meta']) => Promise<void>;
  batchSize?: number;
}

export type StreamResult =
  { ok: true; meta: Dataset['meta']; records: number } | { ok: false; errors: string[] };

/** Compressed bytes handed to the inflater at a time. */
const INPUT_SLICE_BYTES = 65_536;

/** Lines validated between two turns of the event loop (about 10-20 ms of work). */
const YIELD_EVERY_LINES = 400;

const NOT_GZIP = 'the snapshot is not valid gzip-compressed UTF-8 text (truncated or corrupt)';

/**
 * Decompresses and validates a gzip NDJSON snapshot, streaming: the text is
 * split into lines as it is inflated, each line is validated at once, and
 * the validated records are handed to `onRecords` in batches. Memory holds
 * the compressed bytes, one batch and the ids (for references), not the
 * dataset.
 */
export async function streamSnapshot(
  bytes: Uint8Array,
  options: StreamOptions,
): Promise<StreamResult> {
  const reader = new SnapshotReader();
  const batchSize = options.batchSize ?? 500;
  const counted = { bytes: 0 };
  // Fed in small slices only when the inflater asks (highWaterMark 0), so `counted` says how
  // far the reading has got: a Blob stream would be read ahead to the end at once.
  const compressed = new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      pull(controller) {
        if (counted.bytes >= bytes.byteLength) return controller.close();
        const end = Math.min(bytes.byteLength, counted.bytes + INPUT_SLICE_BYTES);
        controller.enqueue(bytes.slice(counted.bytes, end) as Uint8Array<ArrayBuffer>);
        counted.bytes = end;
      },
    },
    { highWaterMark: 0 },
  );
  const text = compressed
    .pipeThrough(new DecompressionStream('gzip'))
    .pipeThrough(new TextDecoderStream('utf-8', { fatal: true }))
    .getReader();
  const handOver = async () => {
    const meta = reader.datasetMeta;
    if (reader.batchSize > 0 && meta !== null) await options.onRecords(reader.takeBatch(), meta);
  };
  try {
    return await readLines(text, reader, options, handOver, batchSize, counted);
  } catch (error) {
    // onRecords threw (a write failed, the caller refused the meta): stop inflating.
    await text.cancel().catch(() => undefined);
    throw error;
  }
}

async function readLines(
  text: ReadableStreamDefaultReader<string>,
  reader: SnapshotReader,
  options: StreamOptions,
  handOver: () => Promise<void>,
  batchSize: number,
  counted: { bytes: number },
): Promise<StreamResult> {
  let pending = '';
  let inflated = 0;
  let lastReport = 0;
  let sinceYield = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<string>;
    try {
      chunk = await text.read();
    } catch {
      return { ok: false, errors: [NOT_GZIP] };
    }
    if (chunk.done) break;
    inflated += chunk.value.length;
    if (inflated > options.maxDecompressedBytes) {
      await text.cancel();
      return {
        ok: false,
        errors: [`decompresses to more than ${options.maxDecompressedBytes} bytes`],
      };
    }
    pending += chunk.value;
    let newline = pending.indexOf('\n');
    let start = 0;
    while (newline !== -1) {
      reader.line(pending.slice(start, newline));
      start = newline + 1;
      newline = pending.indexOf('\n', start);
      // One inflated chunk can hold many thousands of lines: hand over mid-chunk, and let
      // other tasks (the popup's messages) run every few hundred lines, not after the chunk.
      if (reader.batchSize >= batchSize && !reader.failed) await handOver();
      else if (++sinceYield >= YIELD_EVERY_LINES) {
        sinceYield = 0;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    pending = pending.slice(start);
    if (pending.length > MAX_LINE_LENGTH) reader.line(pending);
    if (reader.failed) {
      await text.cancel();
      return failure(reader);
    }
    if (options.onProgress && reader.recordCount - lastReport >= 10_000) {
      lastReport = reader.recordCount;
      options.onProgress(lastReport, counted.bytes);
    }
  }
  reader.line(pending);
  if (reader.failed) return failure(reader);
  await handOver();
  const result = reader.finish();
  return result.ok ? { ok: true, meta: result.meta, records: reader.recordCount } : result;
}

function failure(reader: SnapshotReader): { ok: false; errors: string[] } {
  const result = reader.finish();
  return result.ok ? { ok: false, errors: ['unknown'] } : result;
}

/** Reads a whole snapshot into memory (the CLI's verify, tests): streamSnapshot collecting every record. */
export async function readSnapshot(
  bytes: Uint8Array,
  options: ReadOptions,
): Promise<DatasetResult> {
  const records = perTable((): unknown[] => []);
  const result = await streamSnapshot(bytes, {
    ...options,
    onRecords: async (batch) => {
      for (const table of RECORD_TABLES) {
        const rows = batch[table];
        if (rows) for (const row of rows) records[table].push(row);
      }
    },
  });
  return result.ok
    ? { ok: true, dataset: { meta: result.meta, ...(records as Omit<Dataset, 'meta'>) } }
    : result;
}
