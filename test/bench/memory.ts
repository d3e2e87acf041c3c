/**
 * Build a structure a few times, timing each build and measuring what it
 * retains: the heap (plus typed-array backing stores) growth between full
 * collections. Node hides gc() unless started with --expose-gc; the flag can
 * also be set at run time and gc() read from a fresh context, so
 * `npm run bench` needs no extra flags.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { elapsedMs, median } from './harness';

setFlagsFromString('--expose-gc');
// V8 drops the bytecode of functions left unused over a few collections; the
// heap then shrinks by more than a small build retains (the 1,000-alias
// matcher, 0.17 MB, once measured -0.01 MB).
setFlagsFromString('--no-flush-bytecode');
const collect = runInNewContext('gc') as () => void;

function heapBytes(): number {
  collect();
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

export interface Built<T> {
  /** The last build, for the caller to use. */
  value: T;
  /** Median build time, ms. */
  ms: number;
  /** Median retained size, MB (10^6 bytes). */
  retainedMB: number;
}

/** Builds at least once and at most `maxRuns` times, stopping once `budgetMs` is spent. */
export function buildMeasured<T>(build: () => T, maxRuns = 3, budgetMs = 3000): Built<T> {
  const times: number[] = [];
  const sizes: number[] = [];
  let value: T | null = null;
  let spent = 0;
  while (times.length < maxRuns && (times.length === 0 || spent < budgetMs)) {
    value = null;
    const before = heapBytes();
    const start = process.hrtime.bigint();
    value = build();
    const ms = elapsedMs(start);
    sizes.push((heapBytes() - before) / 1e6);
    times.push(ms);
    spent += ms;
  }
  return { value: value as T, ms: median(times), retainedMB: median(sizes) };
}
