/**
 * Common news constructions, one row each: one noun list of one side is one
 * figure, increments ("five more") are marked and never compared, and the
 * phrasings wires use for tolls, losses and lists ("were among the dead",
 * "claimed the lives of", "the toll stood at", "a soldier was killed").
 */
import { describe, expect, test } from 'vitest';
import { extractClaims } from '../../core/claims';
import { compareClaim } from '../../core/compare';
import type { Figure } from '../../core/schema';
import type { Claim, IncidentBundle } from '../../core/types';

type Row = [
  text: string,
  low: number,
  high: number,
  qualifier: Claim['qualifier'],
  side: Claim['side'],
  sideLabel: string,
  outcome: Claim['outcome'],
  relativeTo: Claim['relativeTo'] | null,
];

const asRow = (claim: Claim): Row => [
  claim.text,
  claim.low,
  claim.high,
  claim.qualifier,
  claim.side,
  claim.sideLabel,
  claim.outcome,
  claim.relativeTo ?? null,
];

const LISTS: Array<[string, Row[]]> = [
  [
    'Eight policemen and two soldiers were killed.',
    [
      [
        'Eight policemen and two soldiers',
        10,
        10,
        'exact',
        'security',
        'policemen and two soldiers',
        'killed',
        null,
      ],
    ],
  ],
  [
    'At least eight policemen and two soldiers were killed.',
    [
      [
        'At least eight policemen and two soldiers',
        10,
        10,
        'at-least',
        'security',
        'policemen and two soldiers',
        'killed',
        null,
      ],
    ],
  ],
  [
    'Five women and three children were wounded in the shelling.',
    [
      [
        'Five women and three children',
        8,
        8,
        'exact',
        'civilians',
        'women and three children',
        'wounded',
        null,
      ],
    ],
  ],
  // Different sides, a different qualifier, or an unknown side stay apart.
  [
    'Eight policemen and two gunmen were killed.',
    [
      ['Eight policemen', 8, 8, 'exact', 'security', 'policemen', 'killed', null],
      ['two gunmen', 2, 2, 'exact', 'militants', 'gunmen', 'killed', null],
    ],
  ],
  [
    'Eight policemen and at least two soldiers were killed.',
    [
      ['Eight policemen', 8, 8, 'exact', 'security', 'policemen', 'killed', null],
      ['at least two soldiers', 2, 2, 'at-least', 'security', 'soldiers', 'killed', null],
    ],
  ],
  [
    'Six people and four foreigners were killed.',
    [
      ['Six people', 6, 6, 'exact', 'unknown', 'people', 'killed', null],
      ['four foreigners', 4, 4, 'exact', 'unknown', 'foreigners', 'killed', null],
    ],
  ],
];

const INCREMENTS: Array<[string, Row[]]> = [
  [
    'Local sources said that at least five more border guards were killed.',
    [
      [
        'at least five more border guards',
        5,
        5,
        'at-least',
        'security',
        'border guards',
        'killed',
        'previous',
      ],
    ],
  ],
  [
    'Another 12 people were wounded.',
    [['Another 12 people', 12, 12, 'exact', 'unknown', 'people', 'wounded', 'previous']],
  ],
  [
    'Gunmen killed another three soldiers.',
    [['another three soldiers', 3, 3, 'exact', 'security', 'soldiers', 'killed', 'previous']],
  ],
  [
    'A further 10 soldiers died.',
    [['A further 10 soldiers', 10, 10, 'exact', 'security', 'soldiers', 'killed', 'previous']],
  ],
  [
    'Four additional soldiers were wounded.',
    [['Four additional soldiers', 4, 4, 'exact', 'security', 'soldiers', 'wounded', 'previous']],
  ],
  [
    'Two soldiers were killed and three others were wounded.',
    [
      ['Two soldiers', 2, 2, 'exact', 'security', 'soldiers', 'killed', null],
      ['three others', 3, 3, 'exact', 'security', 'soldiers', 'wounded', null],
    ],
  ],
];

