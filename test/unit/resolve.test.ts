// Incident linking and figure assignment on hand-made evidence over a hand-made dataset.
import { describe, expect, test } from 'vitest';
import { dateProximity, daysApart, pageLayout, resolvePage } from '../../core/resolve';
import type { Actor, Figure, Incident, Place, Report } from '../../core/schema';
import type {
  AliasMatch,
  Claim,
  DateMention,
  EntityKind,
  IncidentBundle,
  PageEvidence,
} from '../../core/types';

const actor = (id: string, kind: Actor['kind']): Actor => ({
  id,
  name: id[0]?.toUpperCase() + id.slice(1),
  kind,
  aliases: [id],
  weakAliases: [],
  description: '',
  links: [],
});
const place = (id: string, kind: Place['kind']): Place => ({
  id,
  name: id[0]?.toUpperCase() + id.slice(1),
  kind,
  aliases: [id],
  admin: null,
  country: 'TJ',
  lat: null,
  lon: null,
});
const ACTORS = [
  actor('nazarzoda', 'person'),
  actor('rahmon', 'person'),
  actor('irpt', 'organisation'),
];
const PLACES = [place('dushanbe', 'city'), place('vahdat', 'city'), place('ramit', 'site')];

const incident = (id: string, extra: Partial<Incident>): Incident => ({
  id,
  title: id,
  kind: 'attack',
  startDate: '2015-09-04',
  endDate: '2015-09-04',
  datePrecision: 'day',
  placeIds: [],
  actors: [],
  parentId: null,
  keywords: [],
  summary: '',
  ...extra,
});

const figure = (incidentId: string, low: number, side: Figure['side']): Figure => ({
  id: `${incidentId}-${low}-${side}`,
  reportId: `${incidentId}-report`,
  incidentId,
  outcome: 'killed',
  side,
  sideLabel: side,
  low,
  high: low,
  qualifier: 'exact',
  attributedTo: 'the ministry',
  attributionKind: 'official',
  quote: 'q',
});

const bundleOf = (inc: Incident, figures: Figure[]): IncidentBundle => {
  const report: Report = {
    id: `${inc.id}-report`,
    incidentId: inc.id,
    outletId: 'afp',
    url: null,
    capture: null,
    publishedAt: inc.startDate,
    publishedAtInferred: false,
    title: 't',
    language: 'en',
    via: [],
    eventDate: null,
  };
  return {
    incident: inc,
    reports: [report],
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
    ],
    places: PLACES.filter((p) => inc.placeIds.includes(p.id)),
    actors: ACTORS.filter((a) => inc.actors.some((r) => r.actorId === a.id)),
  };
};

const attack = bundleOf(
  incident('attack', {
    placeIds: ['dushanbe', 'vahdat'],
    actors: [
      { actorId: 'nazarzoda', role: 'accused' },
      { actorId: 'rahmon', role: 'official' },
    ],
    keywords: ['deputy defense minister'],
  }),
  [figure('attack', 8, 'security'), figure('attack', 9, 'militants')],
);
const operation = bundleOf(
  incident('operation', {
    kind: 'operation',
    startDate: '2015-09-05',
    endDate: '2015-09-16',
    parentId: 'attack',
    placeIds: ['ramit', 'vahdat'],
    actors: [{ actorId: 'nazarzoda', role: 'target' }],
    keywords: ['police operation'],
  }),
  [figure('operation', 13, 'militants')],
);
const war = bundleOf(
  incident('war', {
    kind: 'war',
    startDate: '1992-01-01',
    endDate: '1997-12-31',
    datePrecision: 'year',
    placeIds: [],
    actors: [
      { actorId: 'irpt', role: 'party' },
      { actorId: 'rahmon', role: 'party' },
    ],
    keywords: ['civil war'],
  }),
  [{ ...figure('war', 20_000, 'all'), high: 99_999, qualifier: 'about' }],
);
const CANDIDATES = [attack, operation, war];

