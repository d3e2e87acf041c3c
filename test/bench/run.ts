/**
 * `npm run bench [-- --json] [--only <suite>] [--rebuild] [--strict]`: runs
 * every benchmark suite and prints each figure of ours beside the
 * alternatives measured in the same run, as readable blocks or (--json) as
 * one JSON line per measurement. Machine details go to stderr with --json so
 * stdout stays parseable. --strict exits 1 when a target FAILs.
 *
 * Chromium suites (time to highlights, long tasks, popover latency...) go in
 * test/bench/browser/*.ts, export a Suite, and are added to SUITES below.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { formatJson, formatText, type Measurement, type Suite } from './harness';
import { matchingSuite } from './matching';
import { pipelineSuite } from './pipeline';
import { sizeSuite } from './size';

const SUITES: Suite[] = [matchingSuite, pipelineSuite, sizeSuite];

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
  const suites = SUITES.filter((suite) => values.only === undefined || suite.name === values.only);
  if (suites.length === 0) {
    throw new Error(`no suite named ${values.only}; have ${SUITES.map((s) => s.name).join(', ')}`);
  }
  const log = values.json ? console.error : console.log;
  log(`# ${machine()}`);
  let failed = 0;
  let passed = 0;
  const report = (measurement: Measurement): void => {
    for (const check of measurement.checks ?? []) {
      if (check.pass) passed++;
      else failed++;
    }
    console.log(values.json ? formatJson(measurement) : `${formatText(measurement)}\n`);
  };
  for (const suite of suites) {
    const started = performance.now();
    log(`## ${suite.name}`);
    await suite.run(report, { rebuild: values.rebuild === true });
    log(`## ${suite.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  log(`# targets: ${passed} PASS, ${failed} FAIL; load average now ${loadavg()[0]!.toFixed(2)}`);
  if (values.strict && failed > 0) process.exitCode = 1;
}

await main();
