/**
 * The extension's IndexedDB database, owned by the background alone. One
 * class declares the tables and every schema version; a new version is added
 * below the old ones (never edited in place), with an upgrade() when existing
 * rows must change. The instance is passed in wherever it is used, so tests
 * open their own.
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
  }
}

export function openDatabase(name: string = DATABASE_NAME): TriangulateDatabase {
  return new TriangulateDatabase(name);
}
