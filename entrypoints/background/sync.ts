/**
 * Dataset sync in the service worker: wires db/sync.ts to the browser - the
 * schedule (browser.alarms, every settings.syncIntervalHours), install and
 * update, 'sync.now' and 'sync.status' from the popup and options, host
 * permissions, and the lock that lets one sync run at a time (in memory, plus
 * a marker in the database so a worker stopped mid-sync is reported when it
 * starts again).
 */
import { browser } from 'wxt/browser';
import { parseDataset, type Dataset } from '../../core/schema';
import { SETTINGS_KEY, migrateSettings, type Settings } from '../../core/settings';
import { originOf, originPattern } from '../../core/sourceOrigin';
import type { TriangulateDatabase } from '../../db/database';
import {
  lastRunError,
  recordRunEnd,
  recoverInterruptedSync,
  syncAll,
  type SyncProgress,
} from '../../db/sync';
import { handleMessages, type SyncStatusReply } from '../../messaging/protocol';

export const SYNC_ALARM = 'triangulate-sync';

export interface SyncService {
  /** Starts a sync unless one is running; false when one already is. */
  start(): boolean;
  /** Settles when the running sync (if any) has finished. */
  whenIdle(): Promise<void>;
  status(): Promise<SyncStatusReply>;
}

/** What the service reaches outside the database; tests pass their own. */
export interface SyncEnvironment {
  fetch: typeof globalThis.fetch;
  /** Null when the source's origin is granted; else the origin to name in the error. */
  checkPermission: (url: string) => Promise<string | null>;
  now: () => Date;
  /**
   * Chrome stops an extension worker idle for 30 s, and a long IndexedDB
   * write is not activity: while a sync runs, an extension API call every
   * keepAliveMs keeps the worker alive (the pattern Chrome documents since 110).
   */
  keepAlive: () => Promise<unknown>;
  keepAliveMs: number;
}

interface Live {
  running: boolean;
  phase: string;
  done: number;
  total: number;
  lastError: string | null;
}

export function createSyncService(
  db: TriangulateDatabase,
  bundled: unknown,
  ready: () => Promise<void>,
  onApplied: () => void,
  environment: Partial<SyncEnvironment> = {},
): SyncService {
  const env: SyncEnvironment = {
    fetch: (input, init) => globalThis.fetch(input, init),
    checkPermission,
    now: () => new Date(),
    keepAlive: async () => browser.runtime.getPlatformInfo(),
    keepAliveMs: 20_000,
    ...environment,
  };
  const live: Live = { running: false, phase: 'idle', done: 0, total: 0, lastError: null };
  let current: Promise<void> | null = null;
  const fallback = parseFallback(bundled);
  // The last run's error outlives the worker: read it back, unless a run was cut short.
  const recovered = ready()
    .then(async () => {
      const interrupted = await recoverInterruptedSync(db, env.now);
      if (interrupted !== null) live.phase = 'interrupted';
      live.lastError = interrupted ?? (await lastRunError(db));
    })
    .catch(() => undefined);

  const timer = phaseTimer();

  const sync = async (): Promise<void> => {
    await recovered;
    await ready();
    const settings = await readSettings();
    const outcomes = await syncAll(db, settings.sources, {
      fetch: env.fetch,
      checkPermission: env.checkPermission,
      fallback,
      now: env.now,
      onProgress: (progress: SyncProgress) => {
        timer.enter(progress.phase);
        Object.assign(live, progress);
      },
    });
    if (outcomes.some((outcome) => outcome.result === 'applied')) onApplied();
    const failed = outcomes.find((outcome) => outcome.result === 'failed');
    await finish(failed?.result === 'failed' ? failed.error : null);
  };

  const finish = async (error: string | null): Promise<void> => {
    live.lastError = error;
    await recordRunEnd(db, error, env.now, timer.stop()).catch(() => undefined);
  };

  return {
    start() {
      if (current !== null) return false;
      Object.assign(live, { running: true, phase: 'manifest', done: 0, total: 0 });
      timer.start();
      const keepAlive = setInterval(
        () => void env.keepAlive().catch(() => undefined),
        env.keepAliveMs,
      );
      current = sync()
        .catch((error: unknown) =>
          finish(`Sync failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          clearInterval(keepAlive);
          Object.assign(live, { running: false, phase: 'idle', done: 0, total: 0 });
          current = null;
        });
      return true;
    },
    whenIdle: () => current ?? Promise.resolve(),
    async status() {
      await recovered;
      const settings = await readSettings();
      const states = new Map((await db.syncSources.toArray()).map((state) => [state.url, state]));
      const sources = settings.sources.map((source) => {
        const state = states.get(source.url);
        return {
          url: source.url,
          version: state?.version ?? null,
          lastSyncAt: state?.lastSyncAt ?? null,
          lastError: state?.lastError ?? null,
        };
      });
      const alarm = await browser.alarms.get(SYNC_ALARM);
      const lastSyncAt = sources
        .map((s) => s.lastSyncAt)
        .reduce<string | null>(
          (latest, at) => (at !== null && (latest === null || at > latest) ? at : latest),
          null,
        );
      return {
        running: live.running,
        phase: live.phase,
        done: live.done,
        total: live.total,
        lastSyncAt,
        nextSyncAt: alarm ? new Date(alarm.scheduledTime).toISOString() : null,
        lastError: live.lastError,
        sources,
      };
    },
  };
}

/** Milliseconds spent in each phase of one run (summed over its sources), kept with the run's end. */
function phaseTimer() {
  let spent: Partial<Record<SyncProgress['phase'], number>> = {};
  let phase: SyncProgress['phase'] | null = null;
  let since = 0;
  const close = () => {
    if (phase !== null) spent[phase] = (spent[phase] ?? 0) + (performance.now() - since);
  };
  return {
    start() {
      spent = {};
      phase = null;
    },
    enter(next: SyncProgress['phase']) {
      if (next === phase) return;
      close();
      phase = next;
      since = performance.now();
    },
    stop(): Partial<Record<SyncProgress['phase'], number>> {
      close();
      phase = null;
      return spent;
    },
  };
}

/** Starts sync: handlers, schedule, install/update trigger. Returns the service (for tests). */
export function startSync(
  db: TriangulateDatabase,
  bundled: unknown,
  ready: () => Promise<void>,
  onApplied: () => void,
  environment: Partial<SyncEnvironment> = {},
): SyncService {
  const service = createSyncService(db, bundled, ready, onApplied, environment);
  handleMessages({
    // Answers at once: the popup follows progress with sync.status.
    'sync.now': () => ({ started: service.start() }),
    'sync.status': () => service.status(),
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) service.start();
  });
  browser.runtime.onInstalled.addListener(() => void service.start());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void schedule();
  });
  void schedule();
  return service;
}

/** (Re)creates the alarm when the interval in settings changes. */
async function schedule(): Promise<void> {
  const settings = await readSettings();
  const period = settings.syncIntervalHours * 60;
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === period) return;
  await browser.alarms.create(SYNC_ALARM, { delayInMinutes: period, periodInMinutes: period });
}

async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return migrateSettings(stored[SETTINGS_KEY]);
}

/** Null when the source's origin is granted; else the origin to name in the error. */
async function checkPermission(url: string): Promise<string | null> {
  const pattern = originPattern(url);
  if (pattern === null) return originOf(url);
  const granted = await browser.permissions.contains({ origins: [pattern] }).catch(() => false);
  return granted ? null : originOf(url);
}

function parseFallback(bundled: unknown): Dataset | null {
  const parsed = parseDataset(bundled);
  return parsed.ok ? parsed.dataset : null;
}
