// `npm run annotate` in a child process: JSON on stdout, one-line errors and exit codes.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundledDataset } from '../../data/index';

const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ['cli/annotate.ts', ...args],
      { cwd: root, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const SEED_PAGE = 'test/fixtures/pages/004_53d963a1b97000fa.html';
const scratch = mkdtempSync(join(tmpdir(), 'triangulate-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
};

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/article') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<html><body><p>The Islamic Movement of Uzbekistan said it attacked a column of Tajik soldiers in the Rasht district.</p></body></html>',
      );
    } else if (request.url === '/image') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('annotate --json', () => {
  test('a news page: one JSON object with the page, actors, incidents and figures', async () => {
    const { code, stdout, stderr } = await run(SEED_PAGE, '--json');
    expect([code, stderr]).toEqual([0, '']);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['page', 'actors', 'incidents', 'figures']);
    expect(result.page).toEqual({
      title: 'Purported IS Attack Killed More Tajik Border Guards Than Dushanbe Admits',
      outlet: 'rferl',
      publishedAt: '2019-11-08',
      language: 'en',
    });
    expect(result.incidents.map((i: { id: string }) => i.id)).toEqual([
      'tj-2019-11-06-rudaki-border-post-attack',
      'tj-kg-2019-09-border-clash',
    ]);
    const figure = result.figures.find((f: { text: string }) => f.text === '15 militants');
    expect(Object.keys(figure)).toEqual([
      'text',
      'start',
      'end',
      'low',
      'high',
      'qualifier',
      'side',
      'outcome',
      'attributedTo',
      'incidentId',
      'comparison',
    ]);
    expect([figure.low, figure.side, figure.outcome, figure.incidentId]).toEqual([
      15,
      'militants',
      'killed',
      'tj-2019-11-06-rudaki-border-post-attack',
    ]);
  });

  test('a text file with --published links its incidents; offsets index the text', async () => {
    const { code, stdout } = await run(
      'data/seeds/003_d70cfd5fdd3566a3.txt',
      '--published',
      '2010-09-23',
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.incidents.map((i: { id: string }) => i.id)).toEqual([
      'tj-2010-09-22-rasht-counter-strike',
      'tj-2010-09-19-rasht-ambush',
      'tj-1992-1997-civil-war',
    ]);
    const text = readFileSync(join(root, 'data/seeds/003_d70cfd5fdd3566a3.txt'), 'utf8');
    for (const f of result.figures) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  test('an http(s) address is fetched and read', async () => {
    const { code, stdout } = await run(`${base}/article`, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).actors.map((a: { id: string }) => a.id)).toEqual(['imu']);
  });

  test('a dataset file replaces the bundled one', async () => {
    const clash = 'tj-kg-2019-09-border-clash';
    const { incidents, reports, figures, ...rest } = structuredClone(bundledDataset) as {
      incidents: { id: string }[];
      reports: { incidentId: string }[];
      figures: { incidentId: string }[];
    };
    const withoutClash = {
      ...rest,
      incidents: incidents.filter((i) => i.id !== clash),
      reports: reports.filter((r) => r.incidentId !== clash),
      figures: figures.filter((f) => f.incidentId !== clash),
    };
    const { code, stdout } = await run(
      SEED_PAGE,
      '--json',
      '--dataset',
      file('smaller.json', JSON.stringify(withoutClash)),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).incidents.map((i: { id: string }) => i.id)).toEqual([
      'tj-2019-11-06-rudaki-border-post-attack',
    ]);
  });
});

test('without --json: a readable report', async () => {
  const { code, stdout } = await run(SEED_PAGE);
  expect(code).toBe(0);
  expect(stdout.split('\n').slice(0, 4)).toEqual([
    'Page: Purported IS Attack Killed More Tajik Border Guards Than Dushanbe Admits',
    'outlet: Radio Free Europe/Radio Liberty | published: 8 Nov 2019 | language: en',
    '',
    'Incidents:',
  ]);
});

describe('bad input: a one-line error and a non-zero exit', () => {
  test.each([
    ['no argument', 1, [], /^annotate: usage: annotate </],
    [
      'a missing file',
      1,
      ['no/such/page.html'],
      /^annotate: cannot read no\/such\/page\.html: ENOENT/,
    ],
    ['an unknown option', 1, [SEED_PAGE, '--colour'], /^annotate: Unknown option '--colour'/],
    [
      'a bad --published',
      1,
      [SEED_PAGE, '--published', 'Friday'],
      /^annotate: --published must be YYYY-MM-DD/,
    ],
    [
      'a bad --url',
      1,
      [SEED_PAGE, '--url', 'javascript:alert(1)'],
      /^annotate: --url must be an http\(s\) address/,
    ],
    [
      'a binary file',
      1,
      [file('page.html', new Uint8Array([0x3c, 0, 0xff, 0xfe]))],
      /is not readable UTF-8 text or HTML$/,
    ],
    [
      'a dataset that is not JSON',
      2,
      [SEED_PAGE, '--dataset', file('bad.json', '{')],
      /^annotate: dataset .*bad\.json is not JSON/,
    ],
    [
      'a dataset that does not validate',
      2,
      [SEED_PAGE, '--dataset', file('wrong.json', '{"meta":{}}')],
      /^annotate: dataset .*wrong\.json is invalid: /,
    ],
    [
      'a missing dataset',
      2,
      [SEED_PAGE, '--dataset', 'no/such.json'],
      /^annotate: cannot read dataset no\/such\.json/,
    ],
  ] as const)('%s -> exit %i', async (_name, exitCode, args, message) => {
    const { code, stdout, stderr } = await run(...args);
    expect([code, stdout]).toEqual([exitCode, '']);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(message);
  });

  test.each([
    ['a 404', '/missing', /^annotate: cannot fetch http:\/\/127\.0\.0\.1:\d+\/missing: HTTP 404$/],
    ['an image', '/image', /is not a text or HTML page \(image\/png\)$/],
  ])('%s -> exit 1', async (_name, path, message) => {
    const { code, stderr } = await run(`${base}${path}`);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(message);
  });

  test('a server that is not there -> exit 1', async () => {
    const { code, stderr } = await run('http://127.0.0.1:9/article');
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      /^annotate: cannot fetch http:\/\/127\.0\.0\.1:9\/article: fetch failed/,
    );
  });
});