/** Evidence read off a small text: every [[phrase|kind:id]] is a match, every {{phrase|date}} a date. */
function evidenceOf(
  marked: string,
  publishedAt: string | null,
  claimSpecs: { phrase: string; low: number; side: Claim['side'] }[] = [],
): PageEvidence & { text: string } {
  const matches: AliasMatch[] = [];
  const dates: DateMention[] = [];
  let text = '';
  let rest = marked;
  const token =
    /\[\[([^|\]]+)\|(actor|place|incident):([a-z-]+)\]\]|\{\{([^|}]+)\|([\d-]+)(?:\.\.([\d-]+))?\|(day|month|year)\}\}/;
  for (let found = token.exec(rest); found !== null; found = token.exec(rest)) {
    text += rest.slice(0, found.index);
    const start = text.length;
    if (found[1] !== undefined) {
      text += found[1];
      matches.push({
        start,
        end: text.length,
        targetId: found[3] ?? '',
        kind: found[2] as EntityKind,
        alias: found[1],
        weak: false,
      });
    } else {
      text += found[4] ?? '';
      const date = found[5] ?? '';
      const precision = found[7] as DateMention['precision'];
      dates.push({
        start,
        end: text.length,
        text: found[4] ?? '',
        date,
        endDate: found[6] ?? date,
        precision,
        relative: false,
      });
    }
    rest = rest.slice(found.index + found[0].length);
  }
  text += rest;
  const claims = claimSpecs.map(({ phrase, low, side }): Claim => {
    const start = text.indexOf(phrase);
    return {
      start,
      end: start + phrase.length,
      text: phrase,
      low,
      high: low,
      qualifier: 'exact',
      side,
      sideLabel: side,
      outcome: 'killed',
      attributedTo: null,
    };
  });
  const facts = {
    title: null,
    outletId: null,
    outletName: null,
    publishedAt,
    publishedAtSource: null,
    language: 'en',
  } as const;
  return { text, facts: { ...facts }, matches, claims, dates };
}

const linkedIds = (evidence: PageEvidence) =>
  resolvePage(evidence, CANDIDATES).incidents.map((i) => i.incidentId);

