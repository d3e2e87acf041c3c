/**
 * What the extension's IndexedDB rows look like. Synced rows are the
 * dataset's own records plus a few derived, index-only fields (flat id lists,
 * normalised alias keys) that let Dexie answer the matcher's and the
 * popover's questions by index; `strip*` gives the plain record back so
 * nothing derived leaks into messages.
 */
import { RECORD_TABLES, type RecordTable } from '../core/references';
import type { Actor, DatasetMeta, Figure, Incident, Place, Report } from '../core/schema';

/** The installed dataset: one row under key 'dataset'. */
export interface InstalledDatasetRow {
  key: 'dataset';
  meta: DatasetMeta;
  /** Where it came from: 'bundled' or the sync source's URL. */
  source: string;
  /** ISO timestamp of the write. */
  installedAt: string;
}

/** The last failure to load or sync a dataset, under key 'lastError'; cleared by a good install. */
export interface LastErrorRow {
  key: 'lastError';
  source: string;
  message: string;
  at: string;
}

export type MetaRow = InstalledDatasetRow | LastErrorRow;

export type ActorRow = Actor & { aliasKeys: string[] };
export type PlaceRow = Place & { aliasKeys: string[] };
export type IncidentRow = Incident & { actorIds: string[]; keywordKeys: string[] };

/** A report the user added themselves (a page they saved); sync never writes these. */
export type UserReportRow = Report & { createdAt: string };
export type UserFigureRow = Figure & { createdAt: string };

/** The tables that hold a dataset's records (sync replaces them per source). */
export const DATA_TABLES = RECORD_TABLES;
export type DataTable = RecordTable;

export function isDataTable(name: string): name is DataTable {
  return (DATA_TABLES as readonly string[]).includes(name);
}
export const SYNCED_TABLES = ['meta', ...DATA_TABLES] as const;
export const USER_TABLES = ['userReports', 'userFigures'] as const;
export type TableName = (typeof SYNCED_TABLES)[number] | (typeof USER_TABLES)[number];

/** What the popup shows about the installed data. */
export interface DatasetStatus {
  meta: DatasetMeta | null;
  source: string | null;
  installedAt: string | null;
  counts: Record<TableName, number>;
  lastError: { source: string; message: string; at: string } | null;
}

export function stripActor(row: ActorRow): Actor {
  return without(row, ['aliasKeys']);
}

export function stripPlace(row: PlaceRow): Place {
  return without(row, ['aliasKeys']);
}

export function stripIncident(row: IncidentRow): Incident {
  return without(row, ['actorIds', 'keywordKeys']);
}

function without<T extends object, K extends keyof T & string>(
  row: T,
  keys: readonly K[],
): Omit<T, K> {
  const dropped: ReadonlySet<string> = new Set(keys);
  return Object.fromEntries(Object.entries(row).filter(([key]) => !dropped.has(key))) as Omit<T, K>;
}
