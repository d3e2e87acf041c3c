/**
 * Hostile and unusual pages in Chromium: pages that poison the built-ins,
 * squat Triangulate's element names, hide text in shadow roots and frames,
 * churn their DOM every 10 ms, hold 10 MB of text, or are not HTML at all.
 * Triangulate must still work where it can, throw nothing, keep the page
 * responsive, and change neither what the page shows nor how it behaves.
 * Each page is first opened in a Chromium without the extension, for the
 * baseline. Longest tasks and frame gaps are written to artifacts/hostile.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PageSummaryReply } from '../../messaging/protocol';
import {
  ARTIFACTS_DIR,
  chromiumPath,
  FIXTURES_DIR,
  launchWithExtension,
  serveDirectory,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';
import { sendToPage, settledSummary } from './overlay.helpers';

const HOSTILE_DIR = join(FIXTURES_DIR, 'hostile');

let withExtension: ExtensionBrowser;
let plain: Browser;
let server: StaticServer;
let otherOrigin: StaticServer;
const measured: Record<string, unknown> = {};

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  server = await serveDirectory(HOSTILE_DIR);
  otherOrigin = await serveDirectory(HOSTILE_DIR); // another port: another origin
  withExtension = await launchWithExtension();
  plain = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}, 60_000);

afterAll(async () => {
  writeFileSync(join(ARTIFACTS_DIR, 'hostile.json'), `${JSON.stringify(measured, null, 2)}\n`);
  await withExtension?.close();
  await plain?.close();
  await server?.close();
  await otherOrigin?.close();
});

interface Probe {
  longTasks: { start: number; duration: number }[] | null;
  frames: number;
  maxFrameGap: number;
  loadedAt: number;
  poisonedCalls: string[];
  hijackedElements: number;
  pwned: boolean;
}

/** Every exception and console error or warning in any world of the page (main, isolated, frames). */
async function watchErrors(page: Page): Promise<{ errors: string[]; cdp: CDPSession }> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) =>
    errors.push(`exception: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`),
  );
  cdp.on('Runtime.consoleAPICalled', ({ type, args }) => {
    if (type === 'error' || type === 'warning' || type === 'assert') {
      errors.push(`console.${type}: ${args.map((arg) => arg.value ?? arg.description).join(' ')}`);
    }
  });
  await cdp.send('Runtime.enable');
  return { errors, cdp };
}

/** What the page shows, read from Playwright's utility world (the page's poisoned globals are not used). */
async function visibleState(page: Page) {
  return {
    text: await page.locator('body').innerText(),
    main: await page.locator('main').innerHTML(),
  };
}

/** Reads the probe through a fresh isolated world, so the page's poisoned JSON cannot interfere. */
async function readProbe(cdp: CDPSession): Promise<Probe> {
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `(() => {
      const p = window.hostileProbe;
      return {
        longTasks: p.longTasks && p.longTasks.slice(),
        frames: p.frames,
        maxFrameGap: p.maxFrameGap,
        loadedAt: p.loadedAt ?? 0,
        poisonedCalls: p.poisonedCalls.slice(),
        hijackedElements: p.hijackedElements,
        pwned: window.__pwned === true,
      };
    })()`,
    returnByValue: true,
  });
  return result.value as Probe;
}

async function clickCounter(page: Page, times: number): Promise<string> {
  const counter = page.locator('#page-counter');
  for (let i = 0; i < times; i++) await counter.click();
  return (await counter.textContent()) ?? '';
}

