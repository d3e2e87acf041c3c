/**
 * The background's work, wired to the database it is given: make sure the
 * bundled dataset is installed (at start-up and on install/update), and answer
 * the content script's and popup's messages once that is done. Everything
 * here takes its database and dataset as arguments so tests run it for real
 * against fake-indexeddb and WXT's fake browser.
 */
import { browser } from 'wxt/browser';
import { AliasMatcher } from '../../core/matcher';
import { withoutOwnReports } from '../../core/ownReport';
import { candidateQuery } from '../../core/evidence';
import { resolvePage } from '../../core/resolve';
import type { IncidentBundle, PageResolution } from '../../core/types';
import type { TriangulateDatabase } from '../../db/database';
import { installBundledDataset, recordError, type InstallOutcome } from '../../db/dataset';
import { datasetStatus, loadCandidates, loadLexicon, type LoadedLexicon } from '../../db/queries';
import { handleMessages, type Handlers, type LexiconReply } from '../../messaging/protocol';
import { packMatcher } from './reading/matcherWire';
import { withUserSources } from '../../core/userSources';
import { userSourcesOf } from '../../db/userQueries';
import { takePendingClaim } from './contextMenu';
import { createEntityHandlers } from './entity';
import { createPopupHandlers } from './popup';

export interface BackgroundService {
  /** Settles when the last requested install has finished (successfully or not). */
  whenReady(): Promise<void>;
  /** Checks the bundled dataset again (on install or update); messages wait for it. */
  refreshBundled(): Promise<void>;
  /** The synced tables changed (a sync was applied): the next lexicon.get reads them again. */
  dataChanged(): void;
  handlers: Handlers;
}

export function createBackgroundService(
  db: TriangulateDatabase,
  bundled: unknown,
  log: (message: string) => void = console.info,
): BackgroundService {
  // The lexicon and its compiled matcher are rebuilt only when the data changes, not per page.
  let lexicon: Promise<LexiconReply> | null = null;

  const install = async (): Promise<void> => {
    try {
      const outcome = await installBundledDataset(db, bundled);
      if (outcome.action !== 'kept') lexicon = null;
      log(`Triangulate: bundled dataset ${describe(outcome)}`);
    } catch (error) {
      // The database itself failed: say so where the popup looks, keep serving what is there.
      const message = error instanceof Error ? error.message : String(error);
      await recordError(db, 'bundled', `Could not install the bundled dataset: ${message}`).catch(
        () => undefined,
      );
      log(`Triangulate: bundled dataset failed: ${message}`);
    }
  };

  let ready = install();

  return {
    whenReady: () => ready,
    refreshBundled() {
      ready = ready.then(install);
      return ready;
    },
    dataChanged() {
      lexicon = null;
    },
    handlers: {
      'lexicon.get': async () => {
        await ready;
        lexicon ??= loadLexicon(db).then(withCompiledMatcher);
        return lexicon;
      },
      'page.resolve': async ({ evidence, pageUrl }) => {
        await ready;
        const page = {
          url: pageUrl ?? null,
          outletId: evidence.facts.outletId,
          publishedAt: evidence.facts.publishedAt,
          title: evidence.facts.title,
        };
        // As in core/annotate.ts: a page agreeing with itself is no confirmation.
        // The user's saved sources join the dataset's reports, marked in userReportIds.
        const loaded = await loadCandidates(db, candidateQuery(evidence));
        const user = await userSourcesOf(
          db,
          loaded.map((bundle) => bundle.incident.id),
        );
        const candidates = loaded.map((bundle) =>
          withoutOwnReports(withUserSources(bundle, user.reports, user.figures), page),
        );
        const resolution = resolvePage(evidence, candidates);
        return { ...resolution, bundles: linkedBundles(resolution, candidates) };
      },
      'dataset.status': async () => {
        await ready;
        return datasetStatus(db);
      },
      ...createEntityHandlers(db, () => ready),
      ...createPopupHandlers(db, { whenReady: () => ready, takePendingClaim }),
    },
  };
}

/** Starts the service and binds it to the runtime's events. */
export function startBackground(
  db: TriangulateDatabase,
  bundled: unknown,
  log: (message: string) => void = console.info,
): BackgroundService {
  const service = createBackgroundService(db, bundled, log);
  browser.runtime.onInstalled.addListener(() => {
    void service.refreshBundled();
  });
  handleMessages(service.handlers);
  return service;
}

/** The lexicon with its matcher compiled once here, so no page builds it again. */
function withCompiledMatcher(loaded: LoadedLexicon): LexiconReply {
  if (loaded.entries.length === 0) return loaded;
  return { ...loaded, compiled: packMatcher(AliasMatcher.build(loaded.entries).toCompiled()) };
}

/** Only what the page was linked to travels back to it. */
function linkedBundles(
  resolution: PageResolution,
  candidates: readonly IncidentBundle[],
): IncidentBundle[] {
  const linked = new Set(resolution.incidents.map((incident) => incident.incidentId));
  for (const claim of resolution.claims) if (claim.incidentId) linked.add(claim.incidentId);
  return candidates.filter((bundle) => linked.has(bundle.incident.id));
}

function describe(outcome: InstallOutcome): string {
  if (outcome.action === 'failed') return `refused: ${outcome.errors.join('; ')}`;
  return `${outcome.action} (version ${outcome.version})`;
}
