import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledDataset } from '../../data/index';
import { readPageEvidence } from '../../core/evidence';
import { buildLexicon } from '../../core/lexicon';
import { AliasMatcher } from '../../core/matcher';
import { collectPageSignals } from '../../page/signals';
import { extractVisibleText } from '../../page/visibleText';
import { parseDataset, type Dataset } from '../../core/schema';
import { TriangulateDatabase } from '../../db/database';
import { replaceDataset } from '../../db/dataset';
import { sendMessage } from '../../messaging/protocol';
import { startBackground, type BackgroundService } from '../../entrypoints/background/service';

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(`bundled dataset is invalid: ${parsed.errors.join('; ')}`);
const bundled: Dataset = parsed.dataset;

const bundledCounts = {
  meta: 1,
  outlets: bundled.outlets.length,
  actors: bundled.actors.length,
  places: bundled.places.length,
  incidents: bundled.incidents.length,
  reports: bundled.reports.length,
  figures: bundled.figures.length,
  userReports: 0,
  userFigures: 0,
};

let db: TriangulateDatabase;
let dbCounter = 0;
let service: BackgroundService | undefined;

/** Starts the background on this test's database; afterEach waits for its install. */
function start(bundle: unknown): BackgroundService {
  service = startBackground(db, bundle, () => undefined);
  return service;
}

beforeEach(async () => {
  fakeBrowser.reset();
  dbCounter += 1;
  db = new TriangulateDatabase(`background-test-${dbCounter}`);
});

afterEach(async () => {
  await service?.whenReady();
  service = undefined;
  await db.delete();
});

describe('the background service', () => {
  test('the bundled dataset is a real one (a test on an empty dataset proves nothing)', () => {
    expect(bundled.meta.datasetId).toBe('triangulate-seed');
    expect(bundled.incidents.length).toBeGreaterThan(5);
    expect(bundled.figures.length).toBeGreaterThan(20);
  });

  test('a message sent right after start waits for the install and sees all of it', async () => {
    start(bundledDataset);
    const status = await sendMessage('dataset.status', {});
    expect(status.counts).toEqual(bundledCounts);
    expect(status.meta).toEqual(bundled.meta);
    expect(status.source).toBe('bundled');
    expect(status.lastError).toBeNull();
  });

  test('lexicon.get gives the installed version, the actors, places and keywords, and the outlets', async () => {
    start(bundledDataset);
    const lexicon = await sendMessage('lexicon.get', {});
    expect(lexicon.datasetVersion).toBe(bundled.meta.version);
    expect(lexicon.entries).toContainEqual({
      targetId: 'nazarzoda',
      kind: 'actor',
      alias: 'Abdulkhalim Mirzo Nazarzod',
      weak: false,
    });
    expect(lexicon.entries).toContainEqual({
      targetId: 'nazarzoda',
      kind: 'actor',
      alias: 'Khalim',
      weak: true,
    });
    expect(lexicon.entries).toContainEqual({
      targetId: 'vahdat',
      kind: 'place',
      alias: 'Vahdat',
      weak: false,
    });
    // Every spelling the core would compile from the bundle, read back from IndexedDB.
    expect(lexicon.entries).toHaveLength(buildLexicon(bundled).length);
    expect(lexicon.outlets.map((outlet) => outlet.id)).toEqual(
      bundled.outlets.map((outlet) => outlet.id).toSorted(),
    );
  });

  test('an extension update with a newer bundle replaces the older installed dataset', async () => {
    const older = {
      ...bundled,
      meta: { ...bundled.meta, version: 1 },
      outlets: bundled.outlets.slice(0, 1),
    };
    const newer = { ...bundled, meta: { ...bundled.meta, version: 2 } };
    await replaceDataset(db, older, 'bundled');
    start(newer);
    await fakeBrowser.runtime.onInstalled.trigger({
      reason: 'update',
      previousVersion: '0.0.9',
    });
    const status = await sendMessage('dataset.status', {});
    expect(status.meta?.version).toBe(2);
    expect(status.counts.outlets).toBe(bundled.outlets.length);
  });

  test('runtime.onInstalled re-checks the bundle: data lost since start-up comes back', async () => {
    const started = start(bundledDataset);
    await started.whenReady();
    await db.meta.clear();
    await db.live.outlets.clear();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    const status = await sendMessage('dataset.status', {});
    expect(status.counts).toEqual(bundledCounts);
  });

  test('an invalid bundle leaves the database empty, reports why, and messages still get answers', async () => {
    start({ meta: bundled.meta, outlets: 'not a list' });
    const status = await sendMessage('dataset.status', {});
    expect(status.meta).toBeNull();
    expect(status.counts.incidents).toBe(0);
    expect(status.lastError?.message).toBe(
      'Invalid bundled dataset: outlets: Invalid type: Expected Array but received "not a list"; ' +
        'actors: Invalid key: Expected "actors" but received undefined; ' +
        'places: Invalid key: Expected "places" but received undefined; ' +
        'incidents: Invalid key: Expected "incidents" but received undefined; ' +
        'reports: Invalid key: Expected "reports" but received undefined; ' +
        'figures: Invalid key: Expected "figures" but received undefined',
    );
    expect(await sendMessage('lexicon.get', {})).toEqual({
      datasetVersion: null,
      entries: [],
      outlets: [],
    });
  });

  test('page.resolve links a real page (seed 000) and sends back only the linked bundles', async () => {
    start(bundledDataset);
    const html = readFileSync(
      join(import.meta.dirname, '../fixtures/pages/000_730a5c529c7b08ea.html'),
      'utf8',
    );
    const { document } = parseHTML(html);
    const text = extractVisibleText(document.body).text;
    const lexicon = await sendMessage('lexicon.get', {});
    const evidence = readPageEvidence(
      { text, signals: collectPageSignals(document) },
      AliasMatcher.build(lexicon.entries),
      lexicon.outlets,
    );
    const pageUrl =
      'https://www.rferl.org/a/tajikistan-attacks-dushanbe-vahdat-deputy-defense-minister/27227213.html';
    const reply = await sendMessage('page.resolve', { evidence, pageUrl });

    const linked = ['tj-1992-1997-civil-war', 'tj-2015-09-04-dushanbe-vahdat-attacks'];
    expect(reply.incidents.map((incident) => incident.incidentId).toSorted()).toEqual(linked);
    expect(reply.bundles.map((bundle) => bundle.incident.id).toSorted()).toEqual(linked);
    // Every other outlet's report of the attack, but not this page's own (seed-000-attack).
    const attack = reply.bundles.find((bundle) => bundle.incident.id === linked[1]);
    expect(attack?.reports.map((report) => report.id).toSorted()).toEqual([
      'seed-001-attack',
      'seed-002-attack',
    ]);
    expect(attack?.figures.map((figure) => figure.reportId).toSorted()).toEqual(
      bundled.figures
        .filter(
          (figure) =>
            figure.reportId === 'seed-001-attack' || figure.reportId === 'seed-002-attack',
        )
        .map((figure) => figure.reportId)
        .toSorted(),
    );
  });

  test('page.resolve refuses evidence that breaks the protocol, before touching the database', async () => {
    start(bundledDataset);
    await expect(
      sendMessage('page.resolve', { evidence: { matches: 'everything' } } as never),
    ).rejects.toThrow(
      'Invalid page.resolve request: evidence.facts: Invalid key: Expected "facts" but received undefined',
    );
  });
});
