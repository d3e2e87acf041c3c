/**
 * The background's answer to 'entity.get': an actor's or place's record and
 * incidents from the database, once the bundled dataset is installed.
 */
import type { TriangulateDatabase } from '../../db/database';
import { loadEntityDetails } from '../../db/entityQueries';
import type { Handlers } from '../../messaging/protocol';

export function createEntityHandlers(
  db: TriangulateDatabase,
  whenReady: () => Promise<void>,
): Pick<Required<Handlers>, 'entity.get'> {
  return {
    'entity.get': async ({ kind, id }) => {
      await whenReady();
      return loadEntityDetails(db, kind, id);
    },
  };
}
