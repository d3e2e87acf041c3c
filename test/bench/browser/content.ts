/**
 * The content script in Chromium (issue 7, item 3), with the built extension:
 * time from the content script's start to its highlights on each seed page
 * (warm: the page reloaded in its tab; and, reported beside it, loaded in a
 * new tab, which is a new renderer process), long tasks and main-thread time
 * on a 2 MB page,
 * the popover's latency from the hover timer firing to its first paint, and
 * the CSS Custom Highlight API against wrapping every match in an element on
 * the same page. Times come from the session's own performance marks
 * (triangulate:start, :painted, :popover-start, :popover-painted) and, for
 * main-thread time, from a DevTools trace of the page's renderer main thread:
 * the content script's own tasks from its evaluation (the compile and first
 * run of content.js) to `painted`, the page's own tasks left out and
 * reported beside it.
 *
 * Before/after in one run: with TRIANGULATE_BENCH_BEFORE set to another built
 * extension (for example a build of the previous commit's tree), the seed
 * pages, the popover and the 2 MB page are measured on both, loads alternated
 * one by one, and the other build's figure is reported as `before`.
 *
 * TRIANGULATE_BENCH_PARTS=popover,big (any of seeds, popover, big, marks)
 * runs only those parts, for a quick look at one of them.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build as esbuild } from 'esbuild';
import type { CDPSession, Page } from 'playwright-core';
import {
  launchWithExtension,
  PAGES_DIR,
  requireBuiltExtension,
  ROOT,
  serveDirectory,
  type ExtensionBrowser,
} from '../../e2e/harness';
import { newsText } from '../corpus';
import {
  longestTasks,
  mainThreadOfContentScript,
  mainThreadPerPhase,
  TRACE_CATEGORIES,
  type TraceEvent,
} from './traceAttribution';
import { bundled, realLexicon, realNames } from '../dataset';
import { median, ratiosOf, type Measurement, type Suite } from '../harness';
import { buildExtension } from '../size';

const SEED_PAGE = /^\d{3}_.*\.html$/;
const WARM_RUNS = 5;
const BIG_PAGE_BYTES = 2_000_000;
const HOVERS = 6;
/** Fresh pages on which the first hover is timed (per build, alternated). */
const FIRST_HOVER_PAGES = 5;
const PAINT_RUNS = 3;
const LONG_TASK_MS = 50;
/** A frame at 60 Hz. */
const FRAME_MS = 16.7;

/** The other build, for before/after in one run (see the module comment). */
const BEFORE_DIR = process.env.TRIANGULATE_BENCH_BEFORE;
const PARTS = process.env.TRIANGULATE_BENCH_PARTS?.split(',') ?? null;
/** A directory to keep each traced load's DevTools trace in (open them in DevTools' Performance panel). */
const TRACE_DIR = process.env.TRIANGULATE_BENCH_TRACE;
let tracesKept = 0;
const partWanted = (part: 'seeds' | 'popover' | 'big' | 'marks'): boolean =>
  PARTS === null || PARTS.includes(part);

/** A second browser with another build of the extension. */
async function launchBuild(extensionDir: string): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`TRIANGULATE_BENCH_BEFORE: no built extension at ${extensionDir}`);
  }
  return launchWithExtension({ extensionDir });
}

/** The builds measured: this one, and the other one when TRIANGULATE_BENCH_BEFORE names it. */
interface Builds {
  ours: ExtensionBrowser;
  before: ExtensionBrowser | null;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The 2 MB page: the benchmark's news text as paragraphs, naming the dataset's actors and places. */
function bigPageHtml(): { html: string; names: string[] } {
  const names = realNames(realLexicon(bundled()));
  const { text } = newsText(BIG_PAGE_BYTES, names, 43);
  const paragraphs = text
    .split('\n')
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p)}</p>`);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tajikistan: clashes continue</title>
<meta property="article:published_time" content="2015-09-05T09:00:00Z"></head>
<body><article><h1>Tajikistan: clashes continue</h1>${paragraphs.join('\n')}</article></body></html>`;
  return { html, names };
}