describe('resolvePage: which incidents a page is about', () => {
  test.each([
    ['a page about none', 'The weather in Paris was fine.', '2015-09-04', []],
    [
      'a place alone, named often',
      '[[Vahdat|place:vahdat]] and [[Vahdat|place:vahdat]], [[Dushanbe|place:dushanbe]] on {{Friday|2015-09-04|day}}.',
      '2015-09-04',
      [],
    ],
    [
      'a president alone, on the day',
      'President [[Rahmon|actor:rahmon]] spoke on {{Friday|2015-09-04|day}}.',
      '2015-09-04',
      [],
    ],
    [
      'the president and the capital, on the day',
      '[[Rahmon|actor:rahmon]] visited [[Dushanbe|place:dushanbe]] on {{Friday|2015-09-04|day}}.',
      '2015-09-04',
      [],
    ],
    [
      'the accused named three times, where and when',
      '[[Nazarzod|actor:nazarzoda]] led it. [[Nazarzod|actor:nazarzoda]] fled. Police sought [[Nazarzod|actor:nazarzoda]] in [[Vahdat|place:vahdat]] on {{Friday|2015-09-04|day}}.',
      '2015-09-04',
      ['attack'],
    ],
    [
      'the accused named often, days later, but nowhere and at no time',
      '[[Nazarzod|actor:nazarzoda]] led it. [[Nazarzod|actor:nazarzoda]] fled. Police sought [[Nazarzod|actor:nazarzoda]].',
      '2015-09-05',
      [],
    ],
    [
      'the same words, the dates all years away',
      '[[Nazarzod|actor:nazarzoda]] led it. [[Nazarzod|actor:nazarzoda]] fled. Police sought [[Nazarzod|actor:nazarzoda]] in [[Vahdat|place:vahdat]] on {{Friday|2021-03-05|day}}.',
      null,
      [],
    ],
    [
      'published before the operation: only the attack',
      '[[Nazarzod|actor:nazarzoda]] ([[deputy defense minister|incident:attack]]) and [[Nazarzod|actor:nazarzoda]] in [[Vahdat|place:vahdat]], [[police operation|incident:operation]] on {{Friday|2015-09-04|day}}.',
      '2015-09-04',
      ['attack'],
    ],
    [
      'the operation the day after, its keyword and gorge',
      'A [[police operation|incident:operation]] in the [[Ramit|place:ramit]] gorge on {{Saturday|2015-09-05|day}} hunted [[Nazarzoda|actor:nazarzoda]]. The [[police operation|incident:operation]] continues.',
      '2015-09-05',
      ['operation'],
    ],
    [
      'the operation, and the attack it follows',
      'A [[police operation|incident:operation]] on {{Saturday|2015-09-05|day}} hunted [[Nazarzoda|actor:nazarzoda]], the [[deputy defense minister|incident:attack]] blamed for {{Friday|2015-09-04|day}} attacks in [[Dushanbe|place:dushanbe]]. [[Nazarzoda|actor:nazarzoda]] fled.',
      '2015-09-05',
      ['attack', 'operation'],
    ],
    [
      'the civil war only where the page speaks of it',
      '[[Nazarzod|actor:nazarzoda]], the [[deputy defense minister|incident:attack]], struck [[Vahdat|place:vahdat]] on {{Friday|2015-09-04|day}}. The {{1992-97|1992-01-01..1997-12-31|year}} [[civil war|incident:war]] killed tens of thousands; the [[IRPT|actor:irpt]] fought in it.',
      '2015-09-04',
      ['attack', 'war'],
      [{ phrase: 'tens of thousands', low: 20_000, side: 'all' }],
    ],
    [
      'the civil war keyword without its years',
      "Syria's [[civil war|incident:war]] goes on, {{2015|2015-01-01..2015-12-31|year}}.",
      '2015-09-04',
      [],
    ],
  ] as [string, string, string | null, string[], Parameters<typeof evidenceOf>[2]?][])(
    '%s',
    (_name, marked, publishedAt, expected, claims = []) => {
      expect(linkedIds(evidenceOf(marked, publishedAt, claims))).toEqual(expected);
    },
  );

  const nearPage =
    '[[Nazarzod|actor:nazarzoda]] and [[Nazarzod|actor:nazarzoda]], the [[deputy defense minister|incident:attack]], in [[Vahdat|place:vahdat]] on {{Friday|2015-09-04|day}}.';
  test.each([
    ['on the day', nearPage, [6]],
    [
      'with no date at all: linked on more evidence',
      nearPage.replace('{{Friday|2015-09-04|day}}', 'Friday'),
      [4.75],
    ],
    [
      'a year later: the far date counts against it',
      nearPage.replace('2015-09-04', '2016-09-02'),
      [],
    ],
  ])('score %s', (_name, marked, scores) => {
    expect(resolvePage(evidenceOf(marked, null), [attack]).incidents.map((i) => i.score)).toEqual(
      scores,
    );
  });

  test('reasons are short, strongest first', () => {
    const evidence = evidenceOf(
      '[[Nazarzod|actor:nazarzoda]] and [[Nazarzod|actor:nazarzoda]] in [[Vahdat|place:vahdat]] on {{Friday|2015-09-04|day}}: eight police killed.',
      '2015-09-04',
      [{ phrase: 'eight police', low: 8, side: 'security' }],
    );
    expect(resolvePage(evidence, CANDIDATES).incidents).toEqual([
      {
        incidentId: 'attack',
        title: 'attack',
        startDate: '2015-09-04',
        endDate: '2015-09-04',
        datePrecision: 'day',
        score: 5.65,
        reasons: [
          'Nazarzoda',
          '4 Sept 2015',
          'published 4 Sept 2015',
          '8 security killed',
          'Vahdat',
        ],
      },
    ]);
  });
});

