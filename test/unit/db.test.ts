import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Dataset } from '../../core/schema';
import { Dexie } from 'dexie';
import { TriangulateDatabase, storeName } from '../../db/database';
import { installBundledDataset, recordError, replaceDataset } from '../../db/dataset';
import { datasetStatus, loadCandidates, loadLexicon } from '../../db/queries';

// A dataset small enough to read: an attack, the operation that followed it,
// and an unrelated war, reported by two outlets (one carrying the other's wire).
function makeDataset(version: number, datasetId = 'tajik-violence'): Dataset {
  return {
    meta: {
      datasetId,
      schema: 1,
      version,
      publishedAt: '2026-01-01T00:00:00Z',
      title: 'Test dataset',
      license: 'CC-BY-4.0',
    },
    outlets: [
      outlet('rferl', 'RFE/RL', 'rferl.org'),
      outlet('reuters', 'Reuters', 'reuters.com'),
      outlet('tass', 'TASS', 'tass.com'),
    ],
    actors: [
      {
        id: 'nazarzoda',
        name: 'Abdukhalim Nazarzoda',
        kind: 'person',
        aliases: ['Nazarzoda', 'Nazarzod'],
        weakAliases: ['Khalim'],
        description: '',
        links: [],
      },
      {
        id: 'rahmon',
        name: 'Emomali Rahmon',
        kind: 'person',
        aliases: ['Rakhmon'],
        weakAliases: [],
        description: '',
        links: [],
      },
    ],
    places: [place('vahdat', 'Vahdat', ['Vakhdat']), place('rasht', 'Rasht', [])],
    incidents: [
      incident('attack-2015', '2015-09-04', ['vahdat'], ['nazarzoda'], null),
      incident('operation-2015', '2015-09-05', [], [], 'attack-2015'),
      incident('ambush-2010', '2010-09-19', ['rasht'], ['rahmon'], null),
    ],
    reports: [
      report('r-attack-rferl', 'attack-2015', 'rferl', ['reuters']),
      report('r-operation-tass', 'operation-2015', 'tass', []),
      report('r-ambush-reuters', 'ambush-2010', 'reuters', []),
    ],
    figures: [
      figure('f-attack-police', 'r-attack-rferl', 'attack-2015', 8),
      figure('f-operation', 'r-operation-tass', 'operation-2015', 13),
      figure('f-ambush', 'r-ambush-reuters', 'ambush-2010', 28),
    ],
  };
}

function outlet(id: string, name: string, domain: string): Dataset['outlets'][number] {
  return {
    id,
    name,
    aliases: [],
    domains: [domain],
    country: null,
    ownership: 'unknown',
    url: null,
  };
}

function place(id: string, name: string, aliases: string[]): Dataset['places'][number] {
  return { id, name, kind: 'city', aliases, admin: null, country: 'TJ', lat: null, lon: null };
}

function incident(
  id: string,
  day: string,
  placeIds: string[],
  actorIds: string[],
  parentId: string | null,
): Dataset['incidents'][number] {
  return {
    id,
    title: id,
    kind: 'attack',
    startDate: day,
    endDate: day,
    datePrecision: 'day',
    placeIds,
    actors: actorIds.map((actorId) => ({ actorId, role: 'accused' as const })),
    parentId,
    keywords: [`${id} keyword`],
    summary: '',
  };
}

function report(
  id: string,
  incidentId: string,
  outletId: string,
  via: string[],
): Dataset['reports'][number] {
  return {
    id,
    incidentId,
    outletId,
    url: null,
    capture: null,
    publishedAt: '2015-09-04',
    publishedAtInferred: false,
    title: id,
    language: 'en',
    via,
    eventDate: null,
  };
}

function figure(
  id: string,
  reportId: string,
  incidentId: string,
  count: number,
): Dataset['figures'][number] {
  return {
    id,
    reportId,
    incidentId,
    outcome: 'killed',
    side: 'security',
    sideLabel: 'policemen',
    low: count,
    high: count,
    qualifier: 'exact',
    attributedTo: 'the ministry',
    attributionKind: 'official',
    quote: `${count} killed`,
  };
}

const fixedNow = () => new Date('2026-02-03T04:05:06Z');

let db: TriangulateDatabase;
let dbCounter = 0;