const CONSTRUCTIONS: Array<[string, Row[]]> = [
  [
    'Seven policemen were among the dead.',
    [['Seven policemen', 7, 7, 'exact', 'security', 'policemen', 'killed', null]],
  ],
  [
    'Among those killed were three children.',
    [['three children', 3, 3, 'exact', 'civilians', 'children', 'killed', null]],
  ],
  [
    'The army lost 300 soldiers in the battle.',
    [['300 soldiers', 300, 300, 'exact', 'security', 'soldiers', 'killed', null]],
  ],
  ['The death toll rose to 14.', [['14', 14, 14, 'exact', 'all', '', 'killed', null]]],
  ['The toll stood at 21.', [['21', 21, 21, 'exact', 'all', '', 'killed', null]]],
  [
    'The blast hit a market, killing 12 people, including four police officers.',
    [
      ['12 people', 12, 12, 'exact', 'unknown', 'people', 'killed', null],
      ['four police officers', 4, 4, 'exact', 'security', 'police officers', 'killed', null],
    ],
  ],
  [
    'The bombing left 5 dead and 11 wounded.',
    [
      ['5', 5, 5, 'exact', 'unknown', '', 'killed', null],
      ['11', 11, 11, 'exact', 'unknown', '', 'wounded', null],
    ],
  ],
  [
    'At least 9 people were killed and dozens injured.',
    [
      ['At least 9 people', 9, 9, 'at-least', 'unknown', 'people', 'killed', null],
      ['dozens', 24, 99, 'about', 'unknown', 'people', 'wounded', null],
    ],
  ],
  [
    'The fighting claimed the lives of 40 soldiers.',
    [['40 soldiers', 40, 40, 'exact', 'security', 'soldiers', 'killed', null]],
  ],
  [
    'Officials said 12 were killed in 2020.',
    [['12', 12, 12, 'exact', 'unknown', '', 'killed', null]],
  ],
  [
    'A suicide bomber killed 23 people.',
    [['23 people', 23, 23, 'exact', 'unknown', 'people', 'killed', null]],
  ],
  [
    'The attackers fired on the crowd, wounding 17.',
    [['17', 17, 17, 'exact', 'unknown', '', 'wounded', null]],
  ],
  ['The clash ended with 3 dead.', [['3', 3, 3, 'exact', 'unknown', '', 'killed', null]]],
  [
    'Two soldiers died of their wounds.',
    [['Two soldiers', 2, 2, 'exact', 'security', 'soldiers', 'killed', null]],
  ],
  // One person of a named side, the subject of "was killed" or "died", counts 1.
  [
    'Officials said a soldier was killed in the clash.',
    [['a soldier', 1, 1, 'exact', 'security', 'soldier', 'killed', null]],
  ],
  [
    'A Tajik policeman died and two were wounded.',
    [
      ['A Tajik policeman', 1, 1, 'exact', 'security', 'Tajik policeman', 'killed', null],
      ['two', 2, 2, 'exact', 'security', 'Tajik policeman', 'wounded', null],
    ],
  ],
  [
    'Bringing the number of dead to 14, two more protesters died.',
    [
      ['14', 14, 14, 'exact', 'all', '', 'killed', null],
      ['two more protesters', 2, 2, 'exact', 'civilians', 'protesters', 'killed', 'previous'],
    ],
  ],
  [
    'Nine people were killed, including a child.',
    [
      ['Nine people', 9, 9, 'exact', 'unknown', 'people', 'killed', null],
      ['a child', 1, 1, 'exact', 'civilians', 'child', 'killed', null],
    ],
  ],
  [
    'Seven people, among them a police officer, were killed.',
    [
      ['Seven people', 7, 7, 'exact', 'unknown', 'people', 'killed', null],
      ['a police officer', 1, 1, 'exact', 'security', 'police officer', 'killed', null],
    ],
  ],
  [
    'Two soldiers, a policeman and three civilians were killed.',
    [
      [
        'Two soldiers, a policeman',
        3,
        3,
        'exact',
        'security',
        'soldiers, a policeman',
        'killed',
        null,
      ],
      ['three civilians', 3, 3, 'exact', 'civilians', 'civilians', 'killed', null],
    ],
  ],
  [
    "Its forces had 'neutralised' 23 PKK militants.",
    [['23 PKK militants', 23, 23, 'exact', 'militants', 'PKK militants', 'killed', null]],
  ],
  [
    'Investigators found the bodies of 19 people in a ravine.',
    [['19 people', 19, 19, 'exact', 'unknown', 'people', 'killed', null]],
  ],
  [
    'Police said 20 militants had killed three soldiers.',
    [['three soldiers', 3, 3, 'exact', 'security', 'soldiers', 'killed', null]],
  ],
];

