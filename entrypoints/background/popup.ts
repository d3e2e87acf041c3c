/**
 * The background's answers to the popup's and options page's questions:
 * incident search, checking a typed claim or a picked figure, and the user's
 * own saved sources (save, list, delete, export, import). Takes its database
 * as an argument like ./service.ts, so tests run it against fake-indexeddb.
 * The search index and the matcher are rebuilt only when the installed
 * dataset changes (its installedAt), not per keystroke.
 */
import { judgeClaim, readClaimText } from '../../core/checkClaim';
import { compareClaim } from '../../core/compare';
import {
  buildSearchIndex,
  searchIncidents,
  type SearchableIncident,
} from '../../core/incidentSearch';
import { AliasMatcher } from '../../core/matcher';
import type { IncidentBundle } from '../../core/types';
import {
  buildUserReport,
  exportUserSources,
  parseUserSources,
  withUserSources,
} from '../../core/userSources';
import type { TriangulateDatabase } from '../../db/database';
import { stripActor, stripIncident, stripPlace } from '../../db/entities';
import { loadCandidates, loadLexicon } from '../../db/queries';
import {
  allUserSources,
  deleteUserReport,
  importUserSources,
  saveUserReport,
  userSourcesOf,
} from '../../db/userQueries';
import type { CheckedIncident, Handlers } from '../../messaging/protocol';

export interface PopupHandlerDeps {
  /** Settles when the dataset install the service started is done. */
  whenReady: () => Promise<void>;
  /** Takes the claim the context menu stored, once. */
  takePendingClaim: () => Promise<string | null>;
  now?: () => Date;
  newId?: () => string;
}

type PopupHandlers = Pick<
  Required<Handlers>,
  | 'incident.search'
  | 'claim.check'
  | 'figure.check'
  | 'claim.pending'
  | 'user.saveReport'
  | 'user.sources'
  | 'user.delete'
  | 'user.export'
  | 'user.import'
>;

export function createPopupHandlers(
  db: TriangulateDatabase,
  deps: PopupHandlerDeps,
): PopupHandlers {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => `user-${crypto.randomUUID()}`);
  const searchIndex = cachedPerDataset(db, () => loadSearchIndex(db));
  const matcher = cachedPerDataset(db, async () =>
    AliasMatcher.build((await loadLexicon(db)).entries),
  );

  /** The incidents' bundles with the user's saved sources added. */
  const withUser = async (bundles: IncidentBundle[]): Promise<IncidentBundle[]> => {
    const user = await userSourcesOf(
      db,
      bundles.map((bundle) => bundle.incident.id),
    );
    return bundles.map((bundle) => withUserSources(bundle, user.reports, user.figures));
  };
  const bundleOf = async (incidentId: string): Promise<IncidentBundle | undefined> => {
    const bundles = await loadCandidates(db, {
      actorIds: [],
      placeIds: [],
      incidentIds: [incidentId],
    });
    const [bundle] = await withUser(bundles.filter((b) => b.incident.id === incidentId));
    return bundle;
  };

  return {
    'incident.search': async ({ query }) => {
      await deps.whenReady();
      return searchIncidents(query, await searchIndex());
    },
    'claim.check': async ({ text, incidentId }) => {
      await deps.whenReady();
      const reading = readClaimText(text, await matcher());
      let bundles = await withUser(await loadCandidates(db, reading.query));
      const picked = incidentId ?? null;
      if (picked !== null && !bundles.some((b) => b.incident.id === picked)) {
        const extra = await bundleOf(picked);
        if (extra) bundles = [...bundles, extra];
      }
      const check = judgeClaim(reading, bundles, picked);
      const chosen = bundles.find((b) => b.incident.id === check.incidentId);
      return { ...check, incident: chosen ? checkedIncident(chosen) : null };
    },
    'figure.check': async ({ incidentId, low, high, side, outcome }) => {
      await deps.whenReady();
      if (low > high) throw new Error('the lower count is above the higher one');
      const bundle = await bundleOf(incidentId);
      if (bundle === undefined) throw new Error(`no incident ${incidentId} in the dataset`);
      return {
        incident: checkedIncident(bundle),
        comparison: compareClaim({ low, high, side, outcome }, bundle),
      };
    },
    'claim.pending': async () => ({ text: await deps.takePendingClaim() }),
    'user.saveReport': async ({ draft }) => {
      await deps.whenReady();
      const built = buildUserReport(draft, newId(), now());
      if (!built.ok) throw new Error(built.error);
      await saveUserReport(db, built.value.report, built.value.figures);
      return { id: built.value.report.id };
    },
    'user.sources': async () => {
      const { reports, figures } = await allUserSources(db);
      const incidents = await db.live.incidents.bulkGet([
        ...new Set(reports.map((r) => r.incidentId)),
      ]);
      const titles = new Map(incidents.flatMap((row) => (row ? [[row.id, row.title]] : [])));
      return reports.map((report) => ({
        id: report.id,
        title: report.title,
        url: report.url,
        outletName: report.outletName,
        incidentId: report.incidentId,
        incidentTitle: titles.get(report.incidentId) ?? null,
        figures: figures.filter((figure) => figure.reportId === report.id).length,
        createdAt: report.createdAt,
      }));
    },
    'user.delete': async ({ id }) => ({ deleted: await deleteUserReport(db, id) }),
    'user.export': async () => {
      const { reports, figures } = await allUserSources(db);
      return exportUserSources(reports, figures, now());
    },
    'user.import': async ({ text }) => {
      const parsed = parseUserSources(text);
      if (!parsed.ok) throw new Error(parsed.error);
      return importUserSources(db, parsed.value);
    },
  };
}

function checkedIncident(bundle: IncidentBundle): CheckedIncident {
  const { incident } = bundle;
  return {
    id: incident.id,
    title: incident.title,
    startDate: incident.startDate,
    endDate: incident.endDate,
    datePrecision: incident.datePrecision,
    placeNames: bundle.places.map((place) => place.name),
    userReportIds: bundle.userReportIds ?? [],
  };
}

async function loadSearchIndex(db: TriangulateDatabase): Promise<SearchableIncident[]> {
  return db.transaction('r', [db.live.incidents, db.live.places, db.live.actors], async () => {
    const [incidents, places, actors] = await Promise.all([
      db.live.incidents.toArray(),
      db.live.places.toArray(),
      db.live.actors.toArray(),
    ]);
    return buildSearchIndex({
      incidents: incidents.map(stripIncident),
      places: places.map(stripPlace),
      actors: actors.map(stripActor),
    });
  });
}

/** A value built from the installed dataset, rebuilt when another dataset is installed. */
function cachedPerDataset<T>(db: TriangulateDatabase, build: () => Promise<T>): () => Promise<T> {
  let cached: { key: string; value: Promise<T> } | null = null;
  return async () => {
    const installed = await db.meta.get('dataset');
    const key = installed?.key === 'dataset' ? `${installed.source} ${installed.installedAt}` : '';
    if (cached === null || cached.key !== key) {
      const value = build();
      cached = { key, value };
      value.catch(() => {
        if (cached?.value === value) cached = null;
      });
    }
    return cached.value;
  };
}
