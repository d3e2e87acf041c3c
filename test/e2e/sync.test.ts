/**
 * Dataset sync in a real Chromium, end to end: a source served from a local
 * HTTP server (snapshot and manifest built by the real builder) is added to
 * the settings, synced from the popup's Sync now button, and a news page
 * about the incident only the new version knows gets linked to it. Then a
 * newer version whose snapshot bytes do not match the manifest's hash is
 * refused: the popup says so in plain words, IndexedDB (read in the service
 * worker) is exactly as before, the page is still linked, and the error is
 * still reported after the service worker is stopped and started again.
 *
 * The source's host permission is granted at install (syncBrowser.ts says
 * why: Chromium's permission dialog cannot be accepted in headless mode).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultSettings } from '../../core/settings';
import { ARTIFACTS_DIR, READ_DB_COUNTS, type ExtensionBrowser } from './harness';
import { settledSummary } from './overlay.helpers';
import {
  launchWithHostPermission,
  sendFromPage,
  stopServiceWorker,
  writeSettings,
} from './syncBrowser';
import {
  NEW_INCIDENT_ID,
  bundled,
  publish,
  startServer,
  withNewIncident,
  type Published,
  type TestServer,
} from '../unit/syncFixtures';

/** A news page about the fictional incident that only version 2 of the dataset knows. */
const SARBAND_ARTICLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Six border guards killed in ambush at Sarband checkpoint</title>
<meta property="article:published_time" content="2024-03-15T08:00:00Z">
</head><body><article>
<h1>Six border guards killed in ambush at Sarband checkpoint</h1>
<p>DUSHANBE, March 15 - Six border guards were killed on Thursday when gunmen led by
Ilhom Sabzaliev attacked the Sarband checkpoint in Khatlon region, the border service said.</p>
<p>The border service said the attackers crossed the river at night. Ilhom Sabzaliev, a former
commander, has not commented. The Sarband checkpoint ambush is the deadliest attack on the
border this year.</p>
</article></body></html>`;

const base = bundled();
let browser: ExtensionBrowser;
let server: TestServer;
let v2: Published;
let v3: Published;

const manifestUrl = () => `${server.origin}/data/manifest.json`;
const articleUrl = () => `${server.origin}/news/sarband.html`;

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  server = await startServer();
  v2 = await publish(withNewIncident(2));
  v3 = await publish(withNewIncident(3));
  server.routes.set('/news/sarband.html', {
    body: SARBAND_ARTICLE,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
  browser = await launchWithHostPermission();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPopup(): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 800 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByTestId('sync-now').waitFor();
  return popup;
}

/** Clicks Sync now like a user and waits until the popup says it is done. */
async function syncFromPopup(popup: Page): Promise<void> {
  await popup.getByTestId('sync-now').click();
  await expect
    .poll(async () => (await sendFromPage(popup, 'sync.status', {})).running, { timeout: 30_000 })
    .toBe(false);
  await expect.poll(() => popup.getByTestId('sync-now').textContent()).toBe('Sync now');
}

let articleShots = 0;

/** The incidents the content script linked on the Sarband article. */
async function linkedIncidents(): Promise<string[]> {
  const page = await browser.context.newPage();
  await page.goto(articleUrl());
  const summary = await settledSummary(browser, page);
  await page.screenshot({ path: join(ARTIFACTS_DIR, `sync-article-${++articleShots}.png`) });
  await page.close();
  expect(summary.error).toBeNull();
  return summary.incidents.map((incident) => incident.incidentId);
}

const bundledCounts = {
  outlets: base.outlets.length,
  actors: base.actors.length,
  places: base.places.length,
  incidents: base.incidents.length,
  reports: base.reports.length,
  figures: base.figures.length,
};
const syncedCounts = {
  outlets: base.outlets.length,
  actors: base.actors.length + 1,
  places: base.places.length + 1,
  incidents: base.incidents.length + 1,
  reports: base.reports.length + 1,
  figures: base.figures.length + 1,
};

async function dataCounts(): Promise<Record<string, number>> {
  const counts = (await browser.worker.evaluate(READ_DB_COUNTS)) as Record<string, number>;
  return Object.fromEntries(Object.keys(bundledCounts).map((table) => [table, counts[table]!]));
}

describe('sync in Chromium', () => {
  test('before any source: the article names no incident the bundled dataset knows', async () => {
    expect(await linkedIncidents()).toEqual([]);
    expect(await dataCounts()).toEqual(bundledCounts);
  });

  test('a source added and synced from the popup links the article to its new incident', async () => {
    server.serve(v2);
    await writeSettings(browser, {
      ...defaultSettings(),
      sources: [{ url: manifestUrl(), publicKey: null, enabled: true }],
    });
    const popup = await openPopup();
    await syncFromPopup(popup);
    const status = await sendFromPage(popup, 'sync.status', {});
    expect(status).toMatchObject({
      running: false,
      lastError: null,
      sources: [{ url: manifestUrl(), version: 2, lastError: null }],
    });
    await expect
      .poll(() => popup.getByTestId('count-incidents').textContent())
      .toBe(String(syncedCounts.incidents));
    // The popup names the synced source's version, not only the bundled one.
    await expect
      .poll(() => popup.getByTestId('source-version').textContent())
      .toMatch(new RegExp(`^${new URL(manifestUrl()).host}: version 2, synced `));
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'sync-popup-applied.png') });
    await popup.close();
    expect(server.log.filter((line) => line.startsWith('GET /data/'))).toEqual([
      'GET /data/manifest.json -',
      'GET /data/snapshot.ndjson.gz -',
    ]);
    expect(await dataCounts()).toEqual(syncedCounts);
    expect(await linkedIncidents()).toEqual([NEW_INCIDENT_ID]);
  });

  test('a newer version with corrupted bytes is refused in plain words, the data as it was', async () => {
    server.serve(v3);
    const corrupt = Buffer.from(v3.snapshot);
    for (let i = 100; i < 164; i++) corrupt[i] = corrupt[i]! ^ 0xff; // same size, other bytes
    server.routes.set(`/data/${v3.manifest.snapshot.url}`, { body: corrupt });
    const before = await browser.worker.evaluate(READ_DB_COUNTS);

    const popup = await openPopup();
    await syncFromPopup(popup);
    const error = `The dataset from ${new URL(server.origin).host} was refused: its checksum does not match the manifest.`;
    await expect
      .poll(() => popup.getByTestId('last-error').textContent())
      .toBe(`Last error: ${error}`);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'sync-popup-refused.png') });
    expect(await sendFromPage(popup, 'sync.status', {})).toMatchObject({
      lastError: error,
      sources: [{ url: manifestUrl(), version: 2, lastError: error }],
    });
    await popup.close();

    expect(await browser.worker.evaluate(READ_DB_COUNTS)).toEqual(before);
    expect(await linkedIncidents()).toEqual([NEW_INCIDENT_ID]);
  });

  test('the error is still reported after the browser stops the service worker', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await browser.worker.evaluate(() => Object.assign(globalThis, { beforeRestart: true }));
    const stopped = await stopServiceWorker(page);

    // The popup's messages wake a new worker, which reads the last run back from IndexedDB.
    const popup = await openPopup();
    await stopped.running();
    await page.close();
    expect(await browser.worker.evaluate(() => 'beforeRestart' in globalThis)).toBe(false);
    const error = `The dataset from ${new URL(server.origin).host} was refused: its checksum does not match the manifest.`;
    expect((await sendFromPage(popup, 'sync.status', {})).lastError).toBe(error);
    await expect
      .poll(() => popup.getByTestId('last-error').textContent())
      .toBe(`Last error: ${error}`);
    await popup.close();
    expect(await dataCounts()).toEqual(syncedCounts);
  });
});
