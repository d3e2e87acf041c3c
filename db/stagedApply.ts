/**
 * Writing one source's dataset without holding readers up or the whole
 * dataset in memory: its records go, batch by batch, each batch in its own
 * short transaction, into the set of dataset tables readers do not use (the
 * staging set, db/database.ts); the rows it leaves to others (the bundled
 * dataset, other sources) are copied beside them; then one small
 * transaction stores the ownership lists, the source's state and the pointer
 * that makes the staging set live. Until that transaction commits, readers
 * see only the old set; a failure, a full disk or a stopped worker at any
 * point before it leaves the live set exactly as it was, and the staging set
 * is cleared before the next sync writes into it.
 *
 * The merge rule (docs/sync.md): a row keeps the source it came from; on an
 * id clash the source listed first in settings wins; the bundled dataset is
 * the last resort and comes back when a source drops a row.
 */
import { perTable } from '../core/references';
import type { Dataset } from '../core/schema';
import type { RecordBatch } from '../core/snapshot';
import type { SourceState } from '../core/syncPlan';
import type { Table } from 'dexie';
import { storeName, type DataSetName, type TriangulateDatabase } from './database';
import { toActorRow, toIncidentRow, toPlaceRow } from './dataset';
import { DATA_TABLES, type DataTable } from './entities';
import type { OwnershipRow } from './sync';

type Row = { id: string };

/** Rows read or written per transaction when copying and clearing. */
const PAGE = 5_000;

const LAST_RANK = Number.MAX_SAFE_INTEGER - 1;

export class SourceStaging {
  /** Per table, the ids this source writes (its records minus those a higher-ranked source owns). */
  private readonly kept = perTable(() => new Set<string>());
  private written = 0;
  /** The batch the browser is writing while the next one is read. */
  private inFlight: Promise<void> | null = null;

  private constructor(
    private readonly db: TriangulateDatabase,
    private readonly source: string,
    private readonly set: DataSetName,
    private readonly owners: readonly OwnershipRow[],
    /** Per table, ids owned by sources ranked above this one: their rows stay. */
    private readonly higher: Record<DataTable, Set<string>>,
  ) {}

  /** Empties the staging set (a sync cut short may have left rows in it) and reads the ownership lists. */
  static async begin(
    db: TriangulateDatabase,
    source: string,
    ranks: ReadonlyMap<string, number>,
  ): Promise<SourceStaging> {
    const set = db.stagingSet;
    await clearSet(db, set);
    const owners = await db.syncOwnership.toArray();
    const rank = ranks.get(source) ?? LAST_RANK;
    const higher = perTable(() => new Set<string>());
    for (const row of owners) {
      if (row.source !== source && (ranks.get(row.source) ?? LAST_RANK) < rank) {
        for (const id of row.ids) higher[row.table].add(id);
      }
    }
    return new SourceStaging(db, source, set, owners, higher);
  }

  /** Rows written into the staging set so far. */
  get rowsWritten(): number {
    return this.written;
  }

  /**
   * Writes one batch of this source's validated records, in one transaction.
   * Returns once the previous batch has committed, not this one: the next
   * batch is inflated and validated while the browser writes this one. Its
   * failure surfaces at the next add or at commit.
   */
  async add(batch: RecordBatch): Promise<void> {
    const writes: [Table<Row, string>, Row[]][] = [];
    for (const table of DATA_TABLES) {
      const records = batch[table];
      if (!records || records.length === 0) continue;
      const higher = this.higher[table];
      const rows = derive(
        table,
        higher.size === 0 ? records : records.filter((r) => !higher.has(r.id)),
      );
      for (const row of rows) this.kept[table].add(row.id);
      writes.push([rowTable(this.db, this.set, table), rows]);
    }
    await this.settle();
    if (writes.length === 0) return;
    const rows = writes.reduce((sum, [, list]) => sum + list.length, 0);
    const write = this.db.transaction(
      'rw',
      writes.map(([table]) => table),
      () => Promise.all(writes.map(([table, list]) => table.bulkPut(list))),
    );
    this.inFlight = write.then(() => void (this.written += rows));
    // Marked as handled now; settle() still rethrows it.
    this.inFlight.catch(() => undefined);
  }

  /** Waits for the batch being written, rethrowing its failure. */
  private async settle(): Promise<void> {
    const pending = this.inFlight;
    this.inFlight = null;
    if (pending) await pending;
  }

