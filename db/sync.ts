/**
 * Carrying out a sync against the database: fetch and check each planned
 * source (core/syncFetch, core/verify, core/snapshot), then write one
 * source's rows in one transaction under the merge rule (core/syncPlan
 * sourceRanks): a row keeps the source it came from; on an id clash the
 * source listed first in settings wins; the bundled dataset is the last
 * resort and comes back when a source drops a row. Any failure before or
 * inside the transaction leaves every table as it was and is recorded, in
 * plain words, on the source.
 */
import { Dexie } from 'dexie';
import { snapshotUrl, type Manifest } from '../core/manifest';
import { streamSnapshot } from '../core/snapshot';
import type { Dataset } from '../core/schema';
import {
  BUNDLED,
  SyncError,
  decideVersion,
  describeFailure,
  emptyState,
  planSync,
  sourceRanks,
  type ConfiguredSource,
  type SourceState,
  type SyncFailure,
} from '../core/syncPlan';
import { fetchManifest, fetchSnapshot } from '../core/syncFetch';
import { checkSignature, checkSnapshot } from '../core/verify';
import type { DataSetName, TriangulateDatabase } from './database';
import { installedDataset } from './dataset';
import { SourceStaging } from './stagedApply';
import { DATA_TABLES, type DataTable } from './entities';

/** The ids one source supplies to one table. */
export interface OwnershipRow {
  source: string;
  table: DataTable;
  ids: string[];
}

/**
 * Sync's own bookkeeping rows. 'running': written while a source syncs; found
 * at start-up, it means the worker was stopped mid-sync. 'bundledSeen': the
 * bundled install sync last saw. 'lastRun': how the last run ended, kept so
 * its error outlives the service worker (which the browser stops at will).
 */
export interface SyncMarkerRow {
  key: 'running' | 'bundledSeen' | 'lastRun' | 'liveSet';
  source: string | null;
  at: string;
  /** lastRun only: the run's first error in plain words, or null when it succeeded. */
  error?: string | null;
  /** lastRun only: milliseconds spent in each phase, summed over sources (for diagnostics and benchmarks). */
  phaseMs?: Partial<Record<SyncProgress['phase'], number>>;
  /** liveSet only: which set of the dataset tables readers use (db/database.ts). */
  set?: DataSetName;
}

export { DATA_TABLES, type DataTable } from './entities';

export const SYNC_LIMITS = {
  /** Largest compressed snapshot accepted. */
  snapshotBytes: 200_000_000,
  /** Largest decompressed snapshot accepted (refuses gzip bombs). */
  decompressedBytes: 2_000_000_000,
  timeoutMs: 120_000,
} as const;

export interface SyncProgress {
  source: string;
  phase: 'manifest' | 'download' | 'verify' | 'apply';
  done: number;
  total: number;
}

export interface SyncDeps {
  fetch: typeof globalThis.fetch;
  /** The origins granted to the extension; null when the source may not be fetched. */
  checkPermission: (url: string) => Promise<string | null>;
  /** The bundled dataset, parsed: restores rows a source drops. */
  fallback: Dataset | null;
  now?: () => Date;
  onProgress?: (progress: SyncProgress) => void;
  limits?: Partial<Record<keyof typeof SYNC_LIMITS, number>>;
}

export type SourceOutcome =
  | { url: string; result: 'applied'; version: number; rows: number }
  | { url: string; result: 'current'; version: number | null }
  | { url: string; result: 'failed'; error: string; failure: SyncFailure };

/** Syncs every enabled source, in settings order; one source failing does not stop the others. */
export async function syncAll(
  db: TriangulateDatabase,
  sources: readonly ConfiguredSource[],
  deps: SyncDeps,
): Promise<SourceOutcome[]> {
  const now = deps.now ?? (() => new Date());
  await forgetRemovedSources(db, sources, deps.fallback);
  await noticeBundledReinstall(db, now);
  const states = new Map((await db.syncSources.toArray()).map((state) => [state.url, state]));
  const ranks = sourceRanks(sources);
  const outcomes: SourceOutcome[] = [];
  for (const planned of planSync(sources, states)) {
    const state = states.get(planned.url) ?? emptyState(planned.url);
    await db.syncState.put({ key: 'running', source: planned.url, at: now().toISOString() });
    try {
      outcomes.push(await syncOne(db, planned, state, ranks, deps, now));
    } catch (error) {
      const failure = toFailure(error);
      const message = describeFailure(planned.url, failure);
      await recordSourceError(db, planned.url, message, now);
      outcomes.push({ url: planned.url, result: 'failed', error: message, failure });
    } finally {
      await db.syncState.delete('running');
    }
  }
  return outcomes;
}

