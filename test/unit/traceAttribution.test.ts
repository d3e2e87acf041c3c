/**
 * The benchmark's split of a page's main thread between the content script
 * and the page (test/bench/browser/traceAttribution.ts), on a made-up trace
 * shaped like Chromium's: the seed-page figure in docs/performance.md is
 * this sum, so a task given to the wrong side moves the figure users read.
 */
import { describe, expect, test } from 'vitest';
import {
  mainThreadOfContentScript,
  mainThreadPerPhase,
  type TraceEvent,
} from '../bench/browser/traceAttribution';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const MAIN = { pid: 1, tid: 1 };

const task = (ms: number, durationMs: number): TraceEvent => ({
  name: 'RunTask',
  cat: 'disabled-by-default-devtools.timeline',
  ph: 'X',
  ts: ms * 1000,
  dur: durationMs * 1000,
  ...MAIN,
});
const inside = (name: string, ms: number, durationMs: number, url?: string): TraceEvent => ({
  name,
  cat: 'devtools.timeline',
  ph: 'X',
  ts: ms * 1000,
  dur: durationMs * 1000,
  ...MAIN,
  ...(url === undefined ? {} : { args: { data: { url } } }),
});
const mark = (name: string, ms: number): TraceEvent => ({
  name: `triangulate:${name}`,
  cat: 'blink.user_timing',
  ph: 'R',
  ts: ms * 1000,
  ...MAIN,
});

/** 0 ms: content.js evaluates; 10: session start; 30: the background's reply; 40: painted. */
const TRACE: TraceEvent[] = [
  task(0, 4),
  inside('EvaluateScript', 0.1, 3.8, `${EXTENSION}/content-bootstrap.js`),
  task(5, 1), // the page's load event: not ours
  inside('EventDispatch', 5.1, 0.5),
  task(7, 0.5), // the main script compiled from Chromium's cache
  inside('v8.compileModule', 7.1, 0.4, `${EXTENSION}/content-main.js`),
  task(9.5, 2), // the settings read: the session starts and reads the text
  mark('start', 10),
  mark('phase:text', 11),
  task(12, 3), // a frame of the page's own before the content script styles anything
  inside('Paint', 12.1, 2),
  task(16, 2), // a sliced loop going on after scheduler.yield()
  inside('RunYieldContinuation', 16, 2),
  task(19, 1), // the benchmark's own observer (a page script)
  inside('FunctionCall', 19.1, 0.5, ''),
  task(29.5, 1), // the background's reply
  mark('phase:read', 30),
  task(31, 3), // the restyle for the highlight style sheet the content script added
  inside('UpdateLayoutTree', 31.1, 2.8),
  task(35, 6), // ranges and painting; the task runs on 1 ms past the painted mark
  mark('phase:ranges', 37),
  mark('painted', 40),
  task(45, 9), // after painted: outside the window
  inside('Paint', 45, 9),
];

describe('main thread of the content script, from a trace', () => {
  test('its tasks from its evaluation to painted, the page’s own left out', () => {
    const figures = mainThreadOfContentScript(TRACE);
    // 4 + 0.5 + 2 + 2 (yield) + 1 + 3 (restyle) + 5 (up to painted) = 17.5
    expect(figures.totalMs).toBeCloseTo(17.5, 6);
    expect(figures.tasks).toBe(7);
    expect(figures.longestMs).toBeCloseTo(6, 6);
    // The page's load event (1), its frame (3) and the benchmark's observer (1) on top.
    expect(figures.windowMs).toBeCloseTo(22.5, 6);
  });

  test('thread time of the same tasks, in proportion to their share of the window', () => {
    // Each task ran half of its wall time: descheduled or waiting for the other half.
    const halfRunning = TRACE.map((e) =>
      e.name === 'RunTask' ? { ...e, tdur: (e.dur ?? 0) / 2 } : e,
    );
    expect(mainThreadOfContentScript(halfRunning).cpuMs).toBeCloseTo(8.75, 6);
    expect(mainThreadOfContentScript(halfRunning).totalMs).toBeCloseTo(17.5, 6);
    expect(mainThreadOfContentScript(TRACE).cpuMs).toBeNull();
  });

  test('per phase: script up to the session start, then each phase mark', () => {
    const phases = mainThreadPerPhase(TRACE);
    expect(Object.keys(phases)).toEqual(['script', 'text', 'read', 'ranges', 'painted']);
    const rounded = Object.fromEntries(
      Object.entries(phases).map(([phase, ms]) => [phase, Math.round(ms * 1000) / 1000]),
    );
    // script: 4 + 0.5 + 0.5 (9.5-10); text: 1 (10-11); read: 0.5 (11-11.5) + 2 + 0.5 (29.5-30);
    // ranges: 0.5 (30-30.5) + 3 + 2 (35-37); painted: 3 (37-40).
    expect(rounded).toEqual({ script: 5, text: 1, read: 3, ranges: 5.5, painted: 3 });
  });

  test('a trace without the content script’s marks is refused', () => {
    expect(() =>
      mainThreadOfContentScript(TRACE.filter((e) => e.name !== 'triangulate:painted')),
    ).toThrow('no triangulate marks in the trace');
  });
});
