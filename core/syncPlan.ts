/**
 * Sync decisions, as plain functions: which sources to fetch and with which
 * ETag, whether a manifest's version is worth applying, which source wins an
 * id clash, when the next scheduled sync is due, and the plain-words sentence
 * for every way a sync can fail. The background (entrypoints/background/sync.ts)
 * and db/sync.ts only carry these decisions out.
 */
import type { Manifest } from './manifest';
import { hostOf } from './sourceOrigin';

/** The source name rows from the extension's own bundled dataset carry. */
export const BUNDLED = 'bundled';

/** What sync remembers about one source between runs. */
export interface SourceState {
  url: string;
  datasetId: string | null;
  /** The installed version from this source, or null when none is. */
  version: number | null;
  etag: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Some of its rows were overwritten or wiped: fetch it in full next time. */
  stale: boolean;
}

export interface ConfiguredSource {
  url: string;
  publicKey: string | null;
  enabled: boolean;
}

export interface PlannedFetch {
  url: string;
  publicKey: string | null;
  /** Sent as If-None-Match; null forces a full fetch. */
  etag: string | null;
  /** The version already installed from it (a manifest must be newer), or null. */
  installedVersion: number | null;
  installedDatasetId: string | null;
}

export function emptyState(url: string): SourceState {
  return {
    url,
    datasetId: null,
    version: null,
    etag: null,
    lastSyncAt: null,
    lastError: null,
    lastErrorAt: null,
    stale: false,
  };
}

/** The enabled sources in settings order (which is also their priority), each fetched once. */
export function planSync(
  sources: readonly ConfiguredSource[],
  states: ReadonlyMap<string, SourceState>,
): PlannedFetch[] {
  const seen = new Set<string>();
  const plan: PlannedFetch[] = [];
  for (const source of sources) {
    if (!source.enabled || seen.has(source.url)) continue;
    seen.add(source.url);
    const state = states.get(source.url);
    const intact = state !== undefined && state.version !== null && !state.stale;
    plan.push({
      url: source.url,
      publicKey: source.publicKey,
      etag: intact ? state.etag : null,
      // A stale source may re-apply the same version: its rows must come back.
      installedVersion: intact ? state.version : null,
      installedDatasetId: state?.datasetId ?? null,
    });
  }
  return plan;
}

export type VersionDecision =
  { action: 'apply' } | { action: 'current' } | { action: 'refuse'; failure: SyncFailure };

/** Apply only a newer version of the same dataset; an older one is a rollback. */
export function decideVersion(manifest: Manifest, fetch: PlannedFetch): VersionDecision {
  if (fetch.installedDatasetId !== null && manifest.datasetId !== fetch.installedDatasetId) {
    return {
      action: 'refuse',
      failure: {
        code: 'dataset-changed',
        detail: `${manifest.datasetId} instead of ${fetch.installedDatasetId}`,
      },
    };
  }
  if (fetch.installedVersion === null || manifest.version > fetch.installedVersion) {
    return { action: 'apply' };
  }
  if (manifest.version === fetch.installedVersion) return { action: 'current' };
  return {
    action: 'refuse',
    failure: {
      code: 'rollback',
      detail: `version ${manifest.version} is older than the installed version ${fetch.installedVersion}`,
    },
  };
}

/**
 * The merge rule's order: sources as listed in settings (first wins an id
 * clash), the bundled dataset last. Lower rank wins.
 */
export function sourceRanks(sources: readonly ConfiguredSource[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const source of sources) if (!ranks.has(source.url)) ranks.set(source.url, ranks.size);
  ranks.set(BUNDLED, Number.MAX_SAFE_INTEGER);
  return ranks;
}

/** When the scheduled sync is due: the interval after the last attempt, or now when there was none. */
export function nextSyncAt(lastAttemptAt: string | null, intervalHours: number, now: Date): string {
  if (lastAttemptAt === null) return now.toISOString();
  const due = Date.parse(lastAttemptAt) + intervalHours * 3_600_000;
  return new Date(Number.isNaN(due) ? now.getTime() : due).toISOString();
}

export type FailureCode =
  | 'permission'
  | 'network'
  | 'timeout'
  | 'http'
  | 'redirect'
  | 'manifest'
  | 'signature-missing'
  | 'signature-bad'
  | 'key'
  | 'too-large'
  | 'size'
  | 'checksum'
  | 'snapshot'
  | 'schema'
  | 'rollback'
  | 'dataset-changed'
  | 'quota'
  | 'storage'
  | 'interrupted';

export interface SyncFailure {
  code: FailureCode;
  /** Specifics for the sentence (a status code, an origin, the first invalid record). */
  detail?: string;
}

/** Thrown inside a sync step; caught once per source and recorded in plain words. */
export class SyncError extends Error {
  constructor(readonly failure: SyncFailure) {
    super(`${failure.code}${failure.detail ? `: ${failure.detail}` : ''}`);
    this.name = 'SyncError';
  }
}

/** The sentence the popup and options show ("The dataset from data.example.org was refused: ..."). */
export function describeFailure(sourceUrl: string, failure: SyncFailure): string {
  const from = `The dataset from ${hostOf(sourceUrl)}`;
  const detail = failure.detail ?? '';
  switch (failure.code) {
    case 'permission':
      return `${from} could not be fetched: no permission for ${detail}. Allow it in Options.`;
    case 'network':
      return `${from} could not be fetched: the server could not be reached${detail ? ` (${detail})` : ''}.`;
    case 'timeout':
      return `${from} could not be fetched: no complete answer within ${detail} seconds.`;
    case 'http':
      return `${from} could not be fetched: the server answered HTTP ${detail}.`;
    case 'redirect':
      return `${from} was refused: it redirects to another host (${detail}).`;
    case 'manifest':
      return `${from} was refused: its manifest is not valid (${detail}).`;
    case 'signature-missing':
      return `${from} was refused: it is not signed, and a public key is pinned for this source.`;
    case 'signature-bad':
      return `${from} was refused: its signature does not match the pinned public key.`;
    case 'key':
      return `${from} was not checked: the pinned public key is not a valid Ed25519 key (32 bytes, base64).`;
    case 'too-large':
      return `${from} was refused: it is larger than the ${detail} limit.`;
    case 'size':
      return `${from} was refused: its size does not match the manifest (${detail}).`;
    case 'checksum':
      return `${from} was refused: its checksum does not match the manifest.`;
    case 'snapshot':
      return `${from} was refused: its snapshot cannot be read (${detail}).`;
    case 'schema':
      return `${from} was refused: it has invalid records (${detail}).`;
    case 'rollback':
      return `${from} was refused: ${detail}.`;
    case 'dataset-changed':
      return `${from} was refused: the source now serves dataset ${detail}; remove the source and add it again to accept it.`;
    case 'quota':
      return `${from} could not be saved: the browser's storage for the extension is full. Nothing was changed.`;
    case 'storage':
      return `${from} could not be saved (${detail}). Nothing was changed.`;
    case 'interrupted':
      return `${from} did not finish: the browser stopped the extension during the sync. Nothing was changed; it will be tried again.`;
  }
}