async function syncOne(
  db: TriangulateDatabase,
  planned: ReturnType<typeof planSync>[number],
  state: SourceState,
  ranks: ReadonlyMap<string, number>,
  deps: SyncDeps,
  now: () => Date,
): Promise<SourceOutcome> {
  const limits = { ...SYNC_LIMITS, ...deps.limits };
  const progress = (phase: SyncProgress['phase'], done = 0, total = 0) =>
    deps.onProgress?.({ source: planned.url, phase, done, total });
  const origin = await deps.checkPermission(planned.url);
  if (origin !== null) throw new SyncError({ code: 'permission', detail: origin });

  progress('manifest');
  const options = { fetch: deps.fetch, timeoutMs: limits.timeoutMs };
  const fetched = await fetchManifest(planned.url, planned.etag, options);
  if (fetched.status === 'not-modified') {
    await markChecked(db, state, null, now);
    return { url: planned.url, result: 'current', version: state.version };
  }
  const { manifest } = fetched;
  await checkManifestSignature(manifest, planned.publicKey);
  const decision = decideVersion(manifest, planned);
  if (decision.action === 'refuse') throw new SyncError(decision.failure);
  if (decision.action === 'current') {
    await markChecked(db, state, fetched.etag, now);
    return { url: planned.url, result: 'current', version: state.version };
  }

  const url = snapshotUrl(manifest, planned.url);
  if (url === null)
    throw new SyncError({ code: 'manifest', detail: 'snapshot.url is not http(s)' });
  // Said before the request: until its first bytes arrive, the popup would still say 'manifest'.
  progress('download', 0, manifest.snapshot.bytes);
  const bytes = await fetchSnapshot(url, manifest, limits.snapshotBytes, {
    ...options,
    onProgress: (done, total) => progress('download', done, total),
  });
  progress('verify', 0, 0);
  const check = await checkSnapshot(bytes, manifest);
  if (check !== 'ok') throw new SyncError({ code: check === 'size' ? 'size' : 'checksum' });
  // Inflated, validated and written batch by batch into the staging set; live only once all is well.
  progress('apply', 0, bytes.byteLength);
  const staging = await SourceStaging.begin(db, planned.url, ranks);
  try {
    const read = await streamSnapshot(bytes, {
      maxDecompressedBytes: limits.decompressedBytes,
      onRecords: async (batch, meta) => {
        checkMeta(meta, manifest);
        await staging.add(batch);
      },
      onProgress: (_records, compressedBytes) =>
        progress('apply', compressedBytes, bytes.byteLength),
    });
    if (!read.ok) {
      const first = read.errors[0] ?? 'unknown';
      const code = /not JSON|not valid gzip|first line|empty|decompresses/.test(first)
        ? 'snapshot'
        : 'schema';
      throw new SyncError({ code, detail: first });
    }
    checkMeta(read.meta, manifest);
    await staging.commit(deps.fallback, {
      ...state,
      datasetId: manifest.datasetId,
      version: manifest.version,
      etag: fetched.etag,
      lastSyncAt: now().toISOString(),
      lastError: null,
      lastErrorAt: null,
      stale: false,
    });
  } catch (error) {
    await staging.discard();
    throw error;
  }
  const rows = staging.rowsWritten;
  progress('apply', bytes.byteLength, bytes.byteLength);
  return { url: planned.url, result: 'applied', version: manifest.version, rows };
}

async function checkManifestSignature(manifest: Manifest, publicKey: string | null): Promise<void> {
  if (publicKey === null || publicKey.trim() === '') return;
  const signature = await checkSignature(manifest, publicKey);
  if (signature === 'missing') throw new SyncError({ code: 'signature-missing' });
  if (signature === 'bad') throw new SyncError({ code: 'signature-bad' });
  if (signature === 'bad-key') throw new SyncError({ code: 'key' });
}

/** The snapshot must be the dataset and version its manifest announces. */
function checkMeta(meta: Dataset['meta'], manifest: Manifest): void {
  if (meta.datasetId !== manifest.datasetId || meta.version !== manifest.version) {
    throw new SyncError({
      code: 'manifest',
      detail: `the snapshot is ${meta.datasetId} v${meta.version}, the manifest announces ${manifest.datasetId} v${manifest.version}`,
    });
  }
}

export interface ApplyInput {
  source: string;
  dataset: Dataset;
  ranks: ReadonlyMap<string, number>;
  fallback: Dataset | null;
  /** The source's state to store with its rows (made live in the same transaction). */
  state: SourceState;
}

