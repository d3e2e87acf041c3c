/**
 * Which of a page's main-thread tasks are the content script's, from a
 * DevTools trace (test/bench/browser/content.ts). The window is the content
 * script's evaluation (the compile and first run of content.js) to its
 * `triangulate:painted` mark. A task in it is the content script's when:
 *
 * - it records one of its marks (triangulate:*);
 * - an event in it names a script of the extension's package (the content
 *   script's evaluation, the compile of a script it imports, a timer or
 *   observer callback: FunctionCall names the script);
 * - it continues after scheduler.yield() (RunYieldContinuation): the
 *   content script's sliced loops yield that way, and the benchmark's pages
 *   run no script of their own that does (a sampling profiler would tell
 *   the code apart, but it slows the code it samples by a third);
 * - it renders the page after the `read` mark: from there the content
 *   script changes the page's styles (the highlight style sheet), so the
 *   restyle and the frames that follow are its cost.
 *
 * Everything else is the page's own: its load events and frames, Chromium's
 * reads of its manifest and metadata (blink.mojom.ManifestManager,
 * webapps.mojom.WebPageMetadataAgent), the benchmark's own observers.
 */

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, where Chromium records it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; fileName?: string; data?: { url?: string } };
}

/** Timeline events and user timing marks. */
export const TRACE_CATEGORIES =
  'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing';

/** Any script of the extension's package (the content script, and scripts it imports). */
const EXTENSION_SCRIPT_URL = /^chrome-extension:\/\/[a-p]{32}\//;
/** The content script the manifest injects. */
// content-bootstrap.js since round 6; builds before it injected content-scripts/content.js.
const CONTENT_SCRIPT_URL =
  /^chrome-extension:\/\/[a-p]{32}\/(?:content-bootstrap\.js|content-scripts\/content\.js)$/;
const PHASE_PREFIX = 'triangulate:phase:';
const RENDERING = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
]);

/** The marks and the window measured. */
interface TraceWindow {
  /** The thread that recorded the marks: the page's renderer main thread. */
  thread: TraceEvent[];
  /** Where the content script began: the task that evaluates it, or its `start` mark when the trace has none. */
  from: number;
  painted: number;
  /** The session's phase marks from its start to painted, painted last; `script` ends at `start`. */
  phases: { phase: string; ts: number }[];
}

function traceWindow(events: readonly TraceEvent[]): TraceWindow {
  const start = events.find((e) => e.name === 'triangulate:start');
  const painted = events.find((e) => e.name === 'triangulate:painted');
  if (start === undefined || painted === undefined)
    throw new Error('no triangulate marks in the trace');
  const thread = events.filter((e) => e.pid === start.pid && e.tid === start.tid);
  const evaluation = thread
    .filter(
      (e) =>
        e.name === 'EvaluateScript' &&
        e.ts <= start.ts &&
        CONTENT_SCRIPT_URL.test(String(e.args?.data?.url ?? '')),
    )
    .at(-1);
  const phases = thread
    .filter(
      (e) =>
        e.name.startsWith(PHASE_PREFIX) && e.ts >= start.ts && e.ts <= painted.ts && e.ph !== 'e',
    )
    .map((e) => ({ phase: e.name.slice(PHASE_PREFIX.length), ts: e.ts }))
    .concat({ phase: 'script', ts: start.ts }, { phase: 'painted', ts: painted.ts })
    .toSorted((x, y) => x.ts - y.ts);
  // The whole task that evaluates the content script is its own.
  const evaluationTask = thread.find(
    (e) =>
      evaluation !== undefined &&
      e.name === 'RunTask' &&
      e.ts <= evaluation.ts &&
      e.ts + (e.dur ?? 0) >= evaluation.ts,
  );
  return {
    thread,
    from: evaluationTask?.ts ?? evaluation?.ts ?? start.ts,
    painted: painted.ts,
    phases,
  };
}

/** Top-level tasks of the window's thread overlapping [from, to]. */
function tasksBetween(window: TraceWindow, from: number, to: number): TraceEvent[] {
  return window.thread.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && e.ts + (e.dur ?? 0) >= from && e.ts <= to,
  );
}

