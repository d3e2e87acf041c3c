// The dataset validator against hostile datasets: every mutation of the real
// dataset that breaks the schema is refused, and the error names where.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bundledDataset } from '../../../data/index';
import { LIMITS, parseDataset, type Dataset } from '../../../core/schema';
import { RUNS } from './arbitraries';
import { runProperty } from './runProperty';

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(`bundled dataset is invalid: ${parsed.errors.join('; ')}`);
const real: Dataset = parsed.dataset;
const figure0 = real.figures[0]!;
const report0 = real.reports[0]!;
const incident0 = real.incidents[0]!;

type Json = Record<string, unknown> & Record<number, unknown>;
/** A deep copy of the real dataset with one change applied. */
function mutated(change: (data: Json) => void): unknown {
  const copy = structuredClone(real) as unknown as Json;
  change(copy);
  return copy;
}
const at = (data: Json, ...path: (string | number)[]): Json =>
  path.reduce<Json>((node, key) => node[key] as Json, data);

const BAD_LINKS = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '/relative/path',
  '//evil.example/x',
  'https://',
  'http:/one-slash.example',
  'https://exa mple.org/',
  `https://example.org/${'a'.repeat(LIMITS.urlLength)}`,
];

describe('parseDataset refuses each broken shape and names its path', () => {
  test.each<[string, (data: Json) => void, string]>([
    ['a missing meta version', (d) => delete at(d, 'meta').version, 'meta.version: '],
    ['a missing figure low', (d) => delete at(d, 'figures', 0).low, 'figures[0].low: '],
    ['a missing report url', (d) => delete at(d, 'reports', 2).url, 'reports[2].url: '],
    ['a missing table', (d) => delete d.places, 'places: '],
    ['a table as an object', (d) => (d.actors = { 0: real.actors[0] }), 'actors: '],
    ['a count as a string', (d) => (at(d, 'figures', 0).low = '8'), 'figures[0].low: '],
    ['a negative count', (d) => (at(d, 'figures', 1).high = -1), 'figures[1].high: '],
    ['a fractional count', (d) => (at(d, 'figures', 1).high = 8.5), 'figures[1].high: '],
    ['NaN as a count', (d) => (at(d, 'figures', 1).low = Number.NaN), 'figures[1].low: '],
    ['an infinite count', (d) => (at(d, 'figures', 1).high = Infinity), 'figures[1].high: '],
    ['low above high', (d) => (at(d, 'figures', 0).low = figure0.high + 1), 'figures[0]: '],
    [
      'a date as a number',
      (d) => (at(d, 'incidents', 0).startDate = 20150904),
      'incidents[0].startDate: ',
    ],
    [
      'no such calendar day',
      (d) => (at(d, 'incidents', 0).startDate = '2015-02-30'),
      'incidents[0].startDate: ',
    ],
    ['an unknown side', (d) => (at(d, 'figures', 0).side = 'police'), 'figures[0].side: '],
    ['a future schema', (d) => (at(d, 'meta').schema = 2), 'meta.schema: '],
    [
      'a boolean as a string',
      (d) => (at(d, 'reports', 0).publishedAtInferred = 'false'),
      'reports[0].publishedAtInferred: ',
    ],
    [
      'a list as a string',
      (d) => (at(d, 'actors', 0).aliases = 'Nazarzoda'),
      'actors[0].aliases: ',
    ],
    ['an upper-case id', (d) => (at(d, 'outlets', 0).id = 'RFERL'), 'outlets[0].id: '],
    [
      'an id with markup',
      (d) => (at(d, 'actors', 0).id = '<img src=x onerror=alert(1)>'),
      'actors[0].id: ',
    ],
    ['an extra field', (d) => (at(d, 'figures', 0).extra = 1), 'figures[0].extra: '],
    ['an extra table', (d) => (d.users = []), 'users: '],
    [
      'an own __proto__ key',
      (d) =>
        Object.defineProperty(at(d, 'reports', 0), '__proto__', {
          value: { polluted: true },
          enumerable: true,
        }),
      'reports[0].__proto__: ',
    ],
    [
      'an own constructor key',
      (d) => Object.assign(at(d, 'places', 0), JSON.parse('{"constructor": "x"}')),
      'places[0].constructor: ',
    ],
    [
      'an oversized title',
      (d) => (at(d, 'incidents', 0).title = 'x'.repeat(LIMITS.shortText + 1)),
      'incidents[0].title: ',
    ],
    [
      'an oversized summary',
      (d) => (at(d, 'incidents', 0).summary = 'x'.repeat(LIMITS.longText + 1)),
      'incidents[0].summary: ',
    ],
    [
      'an oversized quote',
      (d) => (at(d, 'figures', 0).quote = 'x'.repeat(LIMITS.longText + 1)),
      'figures[0].quote: ',
    ],
    [
      'an oversized id',
      (d) => (at(d, 'outlets', 0).id = 'a'.repeat(LIMITS.idLength + 1)),
      'outlets[0].id: ',
    ],
    ['an empty name', (d) => (at(d, 'actors', 0).name = ''), 'actors[0].name: '],
    [
      'too many aliases',
      (d) =>
        (at(d, 'actors', 0).aliases = Array.from(
          { length: LIMITS.listItems + 1 },
          (_, i) => `a${i}`,
        )),
      'actors[0].aliases: ',
    ],
    ['a latitude off the globe', (d) => (at(d, 'places', 0).lat = 91), 'places[0].lat: '],
    [
      'a dangling figure report',
      (d) => (at(d, 'figures', 0).reportId = 'no-such-report'),
      `figures.${figure0.id}.reportId: unknown id no-such-report`,
    ],
    [
      'a dangling report outlet',
      (d) => (at(d, 'reports', 0).outletId = 'no-such-outlet'),
      `reports.${report0.id}.outletId: unknown id no-such-outlet`,
    ],
    [
      'a dangling via outlet',
      (d) => (at(d, 'reports', 0).via = ['no-such-wire']),
      `reports.${report0.id}.via: unknown id no-such-wire`,
    ],
    [
      'a dangling place',
      (d) => (at(d, 'incidents', 0).placeIds = ['nowhere']),
      `incidents.${incident0.id}.placeIds: unknown id nowhere`,
    ],
    [
      'a dangling actor',
      (d) => (at(d, 'incidents', 0).actors = [{ actorId: 'nobody', role: 'perpetrator' }]),
      `incidents.${incident0.id}.actors: unknown id nobody`,
    ],
    [
      'a dangling parent',
      (d) => (at(d, 'incidents', 0).parentId = 'no-parent'),
      `incidents.${incident0.id}.parentId: unknown id no-parent`,
    ],
    [
      'a figure of another incident than its report',
      (d) =>
        (at(d, 'figures', 0).incidentId = real.incidents.find(
          (i) => i.id !== figure0.incidentId,
        )!.id),
      `figures.${figure0.id}: incidentId `,
    ],
    [
      'an end before the start',
      (d) => (at(d, 'incidents', 0).endDate = '1900-01-01'),
      `incidents.${incident0.id}: endDate before startDate`,
    ],
    [
      'a duplicate id',
      (d) => (at(d, 'figures', 1).id = figure0.id),
      `figures: duplicate id ${figure0.id}`,
    ],
  ])('%s', (_name, change, expectedError) => {
    const result = parseDataset(mutated(change));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.some((error) => error.startsWith(expectedError))).toBe(true);
  });

  test.each(BAD_LINKS.map((link) => [link.slice(0, 60), link]))(
    'the link %j is refused wherever a link goes',
    (_shown, link) => {
      for (const [change, path] of [
        [(d: Json) => (at(d, 'reports', 0).url = link), 'reports[0].url: '],
        [(d: Json) => (at(d, 'outlets', 0).url = link), 'outlets[0].url: '],
        [(d: Json) => (at(d, 'actors', 0).links = [link]), 'actors[0].links[0]: '],
      ] as const) {
        const result = parseDataset(mutated(change));
        expect(result).toEqual({
          ok: false,
          errors: [expect.stringMatching(`^${path.replace(/[[\].]/g, '\\$&')}`)],
        });
      }
    },
  );

  test.each<[string, unknown]>([
    ['null', null],
    ['an array', []],
    ['a string', '{"meta":{}}'],
    ['a number', 42],
    ['an empty object', {}],
  ])('%s at the root is refused', (_name, input) => {
    const result = parseDataset(input);
    expect(result.ok).toBe(false);
  });

  test('a record nested 100,000 levels deep is refused without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const result = parseDataset(mutated((d) => (at(d, 'actors', 0).aliases = [deep])));
    expect(result).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^actors\[0\]\.aliases\[0\]: /)],
    });
  });

  test('JSON.parse of a __proto__ key cannot pollute prototypes through validation', () => {
    const hostile = JSON.parse(
      JSON.stringify(real).replace('"meta":{', '"meta":{"__proto__":{"polluted":true},'),
    ) as unknown;
    const result = parseDataset(hostile);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/**
 * A small real slice of the dataset (one incident with its reports, figures,
 * outlets, actors and places), so 10,000 mutations validate in seconds.
 */
function realSlice(): Dataset {
  const incident = real.incidents.find((i) => i.parentId !== null && i.placeIds.length > 0)!;
  const reports = real.reports.filter((r) => r.incidentId === incident.id).slice(0, 2);
  const reportIds = new Set(reports.map((r) => r.id));
  const outletIds = new Set(reports.flatMap((r) => [r.outletId, ...r.via]));
  const actorIds = new Set(incident.actors.map((a) => a.actorId));
  const parent = real.incidents.find((i) => i.id === incident.parentId)!;
  return {
    meta: real.meta,
    outlets: real.outlets.filter((o) => outletIds.has(o.id)),
    actors: real.actors.filter(
      (a) => actorIds.has(a.id) || parent.actors.some((p) => p.actorId === a.id),
    ),
    places: real.places.filter(
      (p) => incident.placeIds.includes(p.id) || parent.placeIds.includes(p.id),
    ),
    incidents: [parent, incident],
    reports,
    figures: real.figures.filter((f) => reportIds.has(f.reportId)).slice(0, 4),
  };
}
const slice = structuredClone(realSlice()) as unknown as Json;

/** Every leaf and branch of the slice that holds a non-null value, as a path. */
function pathsOf(node: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (node === null) return out;
  if (path.length >= 2) out.push(path);
  if (Array.isArray(node)) node.forEach((item, i) => pathsOf(item, [...path, i], out));
  else if (typeof node === 'object')
    for (const [key, value] of Object.entries(node)) pathsOf(value, [...path, key], out);
  return out;
}
const PATHS = pathsOf(slice);
const shown = (path: (string | number)[]) =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
const pathPattern = (path: (string | number)[]) => shown(path).replace(/[[\].]/g, '\\$&');
const jsonKind = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** Parses the slice with `path` set to `value` (or removed), then puts the slice back. */
function parseWith(path: (string | number)[], value: unknown, remove = false) {
  const parent = path.slice(0, -1).reduce<Json>((node, key) => node[key] as Json, slice);
  const key = path.at(-1)!;
  const original = parent[key];
  if (remove) delete parent[key];
  else parent[key] = value;
  try {
    return parseDataset(slice);
  } finally {
    parent[key] = original;
  }
}

describe('fuzz: parseDataset', () => {
  test('the slice the fuzzer mutates is itself valid and has every kind of record', () => {
    expect(parseDataset(slice).ok).toBe(true);
    expect(
      Object.values(slice).map((table) => (Array.isArray(table) ? table.length > 0 : true)),
    ).toEqual([true, true, true, true, true, true, true]);
  });

  test('never throws on arbitrary values, and refuses anything that is not a dataset', () => {
    const run = runProperty(
      fc.property(fc.anything({ maxDepth: 4 }), (input) => {
        expect(parseDataset(input).ok).toBe(false);
      }),
    );
    expect(run).toMatchObject({ runs: RUNS, interrupted: false });
  });

  test('a value of the wrong type anywhere in a real record is refused, naming its path', () => {
    let mutations = 0;
    const run = runProperty(
      fc.property(
        fc.constantFrom(...PATHS),
        fc.oneof(
          fc.string({ maxLength: 5 }),
          fc.integer(),
          fc.double(),
          fc.boolean(),
          fc.array(fc.string(), { maxLength: 2 }),
          fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
        ),
        (path, value) => {
          const original = path.reduce<Json>((node, key) => node[key] as Json, slice);
          if (jsonKind(original) === jsonKind(value)) return; // same type may be valid
          mutations++;
          const result = parseWith(path, value);
          expect(result.ok).toBe(false);
          if (!result.ok)
            expect(result.errors[0]).toMatch(new RegExp(`^${pathPattern(path)}[:.[]`));
        },
      ),
    );
    expect(run).toMatchObject({ runs: RUNS, interrupted: false });
    expect(mutations).toBeGreaterThan(RUNS / 2);
  });

  test('a missing field anywhere in a real record is refused, naming its path', () => {
    const fields = PATHS.filter((path) => path.length === 3);
    const run = runProperty(
      fc.property(fc.constantFrom(...fields), (path) => {
        const result = parseWith(path, undefined, true);
        expect(result).toEqual({
          ok: false,
          errors: [
            `${shown(path)}: Invalid key: Expected "${String(path.at(-1))}" but received undefined`,
          ],
        });
      }),
    );
    expect(run).toMatchObject({ runs: RUNS, interrupted: false });
  });
});
