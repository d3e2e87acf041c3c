/**
 * Reading what the content script and the popup need: the lexicon the alias
 * matcher is built from, the incidents a page may be about (with everything
 * the resolver and the popover show), and the installed dataset's status.
 * Each read runs in one read-only transaction, so it never sees half a sync.
 */
import { buildLexicon } from '../core/lexicon';
import type { Outlet } from '../core/schema';
import type { CandidateQuery, IncidentBundle, LexiconEntry } from '../core/types';
import type { OutletRef } from '../core/pageFacts';
import { storeName, type TriangulateDatabase } from './database';
import {
  SYNCED_TABLES,
  isDataTable,
  USER_TABLES,
  stripActor,
  stripIncident,
  stripPlace,
  type DatasetStatus,
  type IncidentRow,
  type TableName,
} from './entities';

/** Upper bound on incidents loaded for one page: a page naming everyone gets a capped answer. */
export const MAX_CANDIDATES = 200;

export interface LoadedLexicon {
  /** The installed dataset's version, or null when none is installed. */
  datasetVersion: number | null;
  entries: LexiconEntry[];
  outlets: OutletRef[];
}

export async function loadLexicon(db: TriangulateDatabase): Promise<LoadedLexicon> {
  return db.transaction(
    'r',
    [db.meta, db.live.actors, db.live.places, db.live.incidents, db.live.outlets],
    async () => {
      const [installed, actors, places, incidents, outlets] = await Promise.all([
        db.meta.get('dataset'),
        db.live.actors.toArray(),
        db.live.places.toArray(),
        db.live.incidents.toArray(),
        db.live.outlets.toArray(),
      ]);
      return {
        datasetVersion: installed?.key === 'dataset' ? installed.meta.version : null,
        entries: buildLexicon({
          actors: actors.map(stripActor),
          places: places.map(stripPlace),
          incidents: incidents.map(stripIncident),
        }),
        outlets: outlets.map(toOutletRef),
      };
    },
  );
}

/**
 * The incidents sharing an actor, a place or a keyword (incident id) with the
 * page, plus their parents and children, each bundled with its reports,
 * figures, outlets (the reports' and the wires they carry), places and actors.
 * Sorted by start date, then id.
 */
export async function loadCandidates(
  db: TriangulateDatabase,
  query: CandidateQuery,
): Promise<IncidentBundle[]> {
  const tables = [
    db.live.incidents,
    db.live.reports,
    db.live.figures,
    db.live.outlets,
    db.live.places,
    db.live.actors,
  ];
  return db.transaction('r', tables, async () => {
    const direct = await Promise.all([
      db.live.incidents.bulkGet(query.incidentIds),
      anyOf(db, 'actorIds', query.actorIds),
      anyOf(db, 'placeIds', query.placeIds),
    ]);
    const found = new Map<string, IncidentRow>();
    const add = (rows: readonly (IncidentRow | undefined)[]) => {
      for (const row of rows) if (row && found.size < MAX_CANDIDATES) found.set(row.id, row);
    };
    direct.forEach(add);

    // One step of family: the operation that followed an attack, or the attack an operation followed.
    const ids = [...found.keys()];
    const parentIds = [...found.values()].flatMap((row) => (row.parentId ? [row.parentId] : []));
    const [parents, children] = await Promise.all([
      db.live.incidents.bulkGet(parentIds),
      ids.length > 0 ? db.live.incidents.where('parentId').anyOf(ids).toArray() : [],
    ]);
    add(parents);
    add(children);

    const incidents = [...found.values()].toSorted(
      (a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id),
    );
    const incidentIds = incidents.map((row) => row.id);
    const [reports, figures] = await Promise.all([
      db.live.reports.where('incidentId').anyOf(incidentIds).toArray(),
      db.live.figures.where('incidentId').anyOf(incidentIds).toArray(),
    ]);
    const outletIds = unique(reports.flatMap((report) => [report.outletId, ...report.via]));
    const placeIds = unique(incidents.flatMap((row) => row.placeIds));
    const actorIds = unique(incidents.flatMap((row) => row.actorIds));
    const [outlets, places, actors] = await Promise.all([
      db.live.outlets.bulkGet(outletIds),
      db.live.places.bulkGet(placeIds),
      db.live.actors.bulkGet(actorIds),
    ]);
    const outletById = byId(outlets);
    const placeById = byId(places);
    const actorById = byId(actors);

    return incidents.map((row): IncidentBundle => {
      const ownReports = reports.filter((report) => report.incidentId === row.id);
      const ownOutletIds = unique(ownReports.flatMap((report) => [report.outletId, ...report.via]));
      return {
        incident: stripIncident(row),
        reports: ownReports,
        figures: figures.filter((figure) => figure.incidentId === row.id),
        outlets: pick(outletById, ownOutletIds),
        places: pick(placeById, row.placeIds).map(stripPlace),
        actors: pick(actorById, row.actorIds).map(stripActor),
      };
    });
  });
}

export async function datasetStatus(db: TriangulateDatabase): Promise<DatasetStatus> {
  const names: TableName[] = [...SYNCED_TABLES, ...USER_TABLES];
  const set = db.liveSet;
  const stores = names.map((name) => (isDataTable(name) ? storeName(name, set) : name));
  return db.transaction('r', stores, async () => {
    const [installed, lastError, ...counts] = await Promise.all([
      db.meta.get('dataset'),
      db.meta.get('lastError'),
      ...stores.map((store) => db.table(store).count()),
    ]);
    const dataset = installed?.key === 'dataset' ? installed : null;
    const error = lastError?.key === 'lastError' ? lastError : null;
    return {
      meta: dataset?.meta ?? null,
      source: dataset?.source ?? null,
      installedAt: dataset?.installedAt ?? null,
      counts: Object.fromEntries(names.map((name, i) => [name, counts[i] ?? 0])) as Record<
        TableName,
        number
      >,
      lastError: error ? { source: error.source, message: error.message, at: error.at } : null,
    };
  });
}

function anyOf(
  db: TriangulateDatabase,
  index: 'actorIds' | 'placeIds',
  ids: readonly string[],
): Promise<IncidentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.live.incidents.where(index).anyOf(ids).distinct().toArray();
}

function toOutletRef(outlet: Outlet): OutletRef {
  return { id: outlet.id, name: outlet.name, aliases: outlet.aliases, domains: outlet.domains };
}

const unique = (items: readonly string[]): string[] => [...new Set(items)];

function byId<T extends { id: string }>(rows: readonly (T | undefined)[]): Map<string, T> {
  return new Map(rows.flatMap((row) => (row ? [[row.id, row] as const] : [])));
}

function pick<T>(map: ReadonlyMap<string, T>, ids: readonly string[]): T[] {
  return ids.flatMap((id) => {
    const row = map.get(id);
    return row ? [row] : [];
  });
}