/** The content script's tasks in the window, by the rules at the top of this file. */
function contentScriptTasks(window: TraceWindow): TraceEvent[] {
  const read = window.phases.find((mark) => mark.phase === 'read')?.ts ?? window.painted;
  const namesOurCode = (e: TraceEvent) =>
    e.name.startsWith('triangulate:') ||
    EXTENSION_SCRIPT_URL.test(String(e.args?.data?.url ?? e.args?.fileName ?? ''));
  return tasksBetween(window, window.from, window.painted).filter((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = window.thread.filter((e) => e !== task && e.ts >= task.ts && e.ts <= end);
    return (
      inside.some(namesOurCode) ||
      inside.some((e) => e.name === 'RunYieldContinuation') ||
      (task.ts >= read && inside.some((e) => RENDERING.has(e.name)))
    );
  });
}

/**
 * Main-thread time from the content script's evaluation to its highlights:
 * the sum of its tasks' time within the window (a task that straddles an end
 * counts up to it) and the longest of them whole, and the same for every task
 * in the window, the page's own included, for comparison.
 */
export function mainThreadOfContentScript(events: readonly TraceEvent[]): {
  totalMs: number;
  /**
   * The thread (CPU) time of the same tasks, each task's share within the
   * window counted in proportion; null when the trace has no thread times.
   * Where it is below totalMs, the main thread was held but not running:
   * descheduled by the system, or waiting on another process.
   */
  cpuMs: number | null;
  longestMs: number;
  tasks: number;
  windowMs: number;
  windowLongestMs: number;
} {
  const window = traceWindow(events);
  const ours = contentScriptTasks(window);
  const all = tasksBetween(window, window.from, window.painted);
  const within = (task: TraceEvent) =>
    (Math.min(window.painted, task.ts + (task.dur ?? 0)) - Math.max(window.from, task.ts)) / 1000;
  const longest = (tasks: readonly TraceEvent[]) =>
    Math.max(0, ...tasks.map((task) => (task.dur ?? 0) / 1000));
  const cpu = (task: TraceEvent) =>
    task.dur === undefined || task.dur === 0
      ? 0
      : ((task.tdur ?? Number.NaN) * within(task)) / (task.dur / 1000);
  const cpuMs = ours.map(cpu).reduce((a, b) => a + b, 0);
  return {
    totalMs: ours.map(within).reduce((a, b) => a + b, 0),
    cpuMs: Number.isNaN(cpuMs) ? null : cpuMs / 1000,
    longestMs: longest(ours),
    tasks: ours.length,
    windowMs: all.map(within).reduce((a, b) => a + b, 0),
    windowLongestMs: longest(all),
  };
}

/**
 * The content script's main-thread time per phase: its tasks' time between
 * each phase mark (triangulate:phase:*, set in entrypoints/content/session.ts
 * when a phase ends) and the one before it. `script` is the evaluation, the
 * import of the main script and the settings read, up to the session's
 * start. A task that spans a mark is split at it. Keyed by the phase that
 * ends at the mark ('painted' for the last).
 */
export function mainThreadPerPhase(events: readonly TraceEvent[]): Record<string, number> {
  const window = traceWindow(events);
  const tasks = contentScriptTasks(window);
  const phases: Record<string, number> = {};
  let from = window.from;
  for (const { phase, ts } of window.phases) {
    let busy = 0;
    for (const task of tasks) {
      const overlap = Math.min(ts, task.ts + (task.dur ?? 0)) - Math.max(from, task.ts);
      if (overlap > 0) busy += overlap;
    }
    phases[phase] = (phases[phase] ?? 0) + busy / 1000;
    from = ts;
  }
  return phases;
}

/** The content script's longest tasks up to painted, each with the phase it began in. */
export function longestTasks(
  events: readonly TraceEvent[],
  count = 5,
): { phase: string; ms: number }[] {
  const window = traceWindow(events);
  const last = window.phases.at(-1);
  if (last === undefined) return [];
  return contentScriptTasks(window)
    .toSorted((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, count)
    .map((task) => ({
      phase: (window.phases.find((m) => m.ts >= task.ts) ?? last).phase,
      ms: (task.dur ?? 0) / 1000,
    }));
}