/** Long tasks seen by the page itself, from before its first script runs. */
const OBSERVE_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
})();`;

/**
 * The marks the benchmark waits for, logged to the console by an observer in
 * the page as they land. Waiting by polling from Playwright (waitForFunction)
 * ran Playwright's own injected script (10-13 ms to compile on a fresh page)
 * and a poll task every 20 ms on the very main thread being measured.
 */
const MARK_LOG = '[triangulate bench] ';
const LOGGED_MARKS = [
  'triangulate:painted',
  'triangulate:popover-ready',
  'triangulate:popover-painted',
];
const LOG_MARKS = `(() => {
  const logged = ${JSON.stringify(LOGGED_MARKS)};
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (logged.includes(entry.name)) console.debug(${JSON.stringify(MARK_LOG)} + entry.name);
  }).observe({ type: 'mark' });
})();`;

/** Resolves when the page next records the mark `name` (one of LOGGED_MARKS); call before what causes it. */
function nextMark(page: Page, name: string, timeoutMs = 60_000): Promise<void> {
  return page
    .waitForEvent('console', {
      predicate: (message) => message.text() === `${MARK_LOG}${name}`,
      timeout: timeoutMs,
    })
    .then(() => undefined);
}

async function markTime(page: Page, name: string, timeoutMs = 60_000): Promise<number> {
  await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark, 'mark').length > 0,
    name,
    { timeout: timeoutMs, polling: 20 },
  );
  return page.evaluate((mark) => performance.getEntriesByName(mark, 'mark')[0]!.startTime, name);
}

/** Start to highlights, from the session's marks. */
async function startToPainted(page: Page): Promise<number> {
  const painted = await markTime(page, 'triangulate:painted');
  const start = await markTime(page, 'triangulate:start');
  return painted - start;
}

async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    categories: TRACE_CATEGORIES,
    transferMode: 'ReturnAsStream',
  });
}

async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((done) =>
    cdp.once('Tracing.tracingComplete', (event) => done(event.stream!)),
  );
  await cdp.send('Tracing.end');
  const handle = await complete;
  let json = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    json += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(json) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

const describeLongest = (tasks: readonly { phase: string; ms: number }[]): string =>
  tasks.map((t) => `${t.ms.toFixed(1)} (${t.phase})`).join(', ');

/** The median thread (CPU) time of the loads' counted tasks, as a note. */
function describeCpu(loads: readonly Load[]): string {
  const times = loads.map((load) => load.cpuMs).filter((ms) => ms !== null);
  if (times.length === 0) return 'no thread times in the trace';
  return `thread (CPU) time of the same tasks ${median(times).toFixed(1)} ms (median): the rest of the main-thread time the thread was held but not running (descheduled on this shared machine, or waiting on another process)`;
}

/** Per phase, the median over runs, as "phase ms" in the session's order. */
function describePhases(runs: readonly Record<string, number>[]): string {
  const names = [...new Set(runs.flatMap((run) => Object.keys(run)))];
  return names
    .map((name) => `${name} ${median(runs.map((run) => run[name] ?? 0)).toFixed(1)}`)
    .join(', ');
}

/** A new tab whose pages log the marks and record long tasks from before their first script. */
async function newTab(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.addInitScript(OBSERVE_LONG_TASKS);
  await page.addInitScript(LOG_MARKS);
  return page;
}

/** One traced load: the session's marks, and the content script's share of the trace. */
interface Load extends ReturnType<typeof mainThreadOfContentScript> {
  /** Start to painted, from the session's marks. */
  wallMs: number;
  /** Long tasks the page's own observer saw. */
  longTasks: number[];
  phases: Record<string, number>;
  longestByPhase: { phase: string; ms: number }[];
}

/**
 * Loads `url` with a trace running and returns the trace's main-thread
 * figures and the marks. Without `tab`, in a new tab, closed afterwards (a new
 * tab is a new renderer process); with it, in that tab, reloaded when it
 * already shows `url`, and left open.
 */
async function tracedLoad(browser: ExtensionBrowser, url: string, tab?: Page): Promise<Load> {
  const page = tab ?? (await newTab(browser));
  const cdp = await browser.context.newCDPSession(page);
  await startTrace(cdp);
  const painted = nextMark(page, 'triangulate:painted');
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await painted;
  const wallMs = await startToPainted(page);
  const longTasks = (await page.evaluate('window.__longTasks')) as number[];
  const events = await endTrace(cdp);
  if (TRACE_DIR !== undefined) {
    mkdirSync(TRACE_DIR, { recursive: true });
    const name = `${String(++tracesKept).padStart(3, '0')}-${basename(new URL(url).pathname)}.json`;
    writeFileSync(join(TRACE_DIR, name), JSON.stringify(events));
  }
  const main = mainThreadOfContentScript(events);
  await cdp.detach();
  if (tab === undefined) await page.close();
  return {
    wallMs,
    ...main,
    longTasks,
    phases: mainThreadPerPhase(events),
    longestByPhase: longestTasks(events),
  };
}

/**
 * Time to highlights on each seed page: loaded once in a tab of its own,
 * then reloaded there WARM_RUNS times (warm: the renderer process, the
 * extension's code cache and its background are all in use already), and
 * WARM_RUNS times more in a new tab each (a new renderer process, where
 * Chromium sets up the extension's bindings and the scripts' compiled code
 * afresh).
 */
async function seedPages(
  builds: Builds,
  url: (path: string) => string,
  files: readonly string[],
  report: (m: Measurement) => void,
): Promise<void> {
  // Chromium writes a script's code cache on its second load in a profile (v8.produceModuleCache,
  // about 2 ms): two loads of a page first, so no warm reload below pays for it.
  if (files[0] !== undefined) {
    for (const build of [builds.ours, builds.before]) {
      if (build === null) continue;
      for (let load = 0; load < 2; load++) await tracedLoad(build, url(files[0]));
    }
  }
  for (const file of files) {
    const address = url(file);
    const ourTab = await newTab(builds.ours);
    const beforeTab = builds.before === null ? null : await newTab(builds.before);
    const first = await tracedLoad(builds.ours, address, ourTab);
    if (builds.before !== null) await tracedLoad(builds.before, address, beforeTab!);
    const warm: Load[] = [];
    const before: Load[] = [];
    const fresh: Load[] = [];
    const freshBefore: Load[] = [];
    // Alternated load by load, so load from other processes falls on both builds alike.
    for (let run = 0; run < WARM_RUNS; run++) {
      if (builds.before !== null) before.push(await tracedLoad(builds.before, address, beforeTab!));
      warm.push(await tracedLoad(builds.ours, address, ourTab));
    }
    for (let run = 0; run < WARM_RUNS; run++) {
      if (builds.before !== null) freshBefore.push(await tracedLoad(builds.before, address));
      fresh.push(await tracedLoad(builds.ours, address));
    }
    await ourTab.close();
    await beforeTab?.close();
    const beforeOf = (loads: readonly Load[]): Record<string, number> =>
      loads.length > 0 ? { before: median(loads.map((b) => b.totalMs)) } : {};
    const mainMs = median(warm.map((w) => w.totalMs));
    report({
      name: `content: start to highlights, ${file}`,
      unit: 'ms main thread of the content script (warm: reloaded)',
      ours: mainMs,
      alternatives: beforeOf(before),
      ratios: ratiosOf(mainMs, beforeOf(before)),
      checks: [{ target: 'at most 10 ms of main-thread time, warm', pass: mainMs <= 10 }],
      notes: [
        `median of ${WARM_RUNS} reloads in one tab; wall time start to highlights ${median(warm.map((w) => w.wallMs)).toFixed(1)} ms (includes waiting on the background: reading and resolution)`,
        `main-thread ms per phase (median): ${describePhases(warm.map((w) => w.phases))}`,
        describeCpu(warm),
        `every main-thread task in the same window, the page's own included: ${median(warm.map((w) => w.windowMs)).toFixed(1)} ms (median)`,
        `longest task ${median(warm.map((w) => w.longestMs)).toFixed(1)} ms; first load in the tab: ${first.totalMs.toFixed(1)} ms main thread, ${first.wallMs.toFixed(0)} ms wall`,
        ...(before.length > 0
          ? [
              `before (other build, alternated): wall ${median(before.map((b) => b.wallMs)).toFixed(1)} ms; per phase: ${describePhases(before.map((b) => b.phases))}; longest task ${median(before.map((b) => b.longestMs)).toFixed(1)} ms`,
            ]
          : []),
      ],
    });
    const freshMs = median(fresh.map((w) => w.totalMs));
    report({
      name: `content: start to highlights in a new tab, ${file}`,
      unit: 'ms main thread of the content script (new tab: new renderer process)',
      ours: freshMs,
      alternatives: beforeOf(freshBefore),
      ratios: ratiosOf(freshMs, beforeOf(freshBefore)),
      notes: [
        `median of ${WARM_RUNS} loads, each in a new tab (a renderer process of its own: Chromium creates the extension API bindings and reads the scripts' code cache anew)`,
        `main-thread ms per phase (median): ${describePhases(fresh.map((w) => w.phases))}`,
        describeCpu(fresh),
        `longest task ${median(fresh.map((w) => w.longestMs)).toFixed(1)} ms`,
      ],
    });
  }
}