beforeEach(async () => {
  dbCounter += 1;
  db = new TriangulateDatabase(`test-db-${dbCounter}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

const syncedCounts = (dataset: Dataset) => ({
  meta: 1,
  outlets: dataset.outlets.length,
  actors: dataset.actors.length,
  places: dataset.places.length,
  incidents: dataset.incidents.length,
  reports: dataset.reports.length,
  figures: dataset.figures.length,
});

async function addUserRows() {
  const base = makeDataset(1);
  await db.userReports.add({ ...base.reports[0]!, id: 'u-report', createdAt: '2026-01-01' });
  await db.userFigures.add({ ...base.figures[0]!, id: 'u-figure', createdAt: '2026-01-01' });
}

describe('installBundledDataset', () => {
  test('installs into an empty database and counts every table', async () => {
    const outcome = await installBundledDataset(db, makeDataset(3), fixedNow);
    expect(outcome).toEqual({ action: 'installed', version: 3 });
    const status = await datasetStatus(db);
    expect(status).toEqual({
      meta: makeDataset(3).meta,
      source: 'bundled',
      installedAt: '2026-02-03T04:05:06.000Z',
      counts: {
        meta: 1,
        outlets: 3,
        actors: 2,
        places: 2,
        incidents: 3,
        reports: 3,
        figures: 3,
        userReports: 0,
        userFigures: 0,
      },
      lastError: null,
    });
  });

  test.each([
    { name: 'a newer bundle replaces', installed: 2, bundled: 3, action: 'updated', version: 3 },
    { name: 'the same version is kept', installed: 3, bundled: 3, action: 'kept', version: 3 },
    { name: 'an older bundle is ignored', installed: 3, bundled: 2, action: 'kept', version: 3 },
  ])('$name', async ({ installed, bundled, action, version }) => {
    await installBundledDataset(db, makeDataset(installed), fixedNow);
    const next = makeDataset(bundled);
    next.outlets.push(outlet('afp', 'AFP', 'afp.com')); // a change that shows whether it was written
    await addUserRows();

    expect(await installBundledDataset(db, next, fixedNow)).toEqual({ action, version });
    const status = await datasetStatus(db);
    expect(status.meta?.version).toBe(version);
    expect(status.counts.outlets).toBe(action === 'updated' ? 4 : 3);
    expect(status.counts.userReports).toBe(1);
    expect(status.counts.userFigures).toBe(1);
  });

  test('a dataset synced from elsewhere (another datasetId) is kept over the bundle', async () => {
    await replaceDataset(db, makeDataset(1, 'my-own-dataset'), 'https://example.org/manifest.json');
    expect(await installBundledDataset(db, makeDataset(9), fixedNow)).toEqual({
      action: 'kept',
      version: 1,
    });
    expect((await datasetStatus(db)).source).toBe('https://example.org/manifest.json');
  });

  test('an invalid bundle writes nothing and records the error', async () => {
    await installBundledDataset(db, makeDataset(1), fixedNow);
    const broken = makeDataset(2);
    broken.figures[0]!.reportId = 'no-such-report';
    const outcome = await installBundledDataset(db, broken, fixedNow);
    expect(outcome).toEqual({
      action: 'failed',
      errors: ['figures.f-attack-police.reportId: unknown id no-such-report'],
    });
    const status = await datasetStatus(db);
    expect(status.meta?.version).toBe(1);
    // meta holds the installed dataset and now the error row.
    expect(status.counts).toMatchObject({ ...syncedCounts(makeDataset(1)), meta: 2 });
    expect(status.lastError).toEqual({
      source: 'bundled',
      message:
        'Invalid bundled dataset: figures.f-attack-police.reportId: unknown id no-such-report',
      at: '2026-02-03T04:05:06.000Z',
    });
  });

  test('a bundle that is not a dataset at all fails before any write', async () => {
    const outcome = await installBundledDataset(db, { meta: null }, fixedNow);
    expect(outcome.action).toBe('failed');
    const status = await datasetStatus(db);
    expect(status.meta).toBeNull();
    expect(status.counts.outlets).toBe(0);
    expect(status.lastError?.message.startsWith('Invalid bundled dataset: meta')).toBe(true);
  });
});

describe('replaceDataset', () => {
  test('replaces every synced table, clears the last error and leaves user tables alone', async () => {
    await replaceDataset(db, makeDataset(1), 'bundled', fixedNow);
    await addUserRows();
    await recordError(db, 'https://example.org/m.json', 'timeout', fixedNow);
    const smaller = makeDataset(2);
    smaller.figures = [];
    smaller.reports = smaller.reports.slice(0, 1);
    await replaceDataset(db, smaller, 'https://example.org/m.json', fixedNow);

    const status = await datasetStatus(db);
    expect(status.counts).toEqual({
      ...syncedCounts(smaller),
      userReports: 1,
      userFigures: 1,
    });
    expect(status.lastError).toBeNull();
    expect(status.source).toBe('https://example.org/m.json');
  });

  test('stores derived index fields beside each record', async () => {
    await replaceDataset(db, makeDataset(1), 'bundled', fixedNow);
    const actor = await db.live.actors.get('nazarzoda');
    expect(actor?.aliasKeys).toEqual(['abduhalim nazarzoda', 'nazarzoda', 'halim']);
    const byAlias = await db.live.places.where('aliasKeys').equals('vahdat').primaryKeys();
    expect(byAlias).toEqual(['vahdat']);
    const byActor = await db.live.incidents.where('actorIds').equals('nazarzoda').primaryKeys();
    expect(byActor).toEqual(['attack-2015']);
  });
});

describe('loadCandidates', () => {
  beforeEach(async () => {
    await replaceDataset(db, makeDataset(1), 'bundled', fixedNow);
  });

  test.each([
    {
      query: { actorIds: ['nazarzoda'], placeIds: [], incidentIds: [] },
      ids: ['attack-2015', 'operation-2015'],
    },
    {
      query: { actorIds: [], placeIds: ['vahdat'], incidentIds: [] },
      ids: ['attack-2015', 'operation-2015'],
    },
    {
      query: { actorIds: [], placeIds: [], incidentIds: ['operation-2015'] },
      ids: ['attack-2015', 'operation-2015'],
    },
    { query: { actorIds: ['rahmon'], placeIds: [], incidentIds: [] }, ids: ['ambush-2010'] },
    {
      query: { actorIds: ['rahmon'], placeIds: ['vahdat'], incidentIds: [] },
      ids: ['ambush-2010', 'attack-2015', 'operation-2015'],
    },
    { query: { actorIds: ['nobody'], placeIds: ['nowhere'], incidentIds: ['nothing'] }, ids: [] },
    { query: { actorIds: [], placeIds: [], incidentIds: [] }, ids: [] },
  ])('$query -> $ids', async ({ query, ids }) => {
    const bundles = await loadCandidates(db, query);
    expect(bundles.map((bundle) => bundle.incident.id)).toEqual(ids);
  });

  test('bundles carry reports, figures, outlets incl. wires, places and actors, without derived fields', async () => {
    const [attack] = await loadCandidates(db, {
      actorIds: ['nazarzoda'],
      placeIds: [],
      incidentIds: [],
    });
    const dataset = makeDataset(1);
    expect(attack).toEqual({
      incident: dataset.incidents[0],
      reports: [dataset.reports[0]],
      figures: [dataset.figures[0]],
      outlets: [dataset.outlets[0], dataset.outlets[1]],
      places: [dataset.places[0]],
      actors: [dataset.actors[0]],
    });
  });
});

describe('loadLexicon', () => {
  test('gives the installed version, entries for every target and the outlet refs', async () => {
    await replaceDataset(db, makeDataset(4), 'bundled', fixedNow);
    const lexicon = await loadLexicon(db);
    expect(lexicon.datasetVersion).toBe(4);
    expect(new Set(lexicon.entries.map((entry) => entry.targetId))).toEqual(
      new Set([
        'nazarzoda',
        'rahmon',
        'vahdat',
        'rasht',
        'attack-2015',
        'operation-2015',
        'ambush-2010',
      ]),
    );
    expect(lexicon.entries).toContainEqual({
      targetId: 'nazarzoda',
      kind: 'actor',
      alias: 'Khalim',
      weak: true,
    });
    expect(lexicon.outlets).toEqual([
      { id: 'reuters', name: 'Reuters', aliases: [], domains: ['reuters.com'] },
      { id: 'rferl', name: 'RFE/RL', aliases: [], domains: ['rferl.org'] },
      { id: 'tass', name: 'TASS', aliases: [], domains: ['tass.com'] },
    ]);
  });

  test('is empty before any dataset is installed', async () => {
    expect(await loadLexicon(db)).toEqual({ datasetVersion: null, entries: [], outlets: [] });
  });
});

describe('upgrading from version 2', () => {
  test('a version-2 database keeps its rows: they are the live set, and the second set starts empty', async () => {
    const name = `db-upgrade-${Date.now()}`;
    // What an installation from before version 3 has on disk: versions 1 and 2 only.
    const old = new Dexie(name);
    old.version(1).stores({ meta: 'key', actors: 'id, *aliasKeys', figures: 'id, incidentId' });
    old
      .version(2)
      .stores({ syncSources: 'url', syncOwnership: '[source+table], source', syncState: 'key' });
    await old
      .table('actors')
      .put({ id: 'nazarzoda', name: 'Abdukhalim Nazarzoda', aliasKeys: ['nazarzoda'] });
    old.close();

    const upgraded = new TriangulateDatabase(name);
    expect(upgraded.liveSet).toBe('a');
    expect((await upgraded.live.actors.toArray()).map((actor) => actor.id)).toEqual(['nazarzoda']);
    expect(upgraded.verno).toBe(3);
    expect(await upgraded.table(storeName('actors', 'b')).count()).toBe(0);
    await upgraded.delete();
  });

  test('the live set is read back when the database opens again', async () => {
    const name = `db-live-set-${Date.now()}`;
    const first = new TriangulateDatabase(name);
    await first.syncState.put({
      key: 'liveSet',
      source: null,
      at: '2026-01-01T00:00:00.000Z',
      set: 'b',
    });
    first.close();
    const again = new TriangulateDatabase(name);
    await again.open();
    expect(again.liveSet).toBe('b');
    expect(again.live.actors.name).toBe('actorsB');
    await again.delete();
  });
});