/** Replaces one source's rows with a dataset already in memory (removal, tests): staged like a sync. */
export async function applySource(db: TriangulateDatabase, input: ApplyInput): Promise<void> {
  const staging = await SourceStaging.begin(db, input.source, input.ranks);
  try {
    for (const table of DATA_TABLES) {
      const records = input.dataset[table];
      for (let start = 0; start < records.length; start += APPLY_BATCH) {
        await staging.add({ [table]: records.slice(start, start + APPLY_BATCH) });
      }
    }
    await staging.commit(input.fallback, input.state);
  } catch (error) {
    await staging.discard();
    throw error;
  }
}

const APPLY_BATCH = 5_000;

/** Deletes a source's rows (the bundled ones it covered come back) and everything sync knew of it. */
export async function removeSource(
  db: TriangulateDatabase,
  source: string,
  fallback: Dataset | null,
): Promise<void> {
  // Staged with no records: every live row but this source's is copied, its bundled rows come back.
  const staging = await SourceStaging.begin(db, source, new Map());
  await staging.commit(fallback, emptyState(source));
  await db.transaction('rw', [db.syncOwnership, db.syncSources], async () => {
    await db.syncOwnership.where('source').equals(source).delete();
    await db.syncSources.delete(source);
  });
}

async function forgetRemovedSources(
  db: TriangulateDatabase,
  sources: readonly ConfiguredSource[],
  fallback: Dataset | null,
): Promise<void> {
  const configured = new Set(sources.map((source) => source.url));
  const known = (await db.syncOwnership.toArray()).map((row) => row.source);
  for (const url of new Set(known)) if (!configured.has(url)) await removeSource(db, url, fallback);
}

/**
 * The bundled install (db/dataset.ts) replaces all synced tables when the
 * extension updates: afterwards no source's rows are there any more, so each
 * is forgotten and fetched in full.
 */
async function noticeBundledReinstall(db: TriangulateDatabase, now: () => Date): Promise<void> {
  const installed = await installedDataset(db);
  const seen = await db.syncState.get('bundledSeen');
  const installedAt = installed?.installedAt ?? null;
  if (seen?.source === installedAt) return;
  await db.transaction('rw', [db.syncOwnership, db.syncSources, db.syncState], async () => {
    if (seen !== undefined) {
      await db.syncOwnership.clear();
      await db.syncSources.toCollection().modify({ stale: true });
    }
    await db.syncState.put({ key: 'bundledSeen', source: installedAt, at: now().toISOString() });
  });
}

async function markChecked(
  db: TriangulateDatabase,
  state: SourceState,
  etag: string | null,
  now: () => Date,
): Promise<void> {
  await db.syncSources.put({
    ...state,
    etag: etag ?? state.etag,
    lastSyncAt: now().toISOString(),
    lastError: null,
    lastErrorAt: null,
  });
}

export async function recordSourceError(
  db: TriangulateDatabase,
  url: string,
  message: string,
  now: () => Date = () => new Date(),
): Promise<void> {
  await db.transaction('rw', db.syncSources, async () => {
    const state = (await db.syncSources.get(url)) ?? emptyState(url);
    await db.syncSources.put({ ...state, lastError: message, lastErrorAt: now().toISOString() });
  });
}

/** A sync marker left from before this worker started: the last sync was cut short. */
export async function recoverInterruptedSync(
  db: TriangulateDatabase,
  now: () => Date = () => new Date(),
): Promise<string | null> {
  const marker = await db.syncState.get('running');
  if (marker === undefined) return null;
  await db.syncState.delete('running');
  const url = marker.source ?? '';
  const message = describeFailure(url, { code: 'interrupted' });
  await recordSourceError(db, url, message, now);
  await recordRunEnd(db, message, now);
  return message;
}

/** Remembers how the last run ended: its first error in plain words (or null), and its phases' times. */
export async function recordRunEnd(
  db: TriangulateDatabase,
  error: string | null,
  now: () => Date = () => new Date(),
  phaseMs: SyncMarkerRow['phaseMs'] = {},
): Promise<void> {
  await db.syncState.put({ key: 'lastRun', source: null, at: now().toISOString(), error, phaseMs });
}

/** The last run's error as recordRunEnd kept it (null when it succeeded or none ran). */
export async function lastRunError(db: TriangulateDatabase): Promise<string | null> {
  return (await db.syncState.get('lastRun'))?.error ?? null;
}

function toFailure(error: unknown): SyncFailure {
  if (error instanceof SyncError) return error.failure;
  if (isQuotaError(error)) return { code: 'quota' };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'storage', detail: message.slice(0, 200) };
}

function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const name = (current as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded) return true;
    current = (current as { inner?: unknown }).inner;
  }
  return false;
}

export { BUNDLED };
