/**
 * The background's sync wiring (entrypoints/background/sync.ts) with WXT's
 * fake browser and fake-indexeddb: the alarm follows the settings' interval,
 * 'sync.now' through the real message protocol starts one sync and answers
 * started: false while it runs, 'sync.status' follows the phases, an alarm
 * starts a sync, and the last run's error outlives the service worker.
 * Downloads come from an in-memory fetch whose answers a test can hold back.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledDataset } from '../../data/index';
import { SETTINGS_KEY, defaultSettings, type Settings } from '../../core/settings';
import { TriangulateDatabase } from '../../db/database';
import { installBundledDataset } from '../../db/dataset';
import { sendMessage, type SyncStatusReply } from '../../messaging/protocol';
import {
  SYNC_ALARM,
  createSyncService,
  startSync,
  type SyncEnvironment,
  type SyncService,
} from '../../entrypoints/background/sync';
import { NEW_INCIDENT_ID, publish, withNewIncident, type Published } from './syncFixtures';

const ORIGIN = 'https://data.example.org';
const MANIFEST = `${ORIGIN}/data/manifest.json`;

let v2: Published;
let db: TriangulateDatabase;
let dbCounter = 0;
let installed: Promise<void>;
let service: SyncService | undefined;

/** A promise and its resolve (Promise.withResolvers is not in Node 20). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** An in-memory server: path -> answer; a held path waits until released. */
function fakeServer() {
  const answers = new Map<string, { status: number; body: Uint8Array | string }>();
  const held = new Map<string, { release: () => void; reached: Promise<void> }>();
  const requested: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    const path = new URL(String(input)).pathname;
    requested.push(path);
    const gate = held.get(path);
    if (gate) await gate.reached;
    const answer = answers.get(path) ?? { status: 404, body: 'not found' };
    return new Response(answer.body as BodyInit, { status: answer.status });
  };
  return {
    fetch,
    requested,
    serve(published: Published) {
      answers.set('/data/manifest.json', { status: 200, body: JSON.stringify(published.manifest) });
      answers.set(`/data/${published.manifest.snapshot.url}`, {
        status: 200,
        body: new Uint8Array(published.snapshot),
      });
    },
    fail(path: string, status: number) {
      answers.set(path, { status, body: 'error' });
    },
    /** Holds requests to `path` until the returned function is called. */
    hold(path: string): () => void {
      const { promise: reached, resolve: release } = deferred();
      held.set(path, { release, reached });
      return release;
    },
  };
}

async function saveSettings(changes: Partial<Settings>): Promise<void> {
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), ...changes } });
}

const oneSource = { sources: [{ url: MANIFEST, publicKey: null, enabled: true }] };

function environment(server: ReturnType<typeof fakeServer>): Partial<SyncEnvironment> {
  return {
    fetch: server.fetch,
    checkPermission: async () => null,
    now: () => new Date('2026-11-22T10:00:00.000Z'),
  };
}

function start(server: ReturnType<typeof fakeServer>): SyncService {
  service = startSync(
    db,
    bundledDataset,
    () => installed,
    () => undefined,
    environment(server),
  );
  return service;
}

/** A second service on the same database, as a restarted worker would create. */
function restarted(server: ReturnType<typeof fakeServer>): SyncService {
  return createSyncService(
    db,
    bundledDataset,
    () => installed,
    () => undefined,
    environment(server),
  );
}

