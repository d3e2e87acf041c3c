/**
 * axe-core in Chromium on the popup (this page, a checked claim, the incident
 * picker) and the options page (with a source, a saved page, a field error,
 * the reset confirmation, dark theme): any violation fails the test and is
 * printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  FIXTURES_DIR,
  launchWithExtension,
  ROOT,
  serveDirectory,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';
import { settledSummary } from './overlay.helpers';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

let browser: ExtensionBrowser;
let server: StaticServer;
let tabId: number;

beforeAll(async () => {
  server = await serveDirectory(FIXTURES_DIR);
  browser = await launchWithExtension();
  const article = await browser.context.newPage();
  await article.goto(server.url('pages/000_730a5c529c7b08ea.html'));
  await settledSummary(browser, article);
  tabId = (await browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  })) as number;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[] }[];
}

async function violations(page: Page): Promise<string[]> {
  // Extension pages forbid inline scripts (CSP); evaluate goes through DevTools and is not blocked.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const found = (await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }
    ).axe.run();
    return result.violations;
  })) as AxeViolation[];
  return found.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
  );
}

describe('accessibility (axe-core)', () => {
  test.each([
    ['this page', async (_popup: Page) => undefined],
    [
      'a checked claim',
      async (popup: Page) => {
        await popup.getByRole('tab', { name: 'Check a figure' }).click();
        await popup.getByLabel('Claim', { exact: true }).fill('33 soldiers killed in Dushanbe');
        await popup.getByRole('button', { name: 'Check', exact: true }).click();
        await popup.getByTestId('verdict').waitFor();
      },
    ],
    [
      'the incident picker with suggestions',
      async (popup: Page) => {
        await popup.getByRole('tab', { name: 'Check a figure' }).click();
        await popup.getByLabel('Pick an incident and a number').check();
        await popup.getByRole('combobox', { name: 'Incident' }).fill('rasht');
        await popup.getByTestId('suggestion').first().waitFor();
      },
    ],
  ])('popup: %s', async (_name, prepare) => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('dataset-version').waitFor();
    await popup.getByTestId('page-found').waitFor();
    await prepare(popup);
    const found = await violations(popup);
    if (found.length > 0) console.log(found.join('\n'));
    expect(found).toEqual([]);
    await popup.close();
  });
});

describe('accessibility (axe-core): options', () => {
  beforeAll(async () => {
    // A source and a saved page, so their rows are checked too (no sync: the rows only need settings).
    await browser.worker.evaluate(() =>
      chrome.storage.local.set({
        settings: {
          version: 1,
          sources: [
            { url: 'https://data.example.org/manifest.json', publicKey: null, enabled: true },
            { url: 'http://plain.example.org/manifest.json', publicKey: null, enabled: false },
          ],
          siteMode: 'list',
          allowedSites: ['rferl.org'],
          disabledSites: ['example.org'],
        },
      }),
    );
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'user.saveReport',
        payload: {
          draft: {
            incidentId: 'tj-2015-09-04-dushanbe-vahdat-attacks',
            url: 'https://news.example.org/vahdat',
            title: 'Eight police killed in Vahdat',
            outletId: null,
            outletName: 'Example News',
            publishedAt: '2015-09-05',
            language: 'en',
            figures: [],
          },
        },
      }),
    );
    await page.close();
  });

  test.each([
    ['as it opens', async (_options: Page) => undefined],
    [
      'a refused field and the reset confirmation',
      async (options: Page) => {
        await options.getByLabel('Public key (optional)').fill('AAAA');
        await options.getByLabel('Manifest address').fill('https://other.example.org/m.json');
        await options.getByRole('button', { name: 'Add source' }).click();
        await options.getByTestId('source-key-error').waitFor();
        await options.getByRole('button', { name: 'Reset to defaults…' }).click();
        await options.getByTestId('reset-confirm').waitFor();
      },
    ],
    [
      'in the dark theme',
      async (options: Page) => {
        await options.getByRole('radio', { name: 'Dark' }).check();
        await options.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
      },
    ],
  ])('options: %s', async (_name, prepare) => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('saved-page').waitFor();
    await options.getByTestId('shortcuts').waitFor();
    expect(await options.getByTestId('source-row').count()).toBe(2);
    await prepare(options);
    const found = await violations(options);
    if (found.length > 0) console.log(found.join('\n'));
    expect(found).toEqual([]);
    await options.close();
  });
});

test('the check itself catches a violation (an image without alt text)', async () => {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.getByTestId('dataset-version').waitFor();
  await popup.evaluate(() => document.querySelector('main')?.append(document.createElement('img')));
  expect((await violations(popup)).map((v) => v.split(':')[0])).toEqual(['image-alt']);
  await popup.close();
});

declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number }[]> };
  storage: { local: { set(items: object): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};
