/**
 * The extension's IndexedDB database, owned by the background alone. One
 * class declares the tables and every schema version; a new version is added
 * below the old ones (never edited in place), with an upgrade() when existing
 * rows must change. The instance is passed in wherever it is used, so tests
 * open their own.
 *
 * The dataset's tables exist twice (set 'a' under the version-1 names, set
 * 'b' with a 'B' suffix). Readers use `db.live`; sync writes a new dataset
 * into the other set in many short transactions and then makes it live in
 * one small one (db/stagedApply.ts), so readers are never held up by a long
 * write and never see half of one.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Figure, Outlet, Report } from '../core/schema';
import type {
  ActorRow,
  IncidentRow,
  MetaRow,
  PlaceRow,
  UserFigureRow,
  UserReportRow,
} from './entities';
import type { SourceState } from '../core/syncPlan';
import type { OwnershipRow, SyncMarkerRow } from './sync';

export const DATABASE_NAME = 'triangulate';

export type DataSetName = 'a' | 'b';

/** One set of the dataset's tables. */
export interface DataTables {
  outlets: EntityTable<Outlet, 'id'>;
  actors: EntityTable<ActorRow, 'id'>;
  places: EntityTable<PlaceRow, 'id'>;
  incidents: EntityTable<IncidentRow, 'id'>;
  reports: EntityTable<Report, 'id'>;
  figures: EntityTable<Figure, 'id'>;
}

/** The dataset tables' keys and indexes, the same in both sets. */
const DATA_STORES: Record<keyof DataTables, string> = {
  outlets: 'id, *domains',
  actors: 'id, *aliasKeys',
  places: 'id, *aliasKeys',
  incidents: 'id, *actorIds, *placeIds, *keywordKeys, startDate, parentId',
  reports: 'id, incidentId, outletId',
  figures: 'id, incidentId, reportId',
};

/** The store name of a dataset table in a set: set 'a' keeps the version-1 names. */
export function storeName(table: keyof DataTables, set: DataSetName): string {
  return set === 'a' ? table : `${table}B`;
}

export class TriangulateDatabase extends Dexie {
  /** Keyed rows of different shapes (installed dataset, last error): a plain Table keeps the union. */
  meta!: Table<MetaRow, MetaRow['key']>;
  outlets!: EntityTable<Outlet, 'id'>;
  actors!: EntityTable<ActorRow, 'id'>;
  places!: EntityTable<PlaceRow, 'id'>;
  incidents!: EntityTable<IncidentRow, 'id'>;
  reports!: EntityTable<Report, 'id'>;
  figures!: EntityTable<Figure, 'id'>;
  userReports!: EntityTable<UserReportRow, 'id'>;
  userFigures!: EntityTable<UserFigureRow, 'id'>;
  syncSources!: EntityTable<SourceState, 'url'>;
  syncOwnership!: Table<OwnershipRow, [string, string]>;
  syncState!: EntityTable<SyncMarkerRow, 'key'>;
  /** Which set readers use; read from syncState 'liveSet' whenever the database opens. */
  private liveSetName: DataSetName = 'a';

  constructor(name: string = DATABASE_NAME) {
    super(name);
    // Version 1. Indexed: what candidate lookup walks (actors, places,
    // keywords, parent/child), what the popover groups by (incident, report,
    // outlet), and normalised alias keys for lookup by name.
    this.version(1).stores({
      meta: 'key',
      outlets: 'id, *domains',
      actors: 'id, *aliasKeys',
      places: 'id, *aliasKeys',
      incidents: 'id, *actorIds, *placeIds, *keywordKeys, startDate, parentId',
      reports: 'id, incidentId, outletId',
      figures: 'id, incidentId, reportId',
      userReports: 'id, incidentId, outletId, url',
      userFigures: 'id, incidentId, reportId',
    });
    // Version 2: sync from several sources (db/sync.ts). Which source each
    // synced row came from is kept beside the rows, as one id list per source
    // and table, so one source is replaced without touching another's rows and
    // the rows themselves stay the dataset's records. A row no list claims is
    // the bundled dataset's, so existing rows need no upgrade to be 'bundled'.
    this.version(2).stores({
      syncSources: 'url',
      syncOwnership: '[source+table], source',
      syncState: 'key',
    });
    // Version 3: a second set of the dataset tables, so sync can write a new
    // dataset beside the live one. Set 'a' is the version-1 tables: nothing moves.
    this.version(3).stores(
      Object.fromEntries(
        Object.entries(DATA_STORES).map(([table, indexes]) => [
          storeName(table as keyof DataTables, 'b'),
          indexes,
        ]),
      ),
    );
    this.on(
      'ready',
      async (vip) => {
        const pointer = await vip.table<SyncMarkerRow, string>('syncState').get('liveSet');
        this.liveSetName = pointer?.set === 'b' ? 'b' : 'a';
      },
      true,
    );
  }

  /** The tables readers use. */
  get live(): DataTables {
    return this.dataTables(this.liveSetName);
  }

  get liveSet(): DataSetName {
    return this.liveSetName;
  }

  /** The set a sync writes into before making it live. */
  get stagingSet(): DataSetName {
    return this.liveSetName === 'a' ? 'b' : 'a';
  }

  dataTables(set: DataSetName): DataTables {
    const table = (name: keyof DataTables) => this.table(storeName(name, set));
    return {
      outlets: table('outlets') as DataTables['outlets'],
      actors: table('actors') as DataTables['actors'],
      places: table('places') as DataTables['places'],
      incidents: table('incidents') as DataTables['incidents'],
      reports: table('reports') as DataTables['reports'],
      figures: table('figures') as DataTables['figures'],
    };
  }

  /** Call once the transaction that stored the new pointer has committed. */
  noteLiveSet(set: DataSetName): void {
    this.liveSetName = set;
  }
}

export function openDatabase(name: string = DATABASE_NAME): TriangulateDatabase {
  return new TriangulateDatabase(name);
}