/** Polls sync.status (through the protocol) until `done` holds for it. */
async function statusWhen(done: (status: SyncStatusReply) => boolean): Promise<SyncStatusReply> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const status = await sendMessage('sync.status', {});
    if (done(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('sync.status never reached the expected state');
}

beforeAll(async () => {
  v2 = await publish(withNewIncident(2));
});

beforeEach(() => {
  fakeBrowser.reset();
  dbCounter += 1;
  db = new TriangulateDatabase(`sync-background-${dbCounter}`);
  installed = installBundledDataset(db, bundledDataset).then(() => undefined);
});

afterEach(async () => {
  await service?.whenIdle();
  service = undefined;
  await installed;
  await db.delete();
});

describe('the schedule', () => {
  test.each([
    { name: 'no settings saved: the default day', settings: null, periodInMinutes: 24 * 60 },
    { name: 'every 6 hours', settings: { syncIntervalHours: 6 }, periodInMinutes: 360 },
    { name: 'every 3 days', settings: { syncIntervalHours: 72 }, periodInMinutes: 4320 },
    {
      name: 'an invalid interval falls back',
      settings: { syncIntervalHours: 0 },
      periodInMinutes: 1440,
    },
  ])('$name', async ({ settings, periodInMinutes }) => {
    if (settings !== null) await saveSettings(settings);
    start(fakeServer());
    await expect
      .poll(() => fakeBrowser.alarms.get(SYNC_ALARM))
      .toMatchObject({
        name: SYNC_ALARM,
        periodInMinutes,
      });
  });

  test('changing the interval in settings moves the alarm', async () => {
    await saveSettings({ syncIntervalHours: 24 });
    start(fakeServer());
    await expect
      .poll(async () => (await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes)
      .toBe(1440);
    await saveSettings({ syncIntervalHours: 2 });
    await expect
      .poll(async () => (await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes)
      .toBe(120);
    expect((await sendMessage('sync.status', {})).nextSyncAt).not.toBeNull();
  });

  test('the alarm firing starts a sync', async () => {
    await saveSettings(oneSource);
    const server = fakeServer();
    server.serve(v2);
    start(server);
    await fakeBrowser.alarms.onAlarm.trigger({
      name: SYNC_ALARM,
      scheduledTime: Date.now(),
      persistAcrossSessions: false,
    });
    await service!.whenIdle();
    expect(server.requested).toEqual(['/data/manifest.json', '/data/snapshot.ndjson.gz']);
    expect((await db.live.incidents.get(NEW_INCIDENT_ID))?.id).toBe(NEW_INCIDENT_ID);
  });

  test('another alarm does not start a sync', async () => {
    await saveSettings(oneSource);
    const server = fakeServer();
    start(server);
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'something-else',
      scheduledTime: Date.now(),
      persistAcrossSessions: false,
    });
    await service!.whenIdle();
    expect(server.requested).toEqual([]);
  });
});

describe('sync.now and sync.status', () => {
  test('one sync at a time; the status follows its phases to the end', async () => {
    await saveSettings(oneSource);
    const server = fakeServer();
    server.serve(v2);
    const releaseManifest = server.hold('/data/manifest.json');
    const releaseSnapshot = server.hold('/data/snapshot.ndjson.gz');
    start(server);

    expect(await sendMessage('sync.now', {})).toEqual({ started: true });
    expect(await sendMessage('sync.now', {})).toEqual({ started: false });
    const inManifest = await statusWhen(() => server.requested.length === 1);
    expect(inManifest).toMatchObject({ running: true, phase: 'manifest', lastError: null });

    releaseManifest();
    const inDownload = await statusWhen(() => server.requested.length === 2);
    expect(inDownload).toMatchObject({
      running: true,
      phase: 'download',
      done: 0,
      total: v2.manifest.snapshot.bytes,
    });
    expect(await sendMessage('sync.now', {})).toEqual({ started: false });

    releaseSnapshot();
    const after = await statusWhen((status) => !status.running);
    expect(after).toEqual({
      running: false,
      phase: 'idle',
      done: 0,
      total: 0,
      lastSyncAt: '2026-11-22T10:00:00.000Z',
      nextSyncAt: after.nextSyncAt,
      lastError: null,
      sources: [
        { url: MANIFEST, version: 2, lastSyncAt: '2026-11-22T10:00:00.000Z', lastError: null },
      ],
    });
    expect(server.requested).toEqual(['/data/manifest.json', '/data/snapshot.ndjson.gz']);
    const lastRun = await db.syncState.get('lastRun');
    expect(Object.keys(lastRun?.phaseMs ?? {}).toSorted()).toEqual([
      'apply',
      'download',
      'manifest',
      'verify',
    ]);
    expect(await sendMessage('sync.now', {})).toEqual({ started: true });
  });

  test('the worker is kept alive while a sync runs, and only then', async () => {
    await saveSettings(oneSource);
    const server = fakeServer();
    server.serve(v2);
    const release = server.hold('/data/manifest.json');
    let calls = 0;
    service = startSync(
      db,
      bundledDataset,
      () => installed,
      () => undefined,
      {
        ...environment(server),
        keepAlive: async () => (calls += 1),
        keepAliveMs: 5,
      },
    );
    await sendMessage('sync.now', {});
    await expect.poll(() => calls).toBeGreaterThanOrEqual(3);
    release();
    await service.whenIdle();
    const afterRun = calls;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(afterRun);
  });

  test('the applied sync tells the background its data changed, once', async () => {
    await saveSettings(oneSource);
    const server = fakeServer();
    server.serve(v2);
    let changed = 0;
    service = startSync(
      db,
      bundledDataset,
      () => installed,
      () => (changed += 1),
      environment(server),
    );
    await sendMessage('sync.now', {});
    await service.whenIdle();
    await sendMessage('sync.now', {}); // up to date: nothing applied
    await service.whenIdle();
    expect(changed).toBe(1);
  });

  test.each([
    {
      name: 'no permission for the origin',
      permission: ORIGIN,
      status: 200,
      error: `The dataset from data.example.org could not be fetched: no permission for ${ORIGIN}. Allow it in Options.`,
    },
    {
      name: 'the server fails',
      permission: null,
      status: 503,
      error:
        'The dataset from data.example.org could not be fetched: the server answered HTTP 503.',
    },
  ])('$name: the error in plain words, per source and for the run', async (failure) => {
    await saveSettings(oneSource);
    const server = fakeServer();
    server.serve(v2);
    if (failure.status !== 200) server.fail('/data/manifest.json', failure.status);
    service = startSync(
      db,
      bundledDataset,
      () => installed,
      () => undefined,
      {
        ...environment(server),
        checkPermission: async () => failure.permission,
      },
    );
    await sendMessage('sync.now', {});
    await service.whenIdle();
    const status = await sendMessage('sync.status', {});
    expect(status.lastError).toBe(failure.error);
    expect(status.sources).toEqual([
      { url: MANIFEST, version: null, lastSyncAt: null, lastError: failure.error },
    ]);
    expect(await db.live.incidents.get(NEW_INCIDENT_ID)).toBeUndefined();
    // The run's times stop at the phase that failed.
    expect(Object.keys((await db.syncState.get('lastRun'))?.phaseMs ?? {})).toEqual(
      failure.status === 200 ? [] : ['manifest'],
    );
  });
});

describe('after the service worker restarts', () => {
  const HTTP_503 =
    'The dataset from data.example.org could not be fetched: the server answered HTTP 503.';

  test('the last run error is still reported', async () => {
    await saveSettings(oneSource);
    const server = fakeServer();
    server.fail('/data/manifest.json', 503);
    const first = start(server);
    first.start();
    await first.whenIdle();
    expect(await restarted(server).status()).toMatchObject({
      running: false,
      phase: 'idle',
      lastError: HTTP_503,
    });
  });

  test('a later successful run clears it, also after a restart', async () => {
    await saveSettings(oneSource);
    const server = fakeServer();
    server.fail('/data/manifest.json', 503);
    const first = start(server);
    first.start();
    await first.whenIdle();
    server.serve(v2);
    first.start();
    await first.whenIdle();
    expect((await first.status()).lastError).toBeNull();
    expect((await restarted(server).status()).lastError).toBeNull();
  });

  test('a run the browser cut short is reported as interrupted, with the data intact', async () => {
    await saveSettings(oneSource);
    await installed;
    await db.syncState.put({ key: 'running', source: MANIFEST, at: '2026-11-22T09:59:00.000Z' });
    const incidents = await db.live.incidents.count();
    const status = await restarted(fakeServer()).status();
    const interrupted =
      'The dataset from data.example.org did not finish: the browser stopped the extension during the sync. Nothing was changed; it will be tried again.';
    expect(status).toMatchObject({ phase: 'interrupted', lastError: interrupted });
    expect(status.sources[0]?.lastError).toBe(interrupted);
    expect(await db.live.incidents.count()).toBe(incidents);
    // Reported once: the next restart reads it as the last run's error, not as a new interruption.
    expect(await restarted(fakeServer()).status()).toMatchObject({
      phase: 'idle',
      lastError: interrupted,
    });
  });
});
