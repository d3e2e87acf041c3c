/**
 * One actor's or place's record and the incidents it is tied to, for the
 * popover of a name the page's linked incidents do not hold (an armed group
 * named in passing, a leader quoted on another matter). One read-only
 * transaction; derived index fields stay behind (strip*).
 */
import type { EntityDetails } from '../core/popoverModel';
import type { TriangulateDatabase } from './database';
import { stripActor, stripPlace, type IncidentRow } from './entities';

/** A name tied to more incidents than this shows the latest ones. */
export const MAX_ENTITY_INCIDENTS = 20;

export async function loadEntityDetails(
  db: TriangulateDatabase,
  kind: 'actor' | 'place',
  id: string,
): Promise<EntityDetails | null> {
  return db.transaction('r', [db.live.actors, db.live.places, db.live.incidents], async () => {
    const record = kind === 'actor' ? await db.live.actors.get(id) : await db.live.places.get(id);
    if (record === undefined) return null;
    const rows = await db.live.incidents
      .where(kind === 'actor' ? 'actorIds' : 'placeIds')
      .equals(id)
      .toArray();
    const incidents = rows
      .toSorted(latestFirst)
      .slice(0, MAX_ENTITY_INCIDENTS)
      .map((row) => ({
        id: row.id,
        title: row.title,
        startDate: row.startDate,
        role:
          kind === 'actor'
            ? (row.actors.find((actor) => actor.actorId === id)?.role ?? null)
            : null,
      }));
    return kind === 'actor'
      ? { actor: stripActor(record as Parameters<typeof stripActor>[0]), place: null, incidents }
      : { actor: null, place: stripPlace(record as Parameters<typeof stripPlace>[0]), incidents };
  });
}

function latestFirst(a: IncidentRow, b: IncidentRow): number {
  return b.startDate.localeCompare(a.startDate) || a.id.localeCompare(b.id);
}
