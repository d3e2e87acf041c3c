/**
 * `npm run bench [-- --json] [--only <suite>] [--rebuild] [--strict]`: runs
 * every benchmark suite and prints each figure of ours beside the
 * alternatives measured in the same run, as readable blocks or (--json) as
 * one JSON line per measurement. Machine details go to stderr with --json so
 * stdout stays parseable. --strict exits 1 when a target FAILs.
 *
 * Chromium suites (time to highlights, long tasks, popover latency, sync in
 * the service worker) go in test/bench/browser/*.ts, other Node ones may go
 * in test/bench/node/*.ts; each exports a Suite and is added to SUITES below.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { formatJson, formatText, type Measurement, type Suite } from './harness';

/**
 * Suites by name, loaded only when run: --only skips the others' imports
 * (Chromium, Dexie), and the node sync suite installs fake-indexeddb before
 * Dexie is first loaded.
 */
const SUITES: Record<string, () => Promise<Suite>> = {
  matching: async () => (await import('./matching')).matchingSuite,
  pipeline: async () => (await import('./pipeline')).pipelineSuite,
  size: async () => (await import('./size')).sizeSuite,
  sync: async () => (await import('./node/sync')).syncSuite,
  'sync-browser': async () => (await import('./browser/sync')).browserSyncSuite,
  content: async () => (await import('./browser/content')).contentSuite,
};

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  return `node ${process.version}, ${cpus().length} x ${cpu}, ${memory} GiB, load average ${load}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
  });
  const names = Object.keys(SUITES).filter(
    (name) => values.only === undefined || name === values.only,
  );
  if (names.length === 0) {
    throw new Error(`no suite named ${values.only}; have ${Object.keys(SUITES).join(', ')}`);
  }
  const log = values.json ? console.error : console.log;
  log(`# ${machine()}`);
  let failed = 0;
  let passed = 0;
  const brokenSuites: string[] = [];
  const report = (measurement: Measurement): void => {
    for (const check of measurement.checks ?? []) {
      if (check.pass) passed++;
      else failed++;
    }
    console.log(values.json ? formatJson(measurement) : `${formatText(measurement)}\n`);
  };
  for (const name of names) {
    const started = performance.now();
    log(`## ${name}`);
    // One broken suite (no Chromium, a build in progress) must not hide the others' figures.
    try {
      const suite = await SUITES[name]!();
      await suite.run(report, { rebuild: values.rebuild === true });
      log(`## ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      brokenSuites.push(name);
      console.error(`## ${name} FAILED:`, error);
    }
  }
  const broken =
    brokenSuites.length > 0 ? `; suites that failed to run: ${brokenSuites.join(', ')}` : '';
  log(
    `# targets: ${passed} PASS, ${failed} FAIL; load average now ${loadavg()[0]!.toFixed(2)}${broken}`,
  );
  if (brokenSuites.length > 0 || (values.strict && failed > 0)) process.exitCode = 1;
}

await main();
