/**
 * The popup in a real Chromium, opened as chrome-extension://<id>/popup.html
 * in a tab with ?tab=<id> of the article it is about: what the page holds,
 * revealing a figure, checking typed claims and picked figures, the context
 * menu's hand-over (?claim=), saving the page as a source, and the site
 * switch. Screenshots go to artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  FIXTURES_DIR,
  launchWithExtension,
  READ_DB_COUNTS,
  serveDirectory,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';
import { settledSummary } from './overlay.helpers';

const SEED = 'pages/000_730a5c529c7b08ea.html';

let browser: ExtensionBrowser;
let server: StaticServer;
let article: Page;
let articleTabId: number;

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  server = await serveDirectory(FIXTURES_DIR);
  browser = await launchWithExtension();
  article = await browser.context.newPage();
  await article.goto(server.url(SEED));
  await settledSummary(browser, article);
  articleTabId = (await browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  })) as number;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPopup(query = `tab=${articleTabId}`): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 800 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?${query}`);
  return popup;
}

async function checkClaim(popup: Page, claim: string): Promise<void> {
  await popup.getByRole('tab', { name: 'Check a figure' }).click();
  await popup.getByLabel('Claim', { exact: true }).fill(claim);
  await popup.getByRole('button', { name: 'Check', exact: true }).click();
  await popup.getByTestId('verdict').waitFor();
}

describe('popup: this page', () => {
  test('lists the incidents and compared figures of the page, each with its verdict', async () => {
    const popup = await openPopup();
    await popup.getByTestId('page-found').waitFor();
    const incidents = await popup
      .getByTestId('page-incidents')
      .locator('li button')
      .allTextContents();
    expect(incidents[0]).toBe(
      'Attacks on police in Dushanbe and Vahdat blamed on deputy defence minister Nazarzoda',
    );
    const verdicts = await popup
      .getByTestId('page-figures')
      .locator('[data-verdict]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-verdict')));
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts).toContain('agrees');
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'popup-this-page.png'), fullPage: true });

    // Choosing a figure asks the page to show it.
    await popup
      .getByTestId('page-figures')
      .locator('li', { has: popup.locator('[data-verdict="agrees"]') })
      .getByRole('button', { name: '“At least eight policemen”' })
      .click();
    await popup.getByText('Showing “At least eight policemen” on the page.').waitFor();
    await popup.close();
  });

  test('a tab without the content script gets a plain sentence', async () => {
    const blank = await browser.context.newPage();
    await blank.goto('about:blank');
    const blankId = (await browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    })) as number;
    const popup = await openPopup(`tab=${blankId}`);
    await popup.getByTestId('page-unreadable').waitFor();
    expect(await popup.getByTestId('page-unreadable').textContent()).toBe(
      'Triangulate cannot read this page (browser pages and extension stores are off limits), or it has not loaded yet: reload the page and try again.',
    );
    await popup.close();
    await blank.close();
  });

  test('the site switch writes the setting the content script reads', async () => {
    const popup = await openPopup();
    const siteSwitch = popup.getByTestId('site-switch');
    await siteSwitch.waitFor();
    expect(await siteSwitch.isChecked()).toBe(true);
    await siteSwitch.uncheck();
    await popup.getByTestId('site-off').waitFor();
    const stored = (await browser.worker.evaluate(async () =>
      chrome.storage.local.get('settings'),
    )) as {
      settings: { disabledSites: string[] };
    };
    expect(stored.settings.disabledSites).toEqual(['127.0.0.1']);
    await siteSwitch.check();
    await popup.getByTestId('site-off').waitFor({ state: 'detached' });
    await popup.close();
  });
});

describe('popup: check a figure', () => {
  test.each([
    ['33 soldiers killed in Dushanbe', 'agrees', 'Matches 1 of 3 sources'],
    [
      '17 border guards killed in the Constitution Day attack',
      'above-all',
      'Outside every report: higher than all (they say 2-10)',
    ],
    ['40 killed in Kabul', 'unknown-incident', 'Unknown incident'],
  ])('%j', async (claim, verdict, words) => {
    const popup = await openPopup();
    await checkClaim(popup, claim);
    const shown = popup.getByTestId('verdict');
    expect([await shown.getAttribute('data-verdict'), await shown.textContent()]).toEqual([
      verdict,
      words,
    ]);
    await popup.screenshot({
      path: join(ARTIFACTS_DIR, `popup-check-${verdict}.png`),
      fullPage: true,
    });
    await popup.close();
  });

  test('sources carry outlet, count, attribution and quote, and the range chart is drawn', async () => {
    const popup = await openPopup();
    await checkClaim(popup, '33 soldiers killed in Dushanbe');
    const sources = popup.getByTestId('source');
    // 3 reports, 5 figures of soldiers/police killed (one report gives several accounts)
    expect(await sources.count()).toBe(5);
    expect(await popup.locator('[data-testid="source"][data-agrees="true"]').count()).toBe(1);
    expect(await popup.locator('svg.tg-chart').getAttribute('aria-label')).toMatch(
      /^Security forces killed: /,
    );
    await popup.close();
  });

  test('an incident picked by search, with a number, side and outcome', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Check a figure' }).click();
    await popup.getByLabel('Pick an incident and a number').check();
    const box = popup.getByRole('combobox', { name: 'Incident' });
    await box.fill('rasht ambush');
    await popup.getByTestId('suggestion').first().waitFor();
    await box.press('Enter');
    await popup.getByTestId('picked-incident').waitFor();
    await popup.getByLabel('Number', { exact: true }).fill('28');
    await popup.getByRole('button', { name: 'Check', exact: true }).click();
    await popup.getByTestId('verdict').waitFor();
    expect(await popup.getByTestId('checked-incident').textContent()).toBe(
      'Ambush of an army column in Rasht district claimed by the IMU',
    );
    expect(await popup.getByTestId('verdict').getAttribute('data-verdict')).toBe('agrees');
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'popup-check-picked.png'), fullPage: true });
    await popup.close();
  });

  test('the context menu hand-over: popup.html?claim=... is prefilled and checked', async () => {
    const popup = await openPopup(
      `tab=${articleTabId}&claim=${encodeURIComponent('8 policemen killed in Vahdat on 4 September 2015')}`,
    );
    await popup.getByTestId('verdict').waitFor();
    expect(await popup.getByLabel('Claim', { exact: true }).inputValue()).toBe(
      '8 policemen killed in Vahdat on 4 September 2015',
    );
    expect(await popup.getByTestId('verdict').textContent()).toBe('Matches 2 of 3 sources');
    await popup.close();
  });
});

describe('popup: save this page', () => {
  test('the reviewed figures are saved in the user tables and join the comparison as yours', async () => {
    const popup = await openPopup();
    await popup.getByTestId('page-found').waitFor();
    await popup.getByRole('tab', { name: 'Save page' }).click();
    const rows = popup.getByTestId('save-row');
    const read = await rows.count();
    expect(read).toBeGreaterThan(1);
    await rows.first().getByRole('button', { name: 'Drop figure 1' }).click();
    expect(await rows.count()).toBe(read - 1);
    await popup.getByLabel('Outlet').fill('My local copy');
    await popup.getByTestId('save-submit').click();
    await popup.getByText(/^Saved with /).waitFor();
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'popup-save.png'), fullPage: true });
    const counts = (await browser.worker.evaluate(READ_DB_COUNTS)) as Record<string, number>;
    expect([counts.userReports, counts.userFigures]).toEqual([1, read - 1]);
    await popup.close();
  });
});

declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number }[]> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};
