/**
 * Privacy in Chromium: every network request made while syncing from a
 * configured source and browsing the seed pages (popovers opened, popup
 * used) is recorded, from pages and from the extension's service worker.
 * The extension may talk to the configured dataset source and nothing else;
 * pages may load from their own server; no request anywhere carries the
 * pages' text.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultSettings } from '../../core/settings';
import { FIXTURES_DIR, serveDirectory, type ExtensionBrowser, type StaticServer } from './harness';
import { sendToPage, settledSummary } from './overlay.helpers';
import { launchWithHostPermission, sendFromPage, writeSettings } from './syncBrowser';
import { publish, startServer, withNewIncident, type TestServer } from '../unit/syncFixtures';

interface Seen {
  url: string;
  method: string;
  /** 'worker' for the extension's service worker, else the page's URL. */
  from: string;
  body: string;
}

let browser: ExtensionBrowser;
let source: TestServer;
let pages: StaticServer;
const seen: Seen[] = [];

function recordRequest(request: Request): void {
  const from = request.serviceWorker() ? 'worker' : (safeFrameUrl(request) ?? 'unknown');
  seen.push({ url: request.url(), method: request.method(), from, body: request.postData() ?? '' });
}

function safeFrameUrl(request: Request): string | null {
  try {
    return request.frame().url();
  } catch {
    return null;
  }
}

beforeAll(async () => {
  source = await startServer();
  source.serve(await publish(withNewIncident(2)));
  pages = await serveDirectory(FIXTURES_DIR);
  browser = await launchWithHostPermission();
  browser.context.on('request', recordRequest);
  await writeSettings(browser, {
    ...defaultSettings(),
    sources: [{ url: `${source.origin}/data/manifest.json`, publicKey: null, enabled: true }],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await source?.close();
  await pages?.close();
});

const SEED_PAGES = readdirSync(join(FIXTURES_DIR, 'pages')).filter((file) =>
  file.endsWith('.html'),
);
/** Phrases of the seed pages' text that must never appear in any request. */
const PAGE_PHRASES = ['Nazarzod', 'policemen', 'Vahdat', 'Rasht', 'border post'];

describe('what the extension sends over the network', () => {
  test('sync from the popup, then every seed page annotated with a popover open', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await sendFromPage(popup, 'sync.now', {});
    await expect
      .poll(async () => (await sendFromPage(popup, 'sync.status', {})).running, { timeout: 30_000 })
      .toBe(false);
    expect(await sendFromPage(popup, 'sync.status', {})).toMatchObject({ lastError: null });
    await popup.close();

    for (const file of SEED_PAGES) {
      const page = await browser.context.newPage();
      await page.goto(pages.url(`pages/${file}`));
      const summary = await settledSummary(browser, page);
      expect(summary.error).toBeNull();
      const figure = summary.figures.find(
        (f) => f.verdict !== null && f.verdict !== 'no-comparable',
      );
      if (figure)
        await sendToPage(browser, page, 'page.reveal', { kind: 'figure', index: figure.index });
      await page.waitForTimeout(300);
      await page.close();
    }

    const http = seen.filter((request) => /^https?:/.test(request.url));
    const fromWorker = http.filter((request) => request.from === 'worker');
    const fromPages = http.filter((request) => request.from !== 'worker');
    // The extension's own traffic: the configured source's manifest and snapshot,
    // nothing else (a settings change may start a sync of its own: same two files).
    const allowed = [
      `${source.origin}/data/manifest.json`,
      `${source.origin}/data/snapshot.ndjson.gz`,
    ];
    expect(new Set(fromWorker.map((request) => request.url))).toEqual(new Set(allowed));
    expect(fromWorker.filter((request) => request.method !== 'GET')).toEqual([]);
    // Requests in the pages' frames go to the pages' own server only (content
    // script requests would show here too: there are none to anywhere else).
    expect(fromPages.length).toBeGreaterThanOrEqual(SEED_PAGES.length);
    expect(fromPages.filter((request) => !request.url.startsWith(pages.origin))).toEqual([]);
    // No request anywhere carries the pages' text, in its address or its body.
    for (const phrase of PAGE_PHRASES) {
      expect(http.filter((r) => `${decodeURIComponent(r.url)} ${r.body}`.includes(phrase))).toEqual(
        [],
      );
    }
    // The dataset server saw the same: sync requests only.
    expect(
      source.log.filter(
        (line) => !/^GET \/data\/(?:manifest\.json|snapshot\.ndjson\.gz) /.test(line),
      ),
    ).toEqual([]);
  }, 120_000);
});
