// Verdicts of a page's figure against hand-made reports, and the per-incident summary.
import { describe, expect, test } from 'vitest';
import { compareClaim, countText, findOutlier, summarizeIncident } from '../../core/compare';
import type { Figure, Outcome, Qualifier, Report, Side } from '../../core/schema';
import type { IncidentBundle } from '../../core/types';

const report = (id: string, outletId: string, extra: Partial<Report> = {}): Report => ({
  id,
  incidentId: 'attack',
  outletId,
  url: `https://${outletId}.example/${id}`,
  capture: null,
  publishedAt: '2015-09-04',
  publishedAtInferred: false,
  title: id,
  language: 'en',
  via: [],
  eventDate: null,
  ...extra,
});

const figure = (
  id: string,
  reportId: string,
  low: number,
  high = low,
  side: Side = 'security',
  outcome: Outcome = 'killed',
  qualifier: Qualifier = 'exact',
  attributedTo = 'the interior ministry',
): Figure => ({
  id,
  reportId,
  incidentId: 'attack',
  outcome,
  side,
  sideLabel: side === 'security' ? 'police' : side,
  low,
  high,
  qualifier,
  attributedTo,
  attributionKind: 'official',
  quote: `${low} ${side} ${outcome}`,
});

const bundle = (reports: Report[], figures: Figure[]): IncidentBundle => ({
  incident: {
    id: 'attack',
    title: 'Attack',
    kind: 'attack',
    startDate: '2015-09-04',
    endDate: '2015-09-04',
    datePrecision: 'day',
    placeIds: [],
    actors: [],
    parentId: null,
    keywords: [],
    summary: '',
  },
  reports,
  figures,
  outlets: [
    {
      id: 'afp',
      name: 'AFP',
      aliases: [],
      domains: [],
      country: 'FR',
      ownership: 'public',
      url: null,
    },
    {
      id: 'tass',
      name: 'TASS',
      aliases: [],
      domains: [],
      country: 'RU',
      ownership: 'state',
      url: null,
    },
    {
      id: 'voa',
      name: 'VOA',
      aliases: [],
      domains: [],
      country: 'US',
      ownership: 'public',
      url: null,
    },
    {
      id: 'reuters',
      name: 'Reuters',
      aliases: [],
      domains: [],
      country: null,
      ownership: 'private',
      url: null,
    },
  ],
  places: [],
  actors: [],
});

// Four reports of one attack: 8 (AFP), 9 (TASS), 8 and RIA's 33 (VOA carrying Reuters).
const attack = bundle(
  [report('r-afp', 'afp'), report('r-tass', 'tass'), report('r-voa', 'voa', { via: ['reuters'] })],
  [
    figure('f1', 'r-afp', 8),
    figure('f2', 'r-tass', 9),
    figure('f3', 'r-voa', 8, 8, 'security', 'killed', 'at-least'),
    figure(
      'f4',
      'r-voa',
      33,
      33,
      'security',
      'killed',
      'exact',
      'RIA, citing an unidentified source',
    ),
    figure('f5', 'r-voa', 8), // the same report repeating its figure
    figure('f6', 'r-tass', 12, 12, 'security', 'wounded'),
    figure('f7', 'r-afp', 9, 9, 'militants'),
    figure('f8', 'r-afp', 17, 17, 'all'),
    figure('f9', 'r-voa', 5, 7, 'unknown', 'detained'),
  ],
);

describe('compareClaim', () => {
  test.each([
    // low, high, side, outcome, verdict, agreeing figure ids, all compared figure ids, range
    [8, 8, 'security', 'killed', 'agrees', ['f1', 'f3'], ['f1', 'f2', 'f3', 'f4'], [8, 33]],
    [9, 9, 'security', 'killed', 'agrees', ['f2'], ['f1', 'f2', 'f3', 'f4'], [8, 33]],
    [20, 20, 'security', 'killed', 'within-range', [], ['f1', 'f2', 'f3', 'f4'], [8, 33]],
    [40, 40, 'security', 'killed', 'above-all', [], ['f1', 'f2', 'f3', 'f4'], [8, 33]],
    [2, 2, 'security', 'killed', 'below-all', [], ['f1', 'f2', 'f3', 'f4'], [8, 33]],
    [7, 10, 'security', 'killed', 'agrees', ['f1', 'f2', 'f3'], ['f1', 'f2', 'f3', 'f4'], [8, 33]],
    [12, 12, 'security', 'wounded', 'agrees', ['f6'], ['f6'], [12, 12]],
    [3, 3, 'security', 'captured', 'no-comparable', [], [], null],
    // a total compares only with stated totals, never with a side
    [17, 17, 'all', 'killed', 'agrees', ['f8'], ['f8'], [17, 17]],
    [8, 8, 'all', 'killed', 'below-all', [], ['f8'], [17, 17]],
    // an unknown side compares with unknown sides...
    [8, 8, 'unknown', 'killed', 'no-comparable', [], [], null],
    // ...unless it equals a stated total: then it is read as that total
    [17, 17, 'unknown', 'killed', 'agrees', ['f8'], ['f8'], [17, 17]],
    [15, 20, 'unknown', 'killed', 'agrees', ['f8'], ['f8'], [17, 17]],
    [30, 30, 'unknown', 'killed', 'no-comparable', [], [], null],
    [6, 6, 'unknown', 'detained', 'agrees', ['f9'], ['f9'], [5, 7]],
    [9, 9, 'militants', 'killed', 'agrees', ['f7'], ['f7'], [9, 9]],
    [9, 9, 'civilians', 'killed', 'no-comparable', [], [], null],
  ] as const)(
    '%i-%i %s %s -> %s',
    (low, high, side, outcome, verdict, agreeing, compared, range) => {
      const result = compareClaim({ low, high, side, outcome }, attack);
      expect(result.verdict).toBe(verdict);
      expect(result.sources.filter((s) => s.agrees).map((s) => s.figureId)).toEqual(agreeing);
      expect(result.sources.map((s) => s.figureId)).toEqual(compared);
      expect(result.range).toEqual(range === null ? null : { low: range[0], high: range[1] });
    },
  );

  test('a source carries its outlet, wire and attribution', () => {
    const rias = compareClaim(
      { low: 33, high: 33, side: 'security', outcome: 'killed' },
      attack,
    ).sources.find((s) => s.figureId === 'f4');
    expect(rias).toEqual({
      reportId: 'r-voa',
      figureId: 'f4',
      outletId: 'voa',
      outletName: 'VOA via Reuters',
      publishedAt: '2015-09-04',
      url: 'https://voa.example/r-voa',
      low: 33,
      high: 33,
      qualifier: 'exact',
      attributedTo: 'RIA, citing an unidentified source',
      quote: '33 security killed',
      agrees: true,
    });
  });

  test('figures of another incident in the bundle are ignored', () => {
    const stray = { ...figure('x', 'r-afp', 50), incidentId: 'other' };
    const result = compareClaim(
      { low: 50, high: 50, side: 'security', outcome: 'killed' },
      bundle(attack.reports, [stray]),
    );
    expect(result.verdict).toBe('no-comparable');
  });
});