/** The same page in a Chromium without the extension: what it shows, and its own long tasks and frame gaps. */
async function baseline(path: string) {
  const page = await plain.newPage({ viewport: { width: 1200, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(server.url(path));
  await page.waitForLoadState('load');
  await page.waitForTimeout(2_500);
  const state = await visibleState(page);
  const probe = await readProbe(cdp);
  await page.close();
  return {
    state,
    longestTaskMs: longestTaskAfterLoad(probe),
    maxFrameGapMs: Math.round(probe.maxFrameGap),
  };
}

/** Writes what was measured on a page, beside the same page without the extension. */
function record(
  file: string,
  run: { probe: Probe; framesInOneSecond: number },
  without: { longestTaskMs: number; maxFrameGapMs: number },
  extra: object = {},
) {
  const longest = longestTaskAfterLoad(run.probe);
  measured[file] = {
    longestTaskMs: longest,
    maxFrameGapMs: Math.round(run.probe.maxFrameGap),
    framesInOneSecond: run.framesInOneSecond,
    withoutExtension: {
      longestTaskMs: without.longestTaskMs,
      maxFrameGapMs: without.maxFrameGapMs,
    },
    ...extra,
  };
  return longest;
}

/** Opens the page with the extension and waits until Triangulate is done with it (and the popover opened). */
async function openHostile(path: string) {
  const page = await withExtension.context.newPage();
  const { errors, cdp } = await watchErrors(page);
  await page.goto(server.url(path));
  await page.waitForLoadState('load');
  const summary = await settledSummary(withExtension, page, 40_000);
  // A figure compared with other reports is highlighted, so it can be revealed.
  const compared = summary.figures.find(
    (figure) => figure.verdict !== null && figure.verdict !== 'no-comparable',
  );
  const revealed = compared
    ? await sendToPage<{ ok: boolean }>(withExtension, page, 'page.reveal', {
        kind: 'figure',
        index: compared.index,
      })
    : { ok: false };
  await page.waitForTimeout(1_500); // the page keeps running (and churning) under the annotations
  const framesBefore = (await readProbe(cdp)).frames;
  await page.waitForTimeout(1_000);
  const probe = await readProbe(cdp);
  return {
    page,
    cdp,
    errors,
    summary,
    revealed,
    probe,
    framesInOneSecond: probe.frames - framesBefore,
  };
}

/**
 * The open popover's text and how many <img> its shadow root holds, read in a
 * fresh isolated world (neither the page's globals nor the extension's).
 */
async function popoverContent(
  cdp: CDPSession,
): Promise<{ hosts: number; text: string; images: number }> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'hostile-test-reader',
  });
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: executionContextId,
    returnByValue: true,
    expression: `(() => {
      const hosts = document.querySelectorAll('div[data-triangulate="popover"]');
      const root = hosts[0] && hosts[0].shadowRoot;
      return {
        hosts: hosts.length,
        text: root ? root.textContent.replace(/\\s+/g, ' ').trim() : '',
        images: root ? root.querySelectorAll('img').length : 0,
      };
    })()`,
  });
  return result.value as { hosts: number; text: string; images: number };
}

/** Long tasks after the page's own load work: the page is idle then, so they are Triangulate's. */
function longestTaskAfterLoad(probe: Probe): number {
  const after = (probe.longTasks ?? []).filter((task) => task.start >= probe.loadedAt);
  return Math.round(Math.max(0, ...after.map((task) => task.duration)));
}

const compact = (summary: PageSummaryReply) => ({
  state: summary.state,
  error: summary.error,
  incidents: summary.incidents.map((incident) => incident.incidentId),
  figures: summary.figures.length,
});

const SEED_INCIDENT = 'tj-2015-09-04-dushanbe-vahdat-attacks';
/**
 * The target is 50 ms. Measured on a 2-core machine shared with other test
 * runs, the first annotation pass of a seed-size page takes 80-150 ms (see
 * docs/reliability.md); the bound below catches a freeze, not that gap.
 */
const LONG_TASK_BOUND_MS = 250;

