/**
 * The options page in a real Chromium (chrome-extension://<id>/options.html):
 * adding a dataset source (refused, then granted and synced), turning
 * highlight kinds off and seeing the content script on a seed page drop them
 * ('page.summary'), the theme, a turned-off site, saved pages exported and
 * imported again, the shortcuts, reset to defaults, and the popup's Options
 * link. Screenshots go to artifacts/options-*.png.
 *
 * Host permissions: Chromium answers chrome.permissions.request with a
 * browser dialog that headless mode cannot accept or refuse (the promise
 * never settles; microsoft/playwright#32755). So the browser runs a copy of
 * the extension granted http://127.0.0.1/* at install (syncBrowser.ts): the
 * options page's real request for the test server's origin then resolves
 * true at once with no dialog, exactly as after a user's Allow. The refusal
 * is what Chromium returns when the user clicks Deny (false): the test
 * replaces chrome.permissions.request in the options page with one that
 * answers false, and the page must say why and add nothing.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultSettings, type Settings } from '../../core/settings';
import {
  ARTIFACTS_DIR,
  FIXTURES_DIR,
  serveDirectory,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';
import { settledSummary } from './overlay.helpers';
import { launchWithHostPermission, sendFromPage, writeSettings } from './syncBrowser';
import {
  keyPair,
  publish,
  startServer,
  withNewIncident,
  type TestServer,
} from '../unit/syncFixtures';

const SEED = 'pages/000_730a5c529c7b08ea.html';

let browser: ExtensionBrowser;
let pages: StaticServer;
let data: TestServer;
let publicKey: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  pages = await serveDirectory(FIXTURES_DIR);
  data = await startServer();
  const keys = keyPair();
  publicKey = keys.publicKey;
  data.serve(await publish(withNewIncident(2), keys.privateKeyPem));
  browser = await launchWithHostPermission();
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await data?.close();
});

const manifestUrl = () => `${data.origin}/data/manifest.json`;

async function openOptions(): Promise<Page> {
  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 900, height: 1000 });
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Triangulate options' }).waitFor();
  await options.getByRole('heading', { name: 'Dataset sources' }).waitFor();
  return options;
}

async function storedSettings(): Promise<Settings> {
  const stored = (await browser.worker.evaluate(async () =>
    chrome.storage.local.get('settings'),
  )) as { settings: Settings };
  return stored.settings;
}

const notice = (options: Page) => options.getByTestId('notice').textContent();

describe('options: dataset sources', () => {
  test('a key of the wrong length is refused before any permission is asked', async () => {
    const options = await openOptions();
    await options.getByLabel('Manifest address').fill(manifestUrl());
    await options.getByLabel('Public key (optional)').fill('AAAA');
    await options.getByRole('button', { name: 'Add source' }).click();
    await expect
      .poll(() => options.getByTestId('source-key-error').textContent())
      .toBe('The public key is 3 bytes long; an Ed25519 public key is 32.');
    expect(await options.getByLabel('Public key (optional)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect((await storedSettings())?.sources ?? []).toEqual([]);
    await options.close();
  });

  test('refused permission: the source is not added and the page says why', async () => {
    const options = await openOptions();
    // What Chromium answers when the user clicks Deny in its permission dialog.
    await options.evaluate(() => {
      const asked: unknown[] = [];
      Object.assign(globalThis, { asked });
      chrome.permissions.request = (request: unknown) => {
        asked.push(request);
        return Promise.resolve(false);
      };
    });
    await options.getByLabel('Manifest address').fill('https://data.example.org/manifest.json');
    await options.getByRole('button', { name: 'Add source' }).click();
    const refusal =
      'Not added: Triangulate was not allowed to read from https://data.example.org, and it needs that to download the dataset. Add it again and choose Allow.';
    await expect.poll(() => notice(options)).toBe(refusal);
    expect(await options.getByTestId('source-url-error').textContent()).toBe(refusal);
    expect(await options.evaluate(() => (globalThis as { asked?: unknown }).asked)).toEqual([
      { origins: ['https://data.example.org/*'] },
    ]);
    expect((await storedSettings())?.sources ?? []).toEqual([]);
    await options.getByTestId('no-sources').waitFor();
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'options-source-refused.png') });
    await options.close();
  });

  test('granted: the source with its pinned key is added, synced, and its version shown', async () => {
    const options = await openOptions();
    await options.getByLabel('Manifest address').fill(manifestUrl());
    await options.getByLabel('Public key (optional)').fill(publicKey);
    await options.getByRole('button', { name: 'Add source' }).click();
    await options.getByTestId('source-row').waitFor();
    expect((await storedSettings()).sources).toEqual([
      { url: manifestUrl(), publicKey, enabled: true },
    ]);
    await expect
      .poll(() => options.getByTestId('source-sync').first().textContent(), { timeout: 30_000 })
      .toMatch(/^Version 2 installed, synced .+\.$/);
    await expect.poll(() => notice(options)).toBe('Sync finished.');
    expect(await options.getByLabel(`Manifest address`).inputValue()).toBe('');
    expect(data.log.filter((line) => line.startsWith('GET /data/'))).toEqual([
      'GET /data/manifest.json -',
      'GET /data/snapshot.ndjson.gz -',
    ]);
    await options.screenshot({
      path: join(ARTIFACTS_DIR, 'options-source-synced.png'),
      fullPage: true,
    });

    // Turned off, then on again: the switch writes the setting.
    const sourceSwitch = options.getByRole('checkbox', {
      name: `Sync from this source ${manifestUrl()}`,
    });
    await sourceSwitch.uncheck();
    await expect.poll(async () => (await storedSettings()).sources[0]?.enabled).toBe(false);
    await sourceSwitch.check();
    await expect.poll(async () => (await storedSettings()).sources[0]?.enabled).toBe(true);
    await options.close();
  });

  test('the sync interval is written as chosen', async () => {
    const options = await openOptions();
    await options.getByLabel('Check for updates').selectOption({ label: 'Every 6 hours' });
    await expect.poll(async () => (await storedSettings()).syncIntervalHours).toBe(6);
    await options.close();
  });
});

describe('options: pages follow at once', () => {
  test('highlight kinds turned off disappear from an open seed page, and come back', async () => {
    const article = await browser.context.newPage();
    await article.goto(pages.url(SEED));
    const before = (await settledSummary(browser, article)).counts;
    expect(before.actor).toBeGreaterThan(0);
    expect(before.place).toBeGreaterThan(0);
    expect(before.figure).toBeGreaterThan(0);

    const options = await openOptions();
    await options.getByRole('checkbox', { name: /^Names/ }).uncheck();
    await options.getByRole('checkbox', { name: /^Casualty figures/ }).uncheck();
    await expect
      .poll(async () => (await storedSettings()).highlight)
      .toEqual({ actors: false, places: true, incidents: true, figures: false });
    await expect
      .poll(async () => (await settledSummary(browser, article)).counts)
      .toEqual({ ...before, actor: 0, figure: 0 });
    await options.bringToFront();
    await options.getByRole('checkbox', { name: /^Names/ }).check();
    await options.getByRole('checkbox', { name: /^Casualty figures/ }).check();
    await expect.poll(async () => (await settledSummary(browser, article)).counts).toEqual(before);
    await options.close();
    await article.close();
  });

  test('a site turned off stops Triangulate on it; removed, it runs again', async () => {
    const article = await browser.context.newPage();
    await article.goto(pages.url(SEED));
    expect((await settledSummary(browser, article)).state).toBe('ready');

    const options = await openOptions();
    const turnedOff = options.getByRole('group', { name: 'Turned off on these sites' });
    await turnedOff.getByLabel('Add a site').fill(`${pages.origin}/some/page.html`);
    await turnedOff.getByRole('button', { name: 'Add to the sites turned off' }).click();
    await expect
      .poll(() => options.getByTestId('disabled-sites').locator('li span').first().textContent())
      .toBe('127.0.0.1');
    expect((await storedSettings()).disabledSites).toEqual(['127.0.0.1']);
    await expect.poll(async () => (await settledSummary(browser, article)).state).toBe('off');
    await options.bringToFront();
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'options-sites.png'), fullPage: true });

    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect.poll(async () => (await storedSettings()).disabledSites).toEqual([]);
    await expect.poll(async () => (await settledSummary(browser, article)).state).toBe('ready');
    await options.close();
    await article.close();
  });

  test('the theme is written and the page follows it', async () => {
    const options = await openOptions();
    await options.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(async () => (await storedSettings()).theme).toBe('dark');
    await expect
      .poll(() => options.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .toBe('rgb(28, 28, 30)');
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'options-dark.png'), fullPage: true });
    await options.getByRole('radio', { name: 'Light' }).check();
    await expect
      .poll(() => options.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .toBe('rgb(255, 255, 255)');
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'options-light.png'), fullPage: true });
    await options.close();
  });
});

describe('options: saved pages', () => {
  test('exported to a file, deleted, imported again', async () => {
    const options = await openOptions();
    await sendFromPage(options, 'user.saveReport', {
      draft: {
        incidentId: 'tj-2015-09-04-dushanbe-vahdat-attacks',
        url: 'https://news.example.org/vahdat',
        title: 'Eight police killed in Vahdat',
        outletId: null,
        outletName: 'Example News',
        publishedAt: '2015-09-05',
        language: 'en',
        figures: [
          {
            low: 8,
            high: 8,
            qualifier: 'exact',
            side: 'security',
            sideLabel: 'policemen',
            outcome: 'killed',
            attributedTo: 'the interior ministry',
            quote: 'eight policemen were killed',
          },
        ],
      },
    });
    await options.reload();
    const saved = options.getByTestId('saved-page');
    await saved.first().waitFor();
    expect(await saved.count()).toBe(1);

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export as a file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^triangulate-saved-pages-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const file = join(ARTIFACTS_DIR, 'options-saved-pages.json');
    await download.saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8')) as {
      format: string;
      reports: { title: string }[];
      figures: unknown[];
    };
    expect([
      exported.format,
      exported.reports.map((r) => r.title),
      exported.figures.length,
    ]).toEqual(['triangulate-user-sources', ['Eight police killed in Vahdat'], 1]);
    await expect.poll(() => notice(options)).toBe('Exported 1 saved page with 1 figure.');

    await options.getByRole('button', { name: 'Delete Eight police killed in Vahdat' }).click();
    await options.getByTestId('no-saved-pages').waitFor();
    await expect.poll(() => notice(options)).toBe('Deleted “Eight police killed in Vahdat”.');

    await options.getByTestId('import-saved').setInputFiles(file);
    await saved.first().waitFor();
    await expect
      .poll(() => notice(options))
      .toBe('Imported 1 saved page with 1 figure from options-saved-pages.json.');
    expect(await saved.locator('strong').allTextContents()).toEqual([
      'Eight police killed in Vahdat',
    ]);

    // A file that is not an export is refused whole.
    await options.getByTestId('import-saved').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect.poll(() => notice(options)).toMatch(/^Nothing imported from notes\.json: .+/);
    expect(await saved.count()).toBe(1);
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'options-saved.png'), fullPage: true });
    await options.close();
  });
});

describe('options: shortcuts, reset, the popup link', () => {
  test('the shortcuts are listed with their keys, and Change opens the browser page', async () => {
    const options = await openOptions();
    const rows = options.getByTestId('shortcuts').locator('tbody tr');
    await rows.first().waitFor();
    const table = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    // Each row is what the browser reports now; a key Chromium keeps for itself stays unassigned.
    const reported = (await browser.worker.evaluate(async () =>
      (await chrome.commands.getAll()).map((command) => [command.name, command.shortcut]),
    )) as [string, string][];
    const keysOf = (name: string) =>
      reported.find(([reportedName]) => reportedName === name)?.[1] || 'Not set';
    expect(table).toEqual([
      ['Open the Triangulate popup', keysOf('_execute_action')],
      ['Go to the next annotation on the page', 'Alt+Shift+J'],
      ['Go to the previous annotation on the page', 'Alt+Shift+K'],
      ['Turn Triangulate off or on for this site', keysOf('toggle-site')],
    ]);
    const [opened] = await Promise.all([
      browser.context.waitForEvent('page'),
      options.getByRole('button', { name: 'Change shortcuts…' }).click(),
    ]);
    await expect.poll(() => opened.url()).toBe('chrome://extensions/shortcuts');
    await opened.close();
    await options.close();
  });

  test('reset asks first, then restores the defaults and keeps the sources', async () => {
    const sources = (await storedSettings()).sources;
    await writeSettings(browser, {
      ...defaultSettings(),
      sources,
      theme: 'dark',
      hoverDelayMs: 900,
      disabledSites: ['example.org'],
      highlight: { actors: false, places: true, incidents: true, figures: true },
    });
    const options = await openOptions();
    expect(await options.getByLabel('Hover delay (ms)').inputValue()).toBe('900');
    await options.getByRole('button', { name: 'Reset to defaults…' }).click();
    const confirmReset = options.getByRole('button', { name: 'Reset settings' });
    await confirmReset.waitFor();
    // Focus moves once the dialog has rendered: wait for it, do not race it.
    await expect
      .poll(() => confirmReset.evaluate((button) => button === document.activeElement))
      .toBe(true);
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'options-reset.png'), fullPage: true });

    // Cancel changes nothing and gives focus back.
    await options.getByRole('button', { name: 'Cancel' }).click();
    const opener = options.getByRole('button', { name: 'Reset to defaults…' });
    await opener.waitFor();
    await expect
      .poll(() => opener.evaluate((button) => button === document.activeElement))
      .toBe(true);
    expect((await storedSettings()).hoverDelayMs).toBe(900);

    await opener.click();
    await options.getByRole('button', { name: 'Reset settings' }).click();
    await expect.poll(() => notice(options)).toBe('Settings are back to their defaults.');
    expect(await storedSettings()).toEqual({ ...defaultSettings(), sources });
    expect(sources).toHaveLength(1);
    expect(await options.getByLabel('Hover delay (ms)').inputValue()).toBe('300');
    await options.close();
  });

  test('the hover delay is checked and written', async () => {
    const options = await openOptions();
    const delay = options.getByLabel('Hover delay (ms)');
    await delay.fill('5000');
    await delay.press('Enter');
    await expect
      .poll(() => notice(options))
      .toBe('The delay must be a whole number of milliseconds from 0 to 3000.');
    expect((await storedSettings()).hoverDelayMs).toBe(300);
    await delay.fill('650');
    await delay.press('Enter');
    await expect.poll(async () => (await storedSettings()).hoverDelayMs).toBe(650);
    await options.close();
  });

  test("the popup's Options link opens this page", async () => {
    // An open options tab would only be focused: start with none.
    for (const open of browser.context.pages()) {
      if (open.url().includes('/options.html')) await open.close();
    }
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const [opened] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Options' }).click(),
    ]);
    await expect
      .poll(() => opened.url())
      .toBe(`chrome-extension://${browser.extensionId}/options.html`);
    await opened.getByRole('heading', { name: 'Triangulate options' }).waitFor();
    await opened.close();
    await popup.close();
  });
});

declare const chrome: {
  commands: { getAll(): Promise<{ name: string; shortcut?: string }[]> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  permissions: { request: (request: unknown) => Promise<boolean> };
};