describe('resolvePage: which incident a figure counts', () => {
  const marked =
    'A [[police operation|incident:operation]] on {{Saturday|2015-09-05|day}} killed 13 attackers and hunted [[Nazarzoda|actor:nazarzoda]] in [[Ramit|place:ramit]].\n' +
    'On {{Friday|2015-09-04|day}}, eight policemen and nine attackers were killed in [[Dushanbe|place:dushanbe]], blamed on the [[deputy defense minister|incident:attack]] [[Nazarzoda|actor:nazarzoda]].\n' +
    'Two were wounded, the ministry said.\n' +
    'He fought in the {{1992-97|1992-01-01..1997-12-31|year}} [[civil war|incident:war]] that killed 50,000 people, on the side of the [[IRPT|actor:irpt]].\n' +
    'In {{2021|2021-01-01..2021-12-31|year}} a court jailed 40 people.';
  const evidence = evidenceOf(marked, '2015-09-05', [
    { phrase: '13 attackers', low: 13, side: 'militants' },
    { phrase: 'eight policemen', low: 8, side: 'security' },
    { phrase: 'nine attackers', low: 9, side: 'militants' },
    { phrase: 'Two were wounded', low: 2, side: 'unknown' },
    { phrase: '50,000 people', low: 50_000, side: 'all' },
    { phrase: '40 people', low: 40, side: 'unknown' },
  ]);

  test.each([
    ['with the layout of the text', true, [null, null], [null, null]],
    // Without the text's layout, the attack's paragraph just before leaks into the window.
    ['with character windows only', false, ['attack', 'no-comparable'], [null, null]],
  ] as const)('%s', (_name, withLayout, twoWounded, lastFigure) => {
    const input = withLayout ? { ...evidence, layout: pageLayout(evidence.text) } : evidence;
    const resolution = resolvePage(input, CANDIDATES);
    expect(resolution.incidents.map((i) => i.incidentId)).toEqual(['attack', 'operation', 'war']);
    expect(
      resolution.claims.map((c) => [c.text, c.incidentId, c.comparison?.verdict ?? null]),
    ).toEqual([
      ['13 attackers', 'operation', 'agrees'],
      ['eight policemen', 'attack', 'agrees'],
      ['nine attackers', 'attack', 'agrees'],
      // Nothing in its paragraph places it, and the main incident's follow-up
      // operation is linked too: it could count either, so it stays unassigned.
      ['Two were wounded', ...twoWounded],
      ['50,000 people', 'war', 'agrees'],
      ['40 people', ...lastFigure],
    ]);
  });
});

test('a figure nothing places goes to the main incident when no related incident is linked', () => {
  const evidence = evidenceOf(
    '[[Nazarzod|actor:nazarzoda]], the [[deputy defense minister|incident:attack]], struck [[Dushanbe|place:dushanbe]] on {{Friday|2015-09-04|day}}, killing eight policemen.\n' +
      'Two were wounded, the ministry said.',
    '2015-09-04',
    [
      { phrase: 'eight policemen', low: 8, side: 'security' },
      { phrase: 'Two were wounded', low: 2, side: 'unknown' },
    ],
  );
  const resolution = resolvePage({ ...evidence, layout: pageLayout(evidence.text) }, CANDIDATES);
  expect(resolution.incidents.map((i) => i.incidentId)).toEqual(['attack']);
  expect(resolution.claims.map((c) => [c.text, c.incidentId])).toEqual([
    ['eight policemen', 'attack'],
    ['Two were wounded', 'attack'],
  ]);
});