describe('hostile HTML pages', () => {
  test.each([
    [
      'overrides.html',
      'poisoned built-ins (Array, JSON, DOM insertion, attachShadow, createElement, Promise, MutationObserver, rAF, CSS)',
    ],
    ['elements.html', 'triangulate-popover and triangulate-mark defined by the page first'],
    ['churn.html', 'a DOM that changes every 10 ms'],
    ['csp.html', "a strict Content-Security-Policy: script-src 'self', style-src 'self'"],
  ])('%s (%s): annotated, silent, responsive, page unchanged and working', async (file) => {
    const without = await baseline(file);
    const run = await openHostile(file);
    const after = await visibleState(run.page);
    const longest = record(file, run, without, { hijackedHosts: run.probe.hijackedElements });

    expect(compact(run.summary)).toMatchObject({ state: 'ready', error: null });
    expect(compact(run.summary).incidents).toContain(SEED_INCIDENT);
    expect(run.summary.figures.length).toBeGreaterThan(3);
    expect(run.revealed).toEqual({ ok: true });
    const popover = await popoverContent(run.cdp);
    expect(popover).toMatchObject({ hosts: 1, images: 0 });
    // (churn.html: whether the popover stays open is its own test below)
    if (file !== 'churn.html') expect(popover.text).toMatch(/^Figure on this page: /);
    expect(run.errors).toEqual([]);
    expect(run.probe.poisonedCalls).toEqual([]);
    // Triangulate's hosts and marks are built-in elements (div, span), so a page
    // that defines custom elements under Triangulate's old names first runs none
    // of its code on them (counted in artifacts/hostile.json).
    expect(run.probe).toMatchObject({ hijackedElements: 0, pwned: false });
    expect(run.framesInOneSecond).toBeGreaterThan(10);
    expect(longest).toBeLessThan(LONG_TASK_BOUND_MS);
    if (file === 'churn.html') expect(after.main).toBe(without.state.main);
    else expect(after).toEqual(without.state);
    expect(await clickCounter(run.page, 3)).toBe('3');
    await run.page.close();
  });

  test('churn.html: a popover opened on a page that keeps changing stays open', async () => {
    const run = await openHostile('churn.html'); // reveals a figure, then waits 2.5 s
    expect(run.revealed).toEqual({ ok: true });
    expect((await popoverContent(run.cdp)).text).toMatch(/^Figure on this page: /);
    await run.page.close();
  });

  test('frames.html: closed and open shadow roots, same- and cross-origin iframes', async () => {
    const path = `frames.html?other=${encodeURIComponent(otherOrigin.origin)}`;
    const without = await baseline(path);
    const run = await openHostile(path);
    const longest = record('frames.html', run, without);

    expect(compact(run.summary)).toMatchObject({ state: 'ready', error: null });
    expect(compact(run.summary).incidents).toContain(SEED_INCIDENT);
    expect(run.errors).toEqual([]);
    expect(run.framesInOneSecond).toBeGreaterThan(10);
    expect(longest).toBeLessThan(LONG_TASK_BOUND_MS);
    expect(await visibleState(run.page)).toEqual(without.state);
    for (const id of ['#same-origin', '#cross-origin']) {
      const frame = run.page.frameLocator(id);
      await frame.locator('#page-counter').click();
      expect(await frame.locator('#page-counter').textContent()).toBe('1');
      expect(await frame.locator('body').innerText()).toMatch(
        /^Inside a frame: at least eight policemen/,
      );
    }
    await run.page.close();
  });

  test('huge.html: 10 MB of text is annotated without freezing the page', async () => {
    const without = await baseline('huge.html');
    const run = await openHostile('huge.html');
    record('huge.html', run, without, { textChars: without.state.text.length });

    expect(without.state.text.length).toBeGreaterThan(10_000_000);
    expect(run.summary.state).toBe('ready');
    expect(run.errors).toEqual([]);
    expect(run.framesInOneSecond).toBeGreaterThan(10);
    const after = await visibleState(run.page);
    expect(after.text.length).toBe(without.state.text.length);
    expect(after.text === without.state.text).toBe(true);
    expect(await clickCounter(run.page, 2)).toBe('2');
    await run.page.close();
  }, 120_000);
});

const rootText = async (page: Page) => page.locator(':root').textContent();

describe('documents that are not HTML', () => {
  test.each([
    ['article.txt', 'text/plain'],
    ['article.json', 'application/json'],
    ['feed.xml', 'application/xml'],
    ['drawing.svg', 'image/svg+xml'],
  ])('%s (%s): nothing thrown, nothing changed', async (file) => {
    const plainPage = await plain.newPage();
    await plainPage.goto(server.url(file));
    await plainPage.waitForTimeout(500);
    const before = await rootText(plainPage);
    await plainPage.close();

    const page = await withExtension.context.newPage();
    const { errors } = await watchErrors(page);
    await page.goto(server.url(file));
    await page.waitForLoadState('load');
    await page.waitForTimeout(3_000); // document_idle plus a full annotation pass, if any
    expect(errors).toEqual([]);
    expect(await rootText(page)).toBe(before);
    await page.close();
  });
});