describe('findOutlier', () => {
  test.each([
    [[8, 9, 8, 33], 33],
    [[8, 9, 33], 33],
    [[8, 33], null], // two figures: no telling which is off
    [[2, 7, 10], null], // the others do not agree among themselves
    [[1, 1, 3], null], // too close in absolute terms
    [[8, 9, 30, 33], null],
    [[40, 9, 9, 10], 40],
    [[1, 9, 9, 10], 1],
    [[0, 9, 9, 10], 0],
  ])('%j -> %s', (values, expected) => {
    const entries = values.map((value) => ({ low: value, high: value }));
    expect(findOutlier(entries)?.low ?? null).toBe(expected);
  });
});

describe('countText', () => {
  test.each([
    [8, 8, 'exact', '8'],
    [8, 8, 'at-least', 'at least 8'],
    [5, 7, 'exact', '5-7'],
    [100, 100, 'more-than', 'more than 100'],
    [20, 20, 'about', 'about 20'],
    [10, 10, 'up-to', 'up to 10'],
  ] as const)('%i-%i %s -> %s', (low, high, qualifier, text) => {
    expect(countText({ low, high, qualifier })).toBe(text);
  });
});

describe('summarizeIncident', () => {
  const summary = summarizeIncident(attack);

  test('one spread per side and outcome, with min, max, sources and outlier', () => {
    expect(
      summary.spreads.map((s) => [
        s.side,
        s.outcome,
        s.low,
        s.high,
        s.sources,
        s.figures.length,
        s.outlier?.figureId ?? null,
      ]),
    ).toEqual([
      ['security', 'killed', 8, 33, 3, 4, 'f4'],
      ['militants', 'killed', 9, 9, 1, 1, null],
      ['all', 'killed', 17, 17, 1, 1, null],
      ['security', 'wounded', 12, 12, 1, 1, null],
      ['unknown', 'detained', 5, 7, 1, 1, null],
    ]);
    expect(summary.sources).toBe(3);
  });

  test('the disagreement in plain words, outlier first', () => {
    expect(summary.spreads[0]?.sentence).toBe(
      'RIA, citing an unidentified source (VOA via Reuters) reports 33 police killed; ' +
        'the interior ministry (AFP), 8 police; the interior ministry (TASS), 9 police; ' +
        'the interior ministry (VOA via Reuters), at least 8 police.',
    );
    expect(summary.spreads.slice(1).map((s) => s.sentence)).toEqual([null, null, null, null]);
  });

  test.each([
    [
      [
        ['2015-09-04', 'day'],
        ['2015-09-04', 'day'],
      ],
      null,
    ],
    [
      [
        ['2015-09-04', 'day'],
        ['2015-09-01', 'month'],
      ],
      null,
    ],
    [
      [
        ['2015-09-04', 'day'],
        ['2015-09-05', 'day'],
      ],
      'AFP dates it 4 Sept 2015 ("q0"); TASS, 5 Sept 2015 ("q1").',
    ],
    [
      [
        ['2019-11-06', 'day'],
        ['2019-10-01', 'month'],
      ],
      'AFP dates it 6 Nov 2019 ("q0"); TASS, Oct 2019 ("q1").',
    ],
  ] as const)('event dates %j -> %s', (dates, sentence) => {
    const reports = dates.map(([date, precision], i) =>
      report(`r${i}`, i === 0 ? 'afp' : 'tass', { eventDate: { date, precision, quote: `q${i}` } }),
    );
    const result = summarizeIncident(bundle(reports, []));
    expect(result.dateDisagreements.map((d) => d.sentence)).toEqual(
      sentence === null ? [] : [sentence],
    );
  });
});