async function bigPage(
  builds: Builds,
  url: string,
  report: (m: Measurement) => void,
): Promise<void> {
  // The background and the JIT warm up on the first load.
  await tracedLoad(builds.ours, url);
  const before = builds.before === null ? null : await bigPageRun(builds.before, url);
  const run = await tracedLoad(builds.ours, url);
  const longest = Math.max(0, ...run.longTasks);
  const alternatives: Record<string, number> = before === null ? {} : { before: before.totalMs };
  report({
    name: 'content: 2 MB page',
    unit: 'ms main thread of the content script',
    ours: run.totalMs,
    alternatives,
    ratios: ratiosOf(run.totalMs, alternatives),
    checks: [{ target: `no long task over ${LONG_TASK_MS} ms`, pass: run.longTasks.length === 0 }],
    notes: [
      `start to highlights ${run.wallMs.toFixed(0)} ms wall, ${run.tasks} tasks of the content script, longest ${run.longestMs.toFixed(1)} ms (trace); every task in the window ${run.windowMs.toFixed(1)} ms, longest ${run.windowLongestMs.toFixed(1)} ms`,
      `long tasks seen by the page (PerformanceObserver 'longtask', whole load): ${run.longTasks.length}, longest ${longest.toFixed(0)} ms`,
      `main-thread ms per phase: ${describePhases([run.phases])}`,
      `longest task per phase: ${describeLongest(run.longestByPhase)}`,
      ...(before === null
        ? []
        : [
            `before (other build): ${before.wallMs.toFixed(0)} ms wall, longest task ${before.longestMs.toFixed(1)} ms (trace), ${before.longTasks.length} long tasks seen by the page; per phase: ${describePhases([before.phases])}`,
          ]),
    ],
  });
}

