/**
 * Writing a dataset into the database. Every write replaces all synced tables
 * in one read-write transaction with nothing else awaited inside it (Dexie
 * commits a transaction that waits on anything else), so a reader sees either
 * the old dataset or the new one, never a mix; the user's own tables are
 * never touched. Input is validated with the schema before anything is written.
 */
import * as v from 'valibot';
import { MetaSchema, parseDataset, type Dataset, type DatasetMeta } from '../core/schema';
import { normalizeKey } from '../core/normalize';
import type { TriangulateDatabase } from './database';
import type { ActorRow, IncidentRow, InstalledDatasetRow, PlaceRow } from './entities';

export const BUNDLED_SOURCE = 'bundled';

export type InstallOutcome =
  | { action: 'installed' | 'updated'; version: number }
  | { action: 'kept'; version: number }
  | { action: 'failed'; errors: string[] };

/** Replaces every synced table with `dataset` (already validated) in one transaction. */
export async function replaceDataset(
  db: TriangulateDatabase,
  dataset: Dataset,
  source: string,
  now: () => Date = () => new Date(),
): Promise<void> {
  // Derive everything before the transaction: inside it, only table calls.
  const actors = dataset.actors.map(toActorRow);
  const places = dataset.places.map(toPlaceRow);
  const incidents = dataset.incidents.map(toIncidentRow);
  const installed: InstalledDatasetRow = {
    key: 'dataset',
    meta: dataset.meta,
    source,
    installedAt: now().toISOString(),
  };
  const synced = [
    db.meta,
    db.live.outlets,
    db.live.actors,
    db.live.places,
    db.live.incidents,
    db.live.reports,
    db.live.figures,
  ];
  await db.transaction('rw', synced, async () => {
    await Promise.all(synced.map((table) => table.clear()));
    await Promise.all([
      db.meta.put(installed),
      db.live.outlets.bulkAdd(dataset.outlets),
      db.live.actors.bulkAdd(actors),
      db.live.places.bulkAdd(places),
      db.live.incidents.bulkAdd(incidents),
      db.live.reports.bulkAdd(dataset.reports),
      db.live.figures.bulkAdd(dataset.figures),
    ]);
  });
}

/**
 * Loads the dataset shipped with the extension when nothing is installed, or
 * when it is a newer version of the installed dataset (an extension update).
 * A dataset the user synced from elsewhere (another datasetId) is kept. An
 * invalid bundle writes nothing and records the error for the popup.
 */
export async function installBundledDataset(
  db: TriangulateDatabase,
  bundled: unknown,
  now: () => Date = () => new Date(),
): Promise<InstallOutcome> {
  const installed = await installedDataset(db);
  const bundledMeta = peekMeta(bundled);
  if (installed && bundledMeta && !shouldReplace(installed, bundledMeta)) {
    return { action: 'kept', version: installed.meta.version };
  }
  const parsed = parseDataset(bundled);
  if (!parsed.ok) {
    await recordError(
      db,
      BUNDLED_SOURCE,
      `Invalid bundled dataset: ${parsed.errors.join('; ')}`,
      now,
    );
    return { action: 'failed', errors: parsed.errors };
  }
  if (installed && !shouldReplace(installed, parsed.dataset.meta)) {
    return { action: 'kept', version: installed.meta.version };
  }
  await replaceDataset(db, parsed.dataset, BUNDLED_SOURCE, now);
  return { action: installed ? 'updated' : 'installed', version: parsed.dataset.meta.version };
}

export async function installedDataset(
  db: TriangulateDatabase,
): Promise<InstalledDatasetRow | undefined> {
  const row = await db.meta.get('dataset');
  return row?.key === 'dataset' ? row : undefined;
}

/** Records a failed load or sync; the data already installed stays as it was. */
export async function recordError(
  db: TriangulateDatabase,
  source: string,
  message: string,
  now: () => Date = () => new Date(),
): Promise<void> {
  await db.meta.put({ key: 'lastError', source, message, at: now().toISOString() });
}

function shouldReplace(installed: InstalledDatasetRow, candidate: DatasetMeta): boolean {
  if (installed.meta.datasetId !== candidate.datasetId) return installed.source === BUNDLED_SOURCE;
  return candidate.version > installed.meta.version;
}

/** The bundle's meta alone, checked: enough to skip a full parse when nothing is newer. */
function peekMeta(bundled: unknown): DatasetMeta | null {
  if (typeof bundled !== 'object' || bundled === null || !('meta' in bundled)) return null;
  const meta = v.safeParse(MetaSchema, bundled.meta);
  return meta.success ? meta.output : null;
}

const unique = (items: readonly string[]): string[] => [...new Set(items)];

const aliasKeysOf = (names: readonly string[]): string[] =>
  unique(names.map(normalizeKey).filter((key) => key.length > 0));

export function toActorRow(actor: Dataset['actors'][number]): ActorRow {
  return {
    ...actor,
    aliasKeys: aliasKeysOf([actor.name, ...actor.aliases, ...actor.weakAliases]),
  };
}

export function toPlaceRow(place: Dataset['places'][number]): PlaceRow {
  return { ...place, aliasKeys: aliasKeysOf([place.name, ...place.aliases]) };
}

export function toIncidentRow(incident: Dataset['incidents'][number]): IncidentRow {
  return {
    ...incident,
    actorIds: unique(incident.actors.map((actor) => actor.actorId)),
    keywordKeys: aliasKeysOf(incident.keywords),
  };
}
