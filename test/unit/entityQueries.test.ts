import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bundledDataset } from '../../data/index';
import { TriangulateDatabase } from '../../db/database';
import { installBundledDataset } from '../../db/dataset';
import { loadEntityDetails } from '../../db/entityQueries';
import { createEntityHandlers } from '../../entrypoints/background/entity';

let db: TriangulateDatabase;
let counter = 0;

beforeEach(async () => {
  counter += 1;
  db = new TriangulateDatabase(`entity-test-${counter}`);
  await db.open();
  await installBundledDataset(db, bundledDataset);
});

afterEach(async () => {
  await db.delete();
});

/** What the popover shows of an entity's details: kind, name, and its incidents (latest first). */
async function summaryOf(kind: 'actor' | 'place', id: string) {
  const details = await loadEntityDetails(db, kind, id);
  if (details === null) return null;
  const record = details.actor ?? details.place;
  return {
    name: record?.name,
    kind: record?.kind,
    derivedFields: record !== null && 'aliasKeys' in record,
    incidents: details.incidents.map((i) => `${i.startDate} ${i.id} ${i.role ?? '-'}`),
  };
}

describe('loadEntityDetails', () => {
  test.each([
    [
      'an armed group in one incident',
      'actor',
      'islamic-state',
      {
        name: 'Islamic State',
        kind: 'armed-group',
        derivedFields: false,
        incidents: ['2019-11-06 tj-2019-11-06-rudaki-border-post-attack claimant'],
      },
    ],
    [
      'a person in two incidents, latest first, with roles',
      'actor',
      'rahmon',
      {
        name: 'Emomali Rahmon',
        kind: 'person',
        derivedFields: false,
        incidents: [
          '2015-09-04 tj-2015-09-04-dushanbe-vahdat-attacks official',
          '1992-01-01 tj-1992-1997-civil-war leader',
        ],
      },
    ],
    [
      'a person in no incident',
      'actor',
      'putin',
      { name: 'Vladimir Putin', kind: 'person', derivedFields: false, incidents: [] },
    ],
    [
      'a place in two incidents, no roles',
      'place',
      'vahdat',
      {
        name: 'Vahdat',
        kind: 'city',
        derivedFields: false,
        incidents: [
          '2015-09-05 tj-2015-09-05-nazarzoda-operation -',
          '2015-09-04 tj-2015-09-04-dushanbe-vahdat-attacks -',
        ],
      },
    ],
    ['an unknown actor', 'actor', 'nobody', null],
    ['a place id asked as an actor', 'actor', 'vahdat', null],
  ] as const)('%s', async (_label, kind, id, expected) => {
    expect(await summaryOf(kind, id)).toEqual(expected);
  });

  test('the background handler waits for the install and answers the same', async () => {
    let ready = false;
    const handlers = createEntityHandlers(db, async () => {
      ready = true;
    });
    const details = await handlers['entity.get']({ kind: 'place', id: 'ramit-gorge' });
    expect([ready, details?.place?.name, details?.incidents.map((i) => i.id)]).toEqual([
      true,
      'Ramit Gorge',
      ['tj-2015-09-05-nazarzoda-operation'],
    ]);
  });
});