/** The other build's warm load of the 2 MB page, after one warm-up load. */
async function bigPageRun(browser: ExtensionBrowser, url: string): Promise<Load> {
  await tracedLoad(browser, url);
  return tracedLoad(browser, url);
}

/**
 * The popover from the hover timer firing to the frame after it is shown. The
 * session loads the popover's UI when the page is idle after painting
 * (triangulate:popover-ready), so the first hover waits for that and renders
 * only; before that mark existed, the first hover loaded the UI itself.
 */
async function popover(
  builds: Builds,
  url: string,
  report: (m: Measurement) => void,
): Promise<void> {
  const before = builds.before === null ? null : await hoverLatencies(builds.before, url, HOVERS);
  const { latencies, preloaded } = await hoverLatencies(builds.ours, url, HOVERS);
  const [first, ...warm] = latencies;
  const ours = median(warm);
  const alternatives: Record<string, number> = { frame: FRAME_MS };
  if (before !== null) alternatives.before = median(before.latencies.slice(1));
  report({
    name: 'content: popover, hover timer to first paint',
    unit: 'ms',
    ours,
    alternatives,
    ratios: ratiosOf(ours, alternatives),
    checks: [{ target: 'within one frame (16.7 ms), warm', pass: ours <= FRAME_MS }],
    notes: [
      `median of ${warm.length} hovers after the first; the first took ${first!.toFixed(1)} ms (${preloaded ? 'UI preloaded when idle: render only' : 'no preload mark: the first hover loads the UI and its figure is not a render'}); measured to a task after the next animation frame`,
      ...(before === null
        ? []
        : [`before (other build): first hover ${before.latencies[0]!.toFixed(1)} ms`]),
    ],
  });
}

