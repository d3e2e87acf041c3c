/**
 * Throughput of a text scanner with one protocol for ours and every
 * alternative: repeated runs on a small prefix warm the JIT up and estimate
 * the cost, then the median of 5 runs after one more warm-up; a scanner
 * too slow to read the whole text several times within the budget is timed
 * on a shorter prefix instead (MB/s stays comparable; the sample size is
 * reported).
 */
import { bytesOf, mbPerSecond, medianMs } from './harness';
import { prefixOf } from './corpus';

const PROBE_CHARS = 16_000;
const RUNS = 5;
/** Repeated probe runs before timing, so the JIT has optimised the hot loops (capped in time). */
const WARM_UP_RUNS = 30;
const WARM_UP_MS = 400;

export interface Throughput {
  mbPerSecond: number;
  sampleBytes: number;
  /** What the scanner returned on the sample (a hit count, a list...). */
  result: unknown;
}

/**
 * `whole`: always time the whole text, for work that grows faster than the
 * text (a prefix would flatter it).
 */
export function throughput(
  scan: (text: string) => unknown,
  text: string,
  budgetMs = 4000,
  whole = false,
): Throughput {
  const probe = prefixOf(text, PROBE_CHARS);
  const probeMs = medianMs(() => scan(probe), {
    warmup: 1,
    minRuns: 1,
    maxRuns: WARM_UP_RUNS,
    budgetMs: WARM_UP_MS,
  });
  const msPerChar = Math.max(probeMs, 0.001) / probe.length;
  const affordableChars = budgetMs / (RUNS + 1) / msPerChar;
  const sample = whole ? text : prefixOf(text, Math.max(PROBE_CHARS, affordableChars));
  let result: unknown = null;
  const ms = medianMs(() => (result = scan(sample)), {
    warmup: 1,
    minRuns: whole ? 1 : 3,
    maxRuns: RUNS,
    budgetMs,
  });
  const sampleBytes = bytesOf(sample);
  return { mbPerSecond: mbPerSecond(sampleBytes, ms), sampleBytes, result };
}

export const kilobytes = (bytes: number): string => `${Math.round(bytes / 1000)} KB`;