test('a figure of an incident the page speaks of but is not linked to stays unassigned', () => {
  const evidence = evidenceOf(
    '[[Nazarzod|actor:nazarzoda]] and [[Nazarzod|actor:nazarzoda]], the [[deputy defense minister|incident:attack]], struck [[Dushanbe|place:dushanbe]], killing eight policemen.\n' +
      'A [[police operation|incident:operation]] later killed 13 attackers.',
    null,
    [
      { phrase: 'eight policemen', low: 8, side: 'security' },
      { phrase: '13 attackers', low: 13, side: 'militants' },
    ],
  );
  const resolution = resolvePage({ ...evidence, layout: pageLayout(evidence.text) }, CANDIDATES);
  expect(resolution.incidents.map((i) => i.incidentId)).toEqual(['attack']);
  expect(resolution.claims.map((c) => [c.text, c.incidentId])).toEqual([
    ['eight policemen', 'attack'],
    ['13 attackers', null],
  ]);
});

describe('dates', () => {
  test.each([
    [['2015-09-04', '2015-09-04'], ['2015-09-04', '2015-09-04'], 0],
    [['2015-09-01', '2015-09-30'], ['2015-09-04', '2015-09-04'], 0],
    [['2015-09-06', '2015-09-06'], ['2015-09-04', '2015-09-04'], 2],
    [['2015-08-30', '2015-08-30'], ['2015-09-04', '2015-09-16'], 5],
    [['1997-01-01', '1997-12-31'], ['2015-09-04', '2015-09-04'], 6456],
  ])('%j is %i days from %j', (a, b, days) => {
    expect(
      daysApart({ start: a[0] ?? '', end: a[1] ?? '' }, { start: b[0] ?? '', end: b[1] ?? '' }),
    ).toBe(days);
  });

  test.each([
    ['2015-09-04', '2015-09-04', 'day', 'attack', { near: 1.25, far: false }],
    ['2015-09-05', '2015-09-05', 'day', 'attack', { near: 0.5, far: false }],
    ['2015-09-10', '2015-09-10', 'day', 'attack', { near: 0, far: false }],
    ['2015-11-06', '2015-11-06', 'day', 'attack', { near: 0, far: true }],
    ['2015-09-01', '2015-09-30', 'month', 'attack', { near: 0.6, far: false }],
    ['2015-01-01', '2015-12-31', 'year', 'attack', { near: 0.2, far: false }],
    ['1992-01-01', '1997-12-31', 'year', 'war', { near: 1, far: false }],
    ['1997-01-01', '1997-12-31', 'year', 'war', { near: 0.5, far: false }],
    ['1990-01-01', '1999-12-31', 'year', 'war', { near: 1, far: false }],
    ['1992-01-01', '1995-12-31', 'year', 'war', { near: 1, far: false }],
    ['2015-09-04', '2015-09-04', 'day', 'war', { near: 0, far: true }],
  ] as const)('%s..%s (%s) near %s: %j', (date, endDate, precision, id, expected) => {
    const mention: DateMention = {
      start: 0,
      end: 1,
      text: 'x',
      date,
      endDate,
      precision,
      relative: false,
    };
    const target = CANDIDATES.find((b) => b.incident.id === id)?.incident;
    expect(target && dateProximity(mention, target)).toEqual(expected);
  });
});

describe('pageLayout', () => {
  test.each([
    [
      'One. Two.',
      [[0, 9]],
      [
        [0, 4],
        [5, 9],
      ],
    ],
    [
      'Mr. Nazarzoda left on Sept. 4. He fled.\nNext',
      [
        [0, 39],
        [40, 44],
      ],
      [
        [0, 30],
        [31, 39],
        [40, 44],
      ],
    ],
    [
      'The U.S. embassy shut. "It may," he said.',
      [[0, 41]],
      [
        [0, 22],
        [23, 41],
      ],
    ],
    [
      'A\n\nB',
      [
        [0, 1],
        [3, 4],
      ],
      [
        [0, 1],
        [3, 4],
      ],
    ],
  ])('%j', (text, paragraphs, sentences) => {
    const layout = pageLayout(text);
    expect(layout.paragraphs.map((s) => [s.start, s.end])).toEqual(paragraphs);
    expect(layout.sentences.map((s) => [s.start, s.end])).toEqual(sentences);
  });
});
