/**
 * Throughput of text scanners with one protocol for ours and every
 * alternative: repeated runs on a small prefix warm the JIT up and estimate
 * the cost; a scanner too slow to read the whole text several times within
 * the budget is timed on a shorter prefix instead (MB/s stays comparable;
 * the sample size is reported). Scanners compared with each other are timed
 * in interleaved rounds (ours, then each alternative, then again), so load
 * from other processes falls on all of them alike.
 */
import { bytesOf, elapsedMs, mbPerSecond, median, medianMs } from './harness';
import { prefixOf } from './corpus';

const PROBE_CHARS = 16_000;
const RUNS = 5;
/**
 * Untimed runs of each scanner on its own sample before the timed rounds.
 * The probe is mostly the first seed article, so code paths that the rest
 * of the text takes are still cold after it: with one untimed run, V8 was
 * still optimising and deoptimising ours on 1 MB (runs of 9.5 to 73.5 ms
 * where it settles at 9.4) within the five timed ones.
 */
const WARM_SAMPLE_RUNS = 3;
/** Repeated probe runs before timing, so the JIT has optimised the hot loops (capped in time). */
const WARM_UP_RUNS = 30;
const WARM_UP_MS = 400;

export type Scan = (text: string) => unknown;

export interface Throughput {
  mbPerSecond: number;
  sampleBytes: number;
  /** What the scanner returned on the sample (a hit count, a list...). */
  result: unknown;
}

/** Warms `scan` up on a prefix and picks the sample it can afford to read RUNS + 1 times. */
function sampleFor(scan: Scan, text: string, budgetMs: number, whole: boolean): string {
  const probe = prefixOf(text, PROBE_CHARS);
  const probeMs = medianMs(() => scan(probe), {
    warmup: 1,
    minRuns: 1,
    maxRuns: WARM_UP_RUNS,
    budgetMs: WARM_UP_MS,
  });
  if (whole) return text;
  const msPerChar = Math.max(probeMs, 0.001) / probe.length;
  return prefixOf(text, Math.max(PROBE_CHARS, budgetMs / (RUNS + 1) / msPerChar));
}

/**
 * MB/s of each scanner, timed in RUNS interleaved rounds after
 * WARM_SAMPLE_RUNS untimed ones. `whole`: always the whole text, for work
 * that grows faster than the text (a prefix would flatter it).
 */
export function throughputs(
  scans: Record<string, Scan>,
  text: string,
  budgetMs = 4000,
  whole = false,
): Record<string, Throughput> {
  const names = Object.keys(scans);
  const samples = names.map((name) => sampleFor(scans[name]!, text, budgetMs, whole));
  const results: unknown[] = [];
  for (let run = 0; run < WARM_SAMPLE_RUNS; run++) {
    names.forEach((name, i) => (results[i] = scans[name]!(samples[i]!)));
  }
  const times: number[][] = names.map(() => []);
  const started = process.hrtime.bigint();
  for (let round = 0; round < RUNS; round++) {
    if (round >= 1 && whole && elapsedMs(started) > budgetMs) break;
    names.forEach((name, i) => {
      const start = process.hrtime.bigint();
      results[i] = scans[name]!(samples[i]!);
      times[i]!.push(elapsedMs(start));
    });
  }
  return Object.fromEntries(
    names.map((name, i) => {
      const sampleBytes = bytesOf(samples[i]!);
      const ms = median(times[i]!);
      return [name, { mbPerSecond: mbPerSecond(sampleBytes, ms), sampleBytes, result: results[i] }];
    }),
  );
}

/** One scanner alone. */
export function throughput(scan: Scan, text: string, budgetMs = 4000, whole = false): Throughput {
  return throughputs({ scan }, text, budgetMs, whole).scan!;
}

export const kilobytes = (bytes: number): string => `${Math.round(bytes / 1000)} KB`;