/** Casualty words near numbers or people that are not figures. */
const NOT_FIGURES: string[] = [
  'A soldier killed a civilian.',
  'A hostage was killed.',
  'A second soldier died later.',
  'Another soldier was killed.',
  'The toll road was closed after the blast, though no one was hurt.',
  'The war took a heavy toll on 20 villages, officials said, and many died.',
  'The party lost 12 members in the split, but no one was hurt.',
  'The court sentenced a soldier for killing a policeman.',
];

const check = (sentence: string, expected: Row[]) => {
  const claims = extractClaims(sentence);
  expect(claims.map(asRow)).toEqual(expected);
  for (const claim of claims) expect(sentence.slice(claim.start, claim.end)).toBe(claim.text);
};

describe('one noun list of one side is one figure', () => {
  test.each(LISTS)('%s', check);
});

describe('increments are marked', () => {
  test.each(INCREMENTS)('%s', check);
});

describe('common constructions', () => {
  test.each(CONSTRUCTIONS)('%s', check);
});

describe('not figures', () => {
  test.each(NOT_FIGURES)('%s', (sentence) => {
    expect(extractClaims(sentence)).toEqual([]);
  });
});

const figure = (id: string, low: number): Figure => ({
  id,
  reportId: `report-${id}`,
  incidentId: 'attack',
  outcome: 'killed',
  side: 'security',
  sideLabel: 'border guards',
  low,
  high: low,
  qualifier: 'exact',
  attributedTo: 'officials',
  attributionKind: 'official',
  quote: `${low} border guards were killed`,
});

describe('compareClaim never compares an increment', () => {
  const bundle: IncidentBundle = {
    incident: {
      id: 'attack',
      title: 'Attack',
      kind: 'attack',
      startDate: '2019-11-06',
      endDate: '2019-11-06',
      datePrecision: 'day',
      placeIds: [],
      actors: [],
      parentId: null,
      keywords: [],
      summary: '',
    },
    reports: [],
    figures: [figure('a', 2), figure('b', 7)],
    outlets: [],
    places: [],
    actors: [],
  };

  test.each<[string, Pick<Claim, 'low' | 'high' | 'relativeTo'>, string, number]>([
    ['five (a total between the reports)', { low: 5, high: 5 }, 'within-range', 2],
    ['five more (an increment)', { low: 5, high: 5, relativeTo: 'previous' }, 'no-comparable', 0],
    [
      'seven more (equal to a report)',
      { low: 7, high: 7, relativeTo: 'previous' },
      'no-comparable',
      0,
    ],
  ])('%s', (_name, claim, verdict, sources) => {
    const comparison = compareClaim({ ...claim, side: 'security', outcome: 'killed' }, bundle);
    expect([comparison.verdict, comparison.sources.length, comparison.range]).toEqual([
      verdict,
      sources,
      sources === 0 ? null : { low: 2, high: 7 },
    ]);
  });
});
