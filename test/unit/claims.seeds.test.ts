/**
 * Every casualty figure in the five seed articles, and nothing else: the
 * whole list is compared, so a missed, extra or misread figure fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractClaims } from '../../core/claims';
import type { Claim } from '../../core/types';

type Row = [
  text: string,
  low: number,
  high: number,
  qualifier: Claim['qualifier'],
  side: Claim['side'],
  sideLabel: string,
  outcome: Claim['outcome'],
  attributedTo: string | null,
];

const RIA = "Russia's RIA news agency quoted an unidentified source";
const MVD_TJ = 'the Ministry of Interior of Tajikistan';
const LOCAL_SOURCES =
  'local authorities, sources in the capital Dushanbe, and sources in other parts of Tajikistan';

const SEEDS: Array<[file: string, expected: Row[]]> = [
  [
    '000_730a5c529c7b08ea.txt',
    [
      ['At Least 10', 10, 10, 'at-least', 'all', '', 'killed', null],
      // One noun list of one side is one figure, as the dataset records it: 3-9 + 1.
      [
        'several Interior Ministry special forces officers and a traffic policeman',
        4,
        10,
        'about',
        'security',
        'Interior Ministry special forces officers and a traffic policeman',
        'killed',
        null,
      ],
      ['At least eight policemen', 8, 8, 'at-least', 'security', 'policemen', 'killed', null],
      ['two gunmen', 2, 2, 'at-least', 'militants', 'gunmen', 'killed', null],
      ['tens of thousands', 20000, 99999, 'about', 'unknown', '', 'killed', null],
      ['two of the attackers', 2, 2, 'exact', 'militants', 'attackers', 'killed', 'the ministry'],
      ['three others', 3, 3, 'exact', 'militants', 'attackers', 'wounded', 'the ministry'],
      ['six people', 6, 6, 'exact', 'unknown', 'people', 'detained', 'the ministry'],
      [
        '33 interior and defense ministry troops',
        33,
        33,
        'exact',
        'security',
        'interior and defense ministry troops',
        'killed',
        RIA,
      ],
      ["nine of Nazarzod's troops", 9, 9, 'exact', 'militants', "Nazarzod's troops", 'killed', RIA],
    ],
  ],
  [
    '001_36a186174aa90624.txt',
    [
      ['13', 13, 13, 'exact', 'all', '', 'killed', null],
      [
        'Thirteen members of armed groups',
        13,
        13,
        'exact',
        'militants',
        'members of armed groups',
        'killed',
        MVD_TJ,
      ],
      // The lede's second sentence names no source; its paragraph does.
      ['eight policemen', 8, 8, 'exact', 'security', 'policemen', 'killed', MVD_TJ],
      ['nine attackers', 9, 9, 'exact', 'militants', 'attackers', 'killed', MVD_TJ],
      [
        'Thirteen members of armed groups',
        13,
        13,
        'exact',
        'militants',
        'members of armed groups',
        'killed',
        MVD_TJ,
      ],
      ['eight policemen', 8, 8, 'exact', 'security', 'policemen', 'killed', null],
      ['nine attackers', 9, 9, 'exact', 'militants', 'attackers', 'killed', null],
      [
        '32 members of the criminal group',
        32,
        32,
        'exact',
        'militants',
        'members of the criminal group',
        'detained',
        'the ministry',
      ],
      [
        '13',
        13,
        13,
        'exact',
        'militants',
        'members of the criminal group',
        'killed',
        'the ministry',
      ],
      ['150,000', 150000, 150000, 'exact', 'unknown', '', 'killed', 'the Ministry of Interior'],
    ],
  ],
  [
    '002_633043090701e538.txt',
    [
      [
        'Nine police officers',
        9,
        9,
        'exact',
        'security',
        'police officers',
        'killed',
        'Tajikistan’s Interior Ministry',
      ],
      [
        '12 others',
        12,
        12,
        'exact',
        'security',
        'police officers',
        'wounded',
        'Tajikistan’s Interior Ministry',
      ],
    ],
  ],
  [
    '003_d70cfd5fdd3566a3.txt',
    [
      [
        '28 soldiers',
        28,
        28,
        'exact',
        'security',
        'soldiers',
        'killed',
        'A militant group linked to al Qaeda',
      ],
      ['five rebels', 5, 5, 'exact', 'militants', 'rebels', 'killed', 'Officials'],
      ['five', 5, 5, 'exact', 'militants', 'rebels', 'captured', 'Officials'],
      // Whose members the IMU means is not said in the sentence: unknown, not guessed.
      ['one of its members', 1, 1, 'exact', 'unknown', 'its members', 'killed', 'The IMU'],
      ['Tens of thousands of people', 20000, 99999, 'about', 'unknown', 'people', 'killed', null],
    ],
  ],
  [
    '004_53d963a1b97000fa.txt',
    [
      [
        'seven',
        7,
        7,
        'exact',
        'security',
        'Tajik security officers',
        'killed',
        'Sources in Tajikistan',
      ],
      // "They said" is resolved to the paragraph's "Officials".
      ['15 militants', 15, 15, 'exact', 'militants', 'militants', 'killed', 'Officials'],
      ['five', 5, 5, 'exact', 'militants', 'militants', 'captured', 'Officials'],
      [
        'at least five more border guards',
        5,
        5,
        'at-least',
        'security',
        'border guards',
        'killed',
        LOCAL_SOURCES,
      ],
      [
        '10 Tajik border guards',
        10,
        10,
        'exact',
        'security',
        'Tajik border guards',
        'killed',
        'an online statement purportedly issued by the IS group',
      ],
      [
        'one Tajik border guard',
        1,
        1,
        'exact',
        'security',
        'Tajik border guard',
        'killed',
        'Tajik authorities',
      ],
      [
        'three border guards',
        3,
        3,
        'exact',
        'security',
        'border guards',
        'killed',
        'regional authorities',
      ],
    ],
  ],
];

const INCREMENTS: Record<string, Array<[string, 'previous']>> = {
  '004_53d963a1b97000fa.txt': [['at least five more border guards', 'previous']],
};

const readSeed = (file: string) =>
  readFileSync(new URL(`../../data/seeds/${file}`, import.meta.url), 'utf8');

const asRow = (claim: Claim): Row => [
  claim.text,
  claim.low,
  claim.high,
  claim.qualifier,
  claim.side,
  claim.sideLabel,
  claim.outcome,
  claim.attributedTo,
];

describe.each(SEEDS)('%s', (file, expected) => {
  const text = readSeed(file);
  const claims = extractClaims(text);

  test('reads every figure and nothing else', () => {
    expect(claims.map(asRow)).toEqual(expected);
  });

  test('only "N more" figures are increments', () => {
    const increments = claims.filter((claim) => claim.relativeTo !== undefined);
    expect(increments.map((claim) => [claim.text, claim.relativeTo])).toEqual(
      INCREMENTS[file] ?? [],
    );
  });

  test('offsets point at the figure in the text', () => {
    for (const claim of claims) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
    const starts = claims.map((claim) => claim.start);
    expect(starts).toEqual(starts.toSorted((a, b) => a - b));
  });
});
