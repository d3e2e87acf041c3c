/**
 * Turns the dataset's actors, places and incidents into the flat list of
 * spellings the matcher compiles: one entry per spelling that normalises to
 * a distinct key for its target, so a dataset listing "Rakhmon" and "Rahmon"
 * (one key) costs one entry, while two targets sharing a key keep one each.
 */
import type { Actor, Incident, Place } from './schema';
import { normalizeKey } from './normalize';
import type { EntityKind, LexiconEntry } from './types';

export interface LexiconSource {
  actors: readonly Actor[];
  places: readonly Place[];
  incidents: readonly Incident[];
}

export function buildLexicon(data: LexiconSource): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  const indexByTargetKey = new Map<string, number>();
  const add = (targetId: string, kind: EntityKind, alias: string, weak: boolean): void => {
    const key = normalizeKey(alias);
    if (key === '') return;
    const id = `${kind}\u0000${targetId}\u0000${key}`;
    const seen = indexByTargetKey.get(id);
    if (seen === undefined) {
      indexByTargetKey.set(id, entries.length);
      entries.push({ targetId, kind, alias, weak });
    } else if (entries[seen]!.weak && !weak) {
      // A spelling listed both ways is strong: it identifies the target alone.
      entries[seen] = { targetId, kind, alias, weak };
    }
  };
  for (const actor of data.actors) {
    for (const alias of [actor.name, ...actor.aliases]) add(actor.id, 'actor', alias, false);
    for (const alias of actor.weakAliases) add(actor.id, 'actor', alias, true);
  }
  for (const place of data.places) {
    for (const alias of [place.name, ...place.aliases]) add(place.id, 'place', alias, false);
  }
  // Keywords are evidence for the resolver to weigh, not names needing a cue: never weak.
  for (const incident of data.incidents) {
    for (const keyword of incident.keywords) add(incident.id, 'incident', keyword, false);
  }
  return entries;
}
