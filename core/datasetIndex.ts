/**
 * An in-memory index over a validated dataset: the lexicon the matcher is
 * built from, the outlets a page may belong to, and the candidate incidents
 * for a page with everything the resolver and the popover need. The
 * background answers the same questions from IndexedDB; the command line and
 * the tests use this.
 */
import { buildLexicon } from './lexicon';
import type { OutletRef } from './pageFacts';
import type { Actor, Dataset, Figure, Incident, Outlet, Place, Report } from './schema';
import type { CandidateQuery, IncidentBundle, LexiconEntry } from './types';

export class DatasetIndex {
  readonly dataset: Dataset;
  private readonly incidentsById: Map<string, Incident>;
  private readonly outletsById: Map<string, Outlet>;
  private readonly actorsById: Map<string, Actor>;
  private readonly placesById: Map<string, Place>;
  private readonly reportsByIncident: Map<string, Report[]>;
  private readonly figuresByIncident: Map<string, Figure[]>;
  private readonly childrenOf: Map<string, string[]>;
  private cachedLexicon: LexiconEntry[] | null = null;

  constructor(dataset: Dataset) {
    this.dataset = dataset;
    this.incidentsById = byId(dataset.incidents);
    this.outletsById = byId(dataset.outlets);
    this.actorsById = byId(dataset.actors);
    this.placesById = byId(dataset.places);
    this.reportsByIncident = groupBy(dataset.reports, (r) => r.incidentId);
    this.figuresByIncident = groupBy(dataset.figures, (f) => f.incidentId);
    this.childrenOf = new Map();
    for (const incident of dataset.incidents) {
      if (incident.parentId === null) continue;
      const children = this.childrenOf.get(incident.parentId) ?? [];
      children.push(incident.id);
      this.childrenOf.set(incident.parentId, children);
    }
  }

  lexicon(): LexiconEntry[] {
    this.cachedLexicon ??= buildLexicon(this.dataset);
    return this.cachedLexicon;
  }

  outletRefs(): OutletRef[] {
    return this.dataset.outlets.map(({ id, name, aliases, domains }) => ({
      id,
      name,
      aliases,
      domains,
    }));
  }

  /**
   * Incidents sharing an actor, a place or a keyword with the page, with
   * their parents and children (an attack and the operation after it are
   * told apart by the resolver, so it needs both), in dataset order.
   */
  candidates(query: CandidateQuery): IncidentBundle[] {
    const actorIds = new Set(query.actorIds);
    const placeIds = new Set(query.placeIds);
    const wanted = new Set<string>();
    for (const incident of this.dataset.incidents) {
      if (
        query.incidentIds.includes(incident.id) ||
        incident.actors.some((a) => actorIds.has(a.actorId)) ||
        incident.placeIds.some((id) => placeIds.has(id))
      ) {
        wanted.add(incident.id);
      }
    }
    // A snapshot: parents and children added below are not expanded again.
    for (const id of Array.from(wanted)) {
      const parentId = this.incidentsById.get(id)?.parentId ?? null;
      if (parentId !== null) wanted.add(parentId);
      for (const child of this.childrenOf.get(id) ?? []) wanted.add(child);
    }
    return this.dataset.incidents.filter((i) => wanted.has(i.id)).map((i) => this.bundle(i));
  }

  /** One incident with its reports, figures, outlets (and wires), places and actors. */
  bundle(incident: Incident): IncidentBundle {
    const reports = this.reportsByIncident.get(incident.id) ?? [];
    const outletIds = new Set(reports.flatMap((r) => [r.outletId, ...r.via]));
    return {
      incident,
      reports,
      figures: this.figuresByIncident.get(incident.id) ?? [],
      outlets: pick(this.outletsById, outletIds),
      places: pick(this.placesById, incident.placeIds),
      actors: pick(
        this.actorsById,
        incident.actors.map((a) => a.actorId),
      ),
    };
  }

  incident(id: string): Incident | undefined {
    return this.incidentsById.get(id);
  }

  actor(id: string): Actor | undefined {
    return this.actorsById.get(id);
  }

  outlet(id: string): Outlet | undefined {
    return this.outletsById.get(id);
  }
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group === undefined) groups.set(key(row), [row]);
    else group.push(row);
  }
  return groups;
}

/** The records with these ids, once each, in the order of the ids. */
function pick<T>(table: Map<string, T>, ids: Iterable<string>): T[] {
  return [...new Set(ids)].flatMap((id) => {
    const row = table.get(id);
    return row === undefined ? [] : [row];
  });
}