/**
 * The first hover of a page, once its popover is ready, on FIRST_HOVER_PAGES
 * fresh pages per build, the builds alternated page by page: one page's first
 * hover is too noisy a sample on a loaded machine.
 */
async function firstHover(
  builds: Builds,
  url: string,
  report: (m: Measurement) => void,
): Promise<void> {
  const ours: number[] = [];
  const before: number[] = [];
  for (let run = 0; run < FIRST_HOVER_PAGES; run++) {
    if (builds.before !== null)
      before.push((await hoverLatencies(builds.before, url, 1)).latencies[0]!);
    ours.push((await hoverLatencies(builds.ours, url, 1)).latencies[0]!);
  }
  const alternatives: Record<string, number> = { frame: FRAME_MS };
  if (before.length > 0) alternatives.before = median(before);
  report({
    name: 'content: popover, first hover of a page',
    unit: 'ms',
    ours: median(ours),
    alternatives,
    ratios: ratiosOf(median(ours), alternatives),
    checks: [{ target: 'within one frame (16.7 ms)', pass: median(ours) <= FRAME_MS }],
    notes: [
      `median of ${FIRST_HOVER_PAGES} fresh pages, each hovered once after triangulate:popover-ready: ${ours.map((ms) => ms.toFixed(1)).join(', ')}`,
      ...(before.length > 0
        ? [`before (other build, alternated): ${before.map((ms) => ms.toFixed(1)).join(', ')}`]
        : []),
    ],
  });
}

/** `hovers` hovers over the page's first agreeing figure: ms from the hover timer to first paint, each. */
async function hoverLatencies(
  browser: ExtensionBrowser,
  url: string,
  hovers: number,
): Promise<{ latencies: number[]; preloaded: boolean }> {
  const page = await browser.context.newPage();
  await page.addInitScript(LOG_MARKS);
  const painted = nextMark(page, 'triangulate:painted');
  const ready = nextMark(page, 'triangulate:popover-ready', 10_000).then(
    () => true,
    () => false,
  );
  await page.goto(url);
  await painted;
  const preloaded = await ready;
  const latencies: number[] = [];
  for (let hover = 0; hover < hovers; hover++) {
    await page.evaluate(() => performance.clearMarks());
    const point = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('triangulate-figure-agrees') ?? [])][0] as Range;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
    });
    const shown = nextMark(page, 'triangulate:popover-painted', 10_000);
    await page.mouse.move(point.x, point.y);
    await shown;
    const paintedAt = await markTime(page, 'triangulate:popover-painted');
    latencies.push(paintedAt - (await markTime(page, 'triangulate:popover-start')));
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => {
      const host = document.querySelector('div[data-triangulate="popover"]');
      return host === null || getComputedStyle(host).display === 'none';
    });
  }
  await page.close();
  return { latencies, preloaded };
}

