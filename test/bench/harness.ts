/**
 * The shared reporting helpers every benchmark suite uses, Node or Chromium:
 * time a function as the median of several runs after a warm-up, and print a
 * measurement either as a readable block or as one JSON line.
 */

/** One figure of ours beside the alternatives measured in the same run. */
export interface Measurement {
  name: string;
  unit: string;
  ours: number;
  alternatives: Record<string, number>;
  /** ours/alternative; for a limit (the bare loop) limit/ours: how many times slower than it we are. */
  ratios: Record<string, number>;
  /** Targets as PASS/FAIL (an additive field beside the five agreed ones). */
  checks?: Check[];
  /** How it was measured, where that is not obvious (sample size, caveats). */
  notes?: string[];
}

export interface Check {
  target: string;
  pass: boolean;
}

/** A suite: Node suites live in test/bench/*.ts, Chromium ones in test/bench/browser/*.ts. */
export interface Suite {
  name: string;
  run(report: (measurement: Measurement) => void, options: SuiteOptions): Promise<void>;
}

export interface SuiteOptions {
  /** Rebuild artefacts (the extension) even when present. */
  rebuild: boolean;
}

export interface TimingOptions {
  warmup?: number;
  minRuns?: number;
  maxRuns?: number;
  /** Stop adding runs past minRuns once this much time has been spent. */
  budgetMs?: number;
}

/** Anything a timed function returns goes here, so its work cannot be optimised away. */
export let sink: unknown = null;

export function elapsedMs(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = values.toSorted((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time in ms of `fn`, after `warmup` untimed calls. */
export function medianMs(fn: () => unknown, options: TimingOptions = {}): number {
  const { warmup = 1, minRuns = 3, maxRuns = 7, budgetMs = 4000 } = options;
  for (let i = 0; i < warmup; i++) sink = fn();
  const times: number[] = [];
  const started = process.hrtime.bigint();
  while (times.length < maxRuns && (times.length < minRuns || elapsedMs(started) < budgetMs)) {
    const start = process.hrtime.bigint();
    sink = fn();
    times.push(elapsedMs(start));
  }
  return median(times);
}

export const bytesOf = (text: string): number => Buffer.byteLength(text, 'utf8');

/** MB/s with MB = 1,000,000 bytes of UTF-8. */
export const mbPerSecond = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

/** Ratios ours/alternative, or alternative/ours for the names in `limits`. */
export function ratiosOf(
  ours: number,
  alternatives: Record<string, number>,
  limits: readonly string[] = [],
): Record<string, number> {
  const ratios: Record<string, number> = {};
  for (const [name, value] of Object.entries(alternatives)) {
    ratios[name] = limits.includes(name) ? value / ours : ours / value;
  }
  return ratios;
}

function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 4;
  return Number(value.toFixed(digits));
}

function roundAll(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v)]));
}

export function formatJson(m: Measurement): string {
  return JSON.stringify({
    name: m.name,
    unit: m.unit,
    ours: round(m.ours),
    alternatives: roundAll(m.alternatives),
    ratios: roundAll(m.ratios),
    ...(m.checks === undefined ? {} : { checks: m.checks }),
    ...(m.notes === undefined ? {} : { notes: m.notes }),
  });
}

export function formatText(m: Measurement): string {
  const lines = [`${m.name}  [${m.unit}]`, `  ours${' '.repeat(24)}${round(m.ours)}`];
  for (const [name, value] of Object.entries(m.alternatives)) {
    const ratio = m.ratios[name];
    const ratioText = ratio === undefined ? '' : `  ratio ${round(ratio)}`;
    lines.push(`  ${name.padEnd(28)}${String(round(value)).padEnd(12)}${ratioText}`);
  }
  for (const check of m.checks ?? []) {
    lines.push(`  ${check.pass ? 'PASS' : 'FAIL'}  ${check.target}`);
  }
  for (const note of m.notes ?? []) lines.push(`  note: ${note}`);
  return lines.join('\n');
}
