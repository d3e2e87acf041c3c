/**
 * The user's own tables (userReports, userFigures): the pages they saved and
 * the figures they reviewed. Only these functions write them; sync and the
 * bundled install never do. Rows are checked in core/userSources.ts before
 * they get here; each write is one transaction, so an import lands whole or
 * not at all.
 */
import type { UserFigure, UserReport, UserSources } from '../core/userSources';
import type { TriangulateDatabase } from './database';

/** Rows are stored with the fields core/userSources.ts adds (outletName); read them back as such. */
const asUserReport = (row: unknown) => row as UserReport;
const asUserFigure = (row: unknown) => row as UserFigure;

/** Saves one page; refuses a report of an incident the installed dataset does not hold. */
export async function saveUserReport(
  db: TriangulateDatabase,
  report: UserReport,
  figures: readonly UserFigure[],
): Promise<void> {
  await db.transaction('rw', [db.live.incidents, db.userReports, db.userFigures], async () => {
    if ((await db.live.incidents.get(report.incidentId)) === undefined) {
      throw new Error(`no incident ${report.incidentId} in the dataset`);
    }
    await db.userFigures.where('reportId').equals(report.id).delete();
    await db.userReports.put(report);
    await db.userFigures.bulkPut([...figures]);
  });
}

export async function deleteUserReport(db: TriangulateDatabase, id: string): Promise<boolean> {
  return db.transaction('rw', [db.userReports, db.userFigures], async () => {
    const found = (await db.userReports.get(id)) !== undefined;
    await db.userFigures.where('reportId').equals(id).delete();
    await db.userReports.delete(id);
    return found;
  });
}

/** Every saved report and figure, oldest first. */
export async function allUserSources(
  db: TriangulateDatabase,
): Promise<{ reports: UserReport[]; figures: UserFigure[] }> {
  return db.transaction('r', [db.userReports, db.userFigures], async () => {
    const [reports, figures] = await Promise.all([
      db.userReports.toArray(),
      db.userFigures.toArray(),
    ]);
    return {
      reports: reports.map(asUserReport).toSorted(byCreated),
      figures: figures.map(asUserFigure).toSorted(byCreated),
    };
  });
}

const byCreated = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** The saved reports and figures of these incidents, for the popover and the figure check. */
export async function userSourcesOf(
  db: TriangulateDatabase,
  incidentIds: readonly string[],
): Promise<{ reports: UserReport[]; figures: UserFigure[] }> {
  if (incidentIds.length === 0) return { reports: [], figures: [] };
  return db.transaction('r', [db.userReports, db.userFigures], async () => {
    const [reports, figures] = await Promise.all([
      db.userReports
        .where('incidentId')
        .anyOf([...incidentIds])
        .toArray(),
      db.userFigures
        .where('incidentId')
        .anyOf([...incidentIds])
        .toArray(),
    ]);
    return { reports: reports.map(asUserReport), figures: figures.map(asUserFigure) };
  });
}

/**
 * Writes a checked import in one transaction: a report whose id is already
 * saved is replaced, together with its figures.
 */
export async function importUserSources(
  db: TriangulateDatabase,
  sources: UserSources,
): Promise<{ reports: number; figures: number }> {
  await db.transaction('rw', [db.userReports, db.userFigures], async () => {
    const ids = sources.reports.map((report) => report.id);
    if (ids.length > 0) await db.userFigures.where('reportId').anyOf(ids).delete();
    await db.userReports.bulkPut(sources.reports);
    await db.userFigures.bulkPut(sources.figures);
  });
  return { reports: sources.reports.length, figures: sources.figures.length };
}