  /**
   * Completes the staging set (the live rows this source does not replace,
   * bundled rows back where this source dropped one), then makes it live
   * together with the ownership lists and `state`, in one small transaction.
   */
  async commit(fallback: Dataset | null, state: SourceState): Promise<void> {
    await this.settle();
    const ownership: OwnershipRow[] = [];
    const stale = new Set<string>();
    for (const table of DATA_TABLES) {
      const kept = this.kept[table];
      const mine = new Set(
        this.owners.find((row) => row.source === this.source && row.table === table)?.ids ?? [],
      );
      const others = this.owners.filter((row) => row.source !== this.source && row.table === table);
      // Lower-ranked sources lose the ids this one now supplies; they are fetched in full next time.
      for (const other of others) {
        const remaining = other.ids.filter((id) => !kept.has(id));
        if (remaining.length !== other.ids.length) {
          stale.add(other.source);
          ownership.push({ ...other, ids: remaining });
        }
      }
      const claimed = new Set(others.flatMap((row) => row.ids));
      const orphans = [...mine].filter((id) => !kept.has(id) && !claimed.has(id));
      // Rows this source stops supplying may have shadowed another source's: refetch those in full.
      if (orphans.length > 0) for (const other of others) stale.add(other.source);
      await this.copyLiveRows(table, (id) => !kept.has(id) && !mine.has(id));
      if (fallback && orphans.length > 0) {
        const restore = new Set(orphans);
        const back = derive(
          table,
          fallback[table].filter((record) => restore.has(record.id)),
        );
        if (back.length > 0) await rowTable(this.db, this.set, table).bulkPut(back);
      }
      ownership.push({ source: this.source, table, ids: [...kept] });
    }
    const previous = this.db.liveSet;
    await this.db.transaction(
      'rw',
      [this.db.syncOwnership, this.db.syncSources, this.db.syncState],
      async () => {
        await this.db.syncOwnership.bulkPut(ownership);
        await this.db.syncSources.put(state);
        for (const url of stale) {
          const other = await this.db.syncSources.get(url);
          if (other) await this.db.syncSources.put({ ...other, stale: true });
        }
        await this.db.syncState.put({
          key: 'liveSet',
          source: null,
          at: state.lastSyncAt ?? new Date().toISOString(),
          set: this.set,
        });
      },
    );
    this.db.noteLiveSet(this.set);
    // The old set is not read any more: free its space now rather than at the next sync.
    await clearSet(this.db, previous).catch(() => undefined);
  }

  /** Empties the staging set after a failure (best effort: the next sync empties it anyway). */
  async discard(): Promise<void> {
    await this.settle().catch(() => undefined);
    await clearSet(this.db, this.set).catch(() => undefined);
  }

  /** Copies the live rows whose id passes `wanted` into the staging set, a page at a time. */
  private async copyLiveRows(table: DataTable, wanted: (id: string) => boolean): Promise<void> {
    const from = rowTable(this.db, this.db.liveSet, table);
    const to = rowTable(this.db, this.set, table);
    let after: string | null = null;
    for (;;) {
      const page: string[] = await (
        after === null ? from.orderBy(':id') : from.where(':id').above(after)
      )
        .limit(PAGE)
        .primaryKeys();
      if (page.length === 0) return;
      after = page[page.length - 1]!;
      const ids = page.filter(wanted);
      if (ids.length === 0) continue;
      // Read and write apart: a read-write transaction over the live table would hold its readers up.
      const rows = await this.db.transaction('r', from, () => from.bulkGet(ids));
      await this.db.transaction('rw', to, () =>
        to.bulkPut(rows.filter((row) => row !== undefined)),
      );
    }
  }
}

/** A dataset table of one set, seen as rows with an id (what staging needs of every table). */
function rowTable(db: TriangulateDatabase, set: DataSetName, table: DataTable): Table<Row, string> {
  return db.table(storeName(table, set));
}

/** Empties one set of the dataset tables. */
async function clearSet(db: TriangulateDatabase, set: DataSetName): Promise<void> {
  const tables = DATA_TABLES.map((table) => rowTable(db, set, table));
  await db.transaction('rw', tables, () => Promise.all(tables.map((table) => table.clear())));
}

/** The stored row of a record: the records plus the index-only fields (db/entities.ts). */
function derive(table: DataTable, records: readonly Row[]): Row[] {
  if (table === 'actors') return (records as Dataset['actors']).map(toActorRow);
  if (table === 'places') return (records as Dataset['places']).map(toPlaceRow);
  if (table === 'incidents') return (records as Dataset['incidents']).map(toIncidentRow);
  return records as Row[];
}
