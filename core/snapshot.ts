/**
 * The snapshot format, gzip-compressed NDJSON: the first line is
 * {"table":"meta","record":<meta>}, then one {"table":"<table>","record":{...}}
 * line per record. Lines are read one at a time and each record is validated
 * as it arrives, so a snapshot of a million figures is never held as text, as
 * parsed JSON and as rows at once: only the validated records accumulate.
 * The result is the same as parseDataset's (shape of every record, then every
 * reference between records).
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
  checkReferences,
  type Dataset,
  type DatasetResult,
} from './schema';

export const SNAPSHOT_TABLES = [
  'outlets',
  'actors',
  'places',
  'incidents',
  'reports',
  'figures',
] as const;
export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];

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

/** Validates snapshot lines one by one and collects the records. */
export class SnapshotReader {
  private meta: Dataset['meta'] | null = null;
  private readonly records = {
    outlets: [],
    actors: [],
    places: [],
    incidents: [],
    reports: [],
    figures: [],
  } as unknown as Omit<Dataset, 'meta'>;
  private readonly errors: string[] = [];
  private count = 0;
  private lineNumber = 0;

  constructor(private readonly maxErrors = 20) {}

  get recordCount(): number {
    return this.count;
  }

  get failed(): boolean {
    return this.errors.length > 0;
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
    (this.records[name] as unknown[]).push(parsed.output);
  }

  /** The validated dataset, or every error found (capped); references are checked here. */
  finish(): DatasetResult {
    if (this.errors.length > 0) return { ok: false, errors: [...this.errors] };
    if (this.meta === null) return { ok: false, errors: ['the snapshot is empty'] };
    const dataset: Dataset = { meta: this.meta, ...this.records };
    const references = checkReferences(dataset).slice(0, this.maxErrors);
    return references.length > 0 ? { ok: false, errors: references } : { ok: true, dataset };
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
  onProgress?: (records: number) => void;
}

/**
 * Decompresses and validates a gzip NDJSON snapshot, streaming: the text is
 * split into lines as it is inflated and each line is validated at once.
 */
export async function readSnapshot(
  bytes: Uint8Array,
  options: ReadOptions,
): Promise<DatasetResult> {
  const reader = new SnapshotReader();
  const text = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .pipeThrough(new TextDecoderStream('utf-8', { fatal: true }))
    .getReader();
  let pending = '';
  let inflated = 0;
  let lastReport = 0;
  try {
    for (;;) {
      const { done, value } = await text.read();
      if (done) break;
      inflated += value.length;
      if (inflated > options.maxDecompressedBytes) {
        await text.cancel();
        return {
          ok: false,
          errors: [`decompresses to more than ${options.maxDecompressedBytes} bytes`],
        };
      }
      pending += value;
      let newline = pending.indexOf('\n');
      let start = 0;
      while (newline !== -1) {
        reader.line(pending.slice(start, newline));
        start = newline + 1;
        newline = pending.indexOf('\n', start);
      }
      pending = pending.slice(start);
      if (pending.length > MAX_LINE_LENGTH) reader.line(pending);
      if (reader.failed) {
        await text.cancel();
        return reader.finish();
      }
      if (options.onProgress && reader.recordCount - lastReport >= 10_000) {
        lastReport = reader.recordCount;
        options.onProgress(lastReport);
      }
    }
  } catch {
    return {
      ok: false,
      errors: ['the snapshot is not valid gzip-compressed UTF-8 text (truncated or corrupt)'],
    };
  }
  reader.line(pending);
  return reader.finish();
}