/** page/highlighter.ts's two painters, bundled for a page script. */
async function painterBundle(): Promise<string> {
  const result = await esbuild({
    stdin: {
      contents: `
        import { createHighlightApiPainter, createMarkPainter } from './page/highlighter';
        import { HIGHLIGHT_STYLES } from './entrypoints/content/highlights';
        window.__painters = {
          highlight: () => createHighlightApiPainter(document, HIGHLIGHT_STYLES.css),
          marks: () => createMarkPainter(document, HIGHLIGHT_STYLES.markStyles, HIGHLIGHT_STYLES.focusStyle),
        };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    // What WXT defines for the Chromium build (entrypoints/content/highlights.ts reads it).
    define: { 'import.meta.env.FIREFOX': 'false' },
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/** Paints every name on the page with one painter; ms to paint and to the next frame, and main-thread ms. */
const PAINT_ALL = `async ({ mode, names }) => {
  const lower = names.map((n) => n.toLowerCase());
  const items = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data.toLowerCase();
    for (const name of lower) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + name.length);
        items.push({ id: items.length, name: 'triangulate-actor', range });
      }
    }
  }
  items.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  const painter = window.__painters[mode]();
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const started = performance.now();
  painter.paint(items);
  document.body.getBoundingClientRect();
  const painted = performance.now();
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  return { paintMs: painted - started, frameMs: performance.now() - started, items: items.length };
}`;

async function highlightVsMarks(
  browser: ExtensionBrowser,
  url: string,
  names: readonly string[],
  report: (m: Measurement) => void,
): Promise<void> {
  const bundle = await painterBundle();
  const results: Record<
    'highlight' | 'marks',
    { paintMs: number; frameMs: number; items: number }[]
  > = {
    highlight: [],
    marks: [],
  };
  // Each painter in a page of its own, after the extension's own pass has painted.
  for (let run = 0; run < PAINT_RUNS; run++) {
    for (const mode of ['highlight', 'marks'] as const) {
      const page = await browser.context.newPage();
      await page.goto(url);
      await markTime(page, 'triangulate:painted');
      await page.addScriptTag({ content: bundle });
      results[mode].push(
        await page.evaluate(
          `(${PAINT_ALL})(${JSON.stringify({ mode, names: names.slice(0, 60) })})`,
        ),
      );
      await page.close();
    }
  }
  const frame = (mode: 'highlight' | 'marks') => median(results[mode].map((r) => r.frameMs));
  const paint = (mode: 'highlight' | 'marks') => median(results[mode].map((r) => r.paintMs));
  report({
    name: 'content: Highlight API vs wrapping elements, 2 MB page',
    unit: 'ms to the next frame',
    ours: frame('highlight'),
    alternatives: { marks: frame('marks') },
    ratios: ratiosOf(frame('highlight'), { marks: frame('marks') }),
    notes: [
      `${results.highlight[0]!.items} ranges of the page's names painted by page/highlighter.ts's two painters, in separate loads, median of ${PAINT_RUNS}`,
      `paint() plus a forced layout alone: Highlight API ${paint('highlight').toFixed(1)} ms, marks ${paint('marks').toFixed(1)} ms`,
    ],
  });
}

export const contentSuite: Suite = {
  name: 'content',
  async run(report, options) {
    if (options.rebuild) buildExtension();
    requireBuiltExtension();
    const dir = mkdtempSync(join(tmpdir(), 'triangulate-bench-pages-'));
    const seeds = readdirSync(PAGES_DIR)
      .filter((name) => SEED_PAGE.test(name))
      .toSorted();
    for (const file of seeds) cpSync(join(PAGES_DIR, file), join(dir, file));
    const big = bigPageHtml();
    writeFileSync(join(dir, 'big.html'), big.html);
    const server = await serveDirectory(dir);
    // The server and pages go even when Chromium cannot launch, or the run would never exit.
    const browser = await launchWithExtension().catch(async (error: unknown) => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
      throw error;
    });
    const builds: Builds = {
      ours: browser,
      before: BEFORE_DIR === undefined ? null : await launchBuild(BEFORE_DIR),
    };
    try {
      if (partWanted('seeds')) {
        console.error('  content: seed pages');
        await seedPages(builds, server.url, seeds, report);
      }
      if (partWanted('popover')) {
        console.error('  content: popover');
        await popover(builds, server.url(seeds[0]!), report);
        await firstHover(builds, server.url(seeds[0]!), report);
      }
      if (partWanted('big')) {
        console.error('  content: 2 MB page');
        await bigPage(builds, server.url('big.html'), report);
      }
      if (partWanted('marks')) {
        console.error('  content: Highlight API vs marks');
        await highlightVsMarks(browser, server.url('big.html'), big.names, report);
      }
    } finally {
      await builds.before?.close();
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
