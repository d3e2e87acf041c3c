/**
 * Checking the references between a dataset's records one record at a time,
 * so a snapshot streamed into the database is checked without being held
 * whole: ids must be unique per table, and every id a record points at must
 * exist somewhere in the dataset. A reference to a record not seen yet (a
 * parent incident listed after its child, a snapshot in another order) is
 * kept and settled at the end; in the builder's order (outlets, actors,
 * places, incidents, reports, figures) almost nothing waits.
 */
import type { Actor, Figure, Incident, Outlet, Place, Report } from './schema';

export interface DatasetRecords {
  outlets: Outlet;
  actors: Actor;
  places: Place;
  incidents: Incident;
  reports: Report;
  figures: Figure;
}
export type RecordTable = keyof DatasetRecords;

/** The record tables in dependency order: each points only at tables before it (and incidents at incidents). */
export const RECORD_TABLES = [
  'outlets',
  'actors',
  'places',
  'incidents',
  'reports',
  'figures',
] as const satisfies readonly RecordTable[];

/** One value per record table, each made fresh. */
export function perTable<T>(make: () => T): Record<RecordTable, T> {
  return Object.fromEntries(RECORD_TABLES.map((table) => [table, make()])) as Record<
    RecordTable,
    T
  >;
}

type Referenced = 'outlets' | 'actors' | 'places' | 'incidents' | 'reports';

/** References waiting for a later record; past this, the snapshot is refused rather than held. */
export const MAX_FORWARD_REFERENCES = 100_000;

export class ReferenceChecker {
  private readonly ids = perTable(() => new Set<string>());
  private readonly reportIncident = new Map<string, string>();
  /** References to records not seen yet: [table, id, where]. */
  private readonly unresolved: [Referenced, string, string][] = [];
  /** Figures whose report was not seen yet: [where, reportId, incidentId]. */
  private readonly unpairedFigures: [string, string, string][] = [];
  private readonly found: string[] = [];

  /** Stops collecting errors past this many (a hostile snapshot must not fill memory with them). */
  constructor(private readonly maxErrors = 100) {}

  get errors(): readonly string[] {
    return this.found;
  }

  add<T extends RecordTable>(table: T, record: DatasetRecords[T]): void {
    const seen = this.ids[table];
    if (seen.has(record.id)) this.error(`${table}: duplicate id ${record.id}`);
    seen.add(record.id);
    const where = `${table}.${record.id}`;
    if (table === 'incidents') {
      const incident = record as Incident;
      for (const id of incident.placeIds) this.need('places', id, `${where}.placeIds`);
      for (const actor of incident.actors) this.need('actors', actor.actorId, `${where}.actors`);
      if (incident.parentId !== null)
        this.need('incidents', incident.parentId, `${where}.parentId`);
      if (incident.endDate < incident.startDate) this.error(`${where}: endDate before startDate`);
    } else if (table === 'reports') {
      const report = record as Report;
      this.reportIncident.set(report.id, report.incidentId);
      this.need('incidents', report.incidentId, `${where}.incidentId`);
      this.need('outlets', report.outletId, `${where}.outletId`);
      for (const id of report.via) this.need('outlets', id, `${where}.via`);
    } else if (table === 'figures') {
      const figure = record as Figure;
      this.need('reports', figure.reportId, `${where}.reportId`);
      this.need('incidents', figure.incidentId, `${where}.incidentId`);
      if (this.reportIncident.has(figure.reportId)) {
        this.pair(where, figure.reportId, figure.incidentId);
      } else this.unpairedFigures.push([where, figure.reportId, figure.incidentId]);
    }
  }

  /** Every error, once all records have been added: duplicates and mismatches first, then unknown ids. */
  finish(): string[] {
    for (const [where, reportId, incidentId] of this.unpairedFigures)
      this.pair(where, reportId, incidentId);
    const unknown = this.unresolved.filter(([table, id]) => !this.ids[table].has(id));
    for (const [, id, where] of unknown) this.error(`${where}: unknown id ${id}`);
    return [...this.found];
  }

  private need(table: Referenced, id: string, where: string): void {
    if (this.ids[table].has(id)) return;
    if (this.unresolved.length < MAX_FORWARD_REFERENCES) this.unresolved.push([table, id, where]);
    else if (this.unresolved.length === MAX_FORWARD_REFERENCES) {
      this.unresolved.push([table, id, where]);
      this.error(
        `more than ${MAX_FORWARD_REFERENCES} references to records listed later (list records after those they point at)`,
      );
    }
  }

  private pair(where: string, reportId: string, incidentId: string): void {
    const expected = this.reportIncident.get(reportId);
    if (expected !== undefined && expected !== incidentId) {
      this.error(`${where}: incidentId ${incidentId} differs from its report's ${expected}`);
    }
  }

  private error(message: string): void {
    if (this.found.length < this.maxErrors) this.found.push(message);
  }
}
