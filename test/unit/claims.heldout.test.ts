/**
 * A held-out evaluation of claim extraction: 40 sentences written in the
 * style of AP, AFP, Reuters, BBC, Al Jazeera, RFE/RL, Asia-Plus and TASS
 * about OTHER events (other countries, other years), labelled by hand before
 * the extractor was changed for them. English 25, French 8, Russian 7.
 *
 * A figure counts as found when text, low, high, qualifier, side and outcome
 * all match a label; attribution and relativeTo are scored apart.
 *
 * First run (labels committed before any change for them), 58 labelled figures:
 *   all: 39 extracted, 36 right: precision 0.923, recall 0.621; 30 of the 36
 *        with the right attribution
 *   English 35 labelled: 29 extracted, 28 right: P 0.966, R 0.800
 *   French  13 labelled:  5 extracted,  4 right: P 0.800, R 0.308
 *   Russian 10 labelled:  5 extracted,  4 right: P 0.800, R 0.400
 * Second run, after general fixes (lists and asides with "a", "among them",
 * tolls without "death", "number of dead", "bodies of", quoted verbs,
 * "members of a ..."; French and Russian numbers, asides, tolls, sources):
 *   all: 58 extracted, 58 right: precision 1.000, recall 1.000; 58 of 58
 *        with the right attribution and increment mark
 * The fixes were made looking at these failures, so the second run is no
 * longer held out: it guards against regressions. Fresh sentences belong in
 * a new held-out set.
 */
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
  relativeTo: 'previous' | null,
];

const asRow = (claim: Claim): Row => [
  claim.text,
  claim.low,
  claim.high,
  claim.qualifier,
  claim.side,
  claim.sideLabel,
  claim.outcome,
  claim.attributedTo,
  (claim as { relativeTo?: 'previous' }).relativeTo ?? null,
];

const HELD_OUT: Array<[sentence: string, expected: Row[]]> = [
  // English (25)
  [
    'KABUL, Afghanistan (AP) — A suicide bomber struck a crowded wedding hall in western Kabul on Saturday night, killing at least 63 people and wounding 182, the Interior Ministry said.',
    [
      [
        'at least 63 people',
        63,
        63,
        'at-least',
        'unknown',
        'people',
        'killed',
        'the Interior Ministry',
        null,
      ],
      ['182', 182, 182, 'exact', 'unknown', 'people', 'wounded', 'the Interior Ministry', null],
    ],
  ],
  [
    'Gunmen on motorcycles killed 12 villagers in an overnight raid in Zamfara state, a police spokesman said on Tuesday.',
    [
      [
        '12 villagers',
        12,
        12,
        'exact',
        'civilians',
        'villagers',
        'killed',
        'a police spokesman',
        null,
      ],
    ],
  ],
  [
    'At least 30 people were killed when a car bomb exploded near a busy market in Mogadishu, police said.',
    [['At least 30 people', 30, 30, 'at-least', 'unknown', 'people', 'killed', 'police', null]],
  ],
  [
    'Israeli air strikes killed 17 Palestinians, including five children, across the Gaza Strip on Thursday, according to health officials.',
    [
      [
        '17 Palestinians',
        17,
        17,
        'exact',
        'unknown',
        'Palestinians',
        'killed',
        'health officials',
        null,
      ],
      ['five children', 5, 5, 'exact', 'civilians', 'children', 'killed', 'health officials', null],
    ],
  ],
  [
    'Jihadists killed 11 soldiers and wounded four others in an attack on an army base in central Mali, the army said in a statement.',
    [
      ['11 soldiers', 11, 11, 'exact', 'security', 'soldiers', 'killed', 'the army', null],
      ['four others', 4, 4, 'exact', 'security', 'soldiers', 'wounded', 'the army', null],
    ],
  ],
  [
    'Kyrgyz officials said 13 people had been killed and more than 100 wounded in fighting along the disputed border with Tajikistan in 2021.',
    [
      ['13 people', 13, 13, 'exact', 'unknown', 'people', 'killed', 'Kyrgyz officials', null],
      [
        'more than 100',
        100,
        100,
        'more-than',
        'unknown',
        'people',
        'wounded',
        'Kyrgyz officials',
        null,
      ],
    ],
  ],
  [
    'Two servicemen were killed and three were wounded when militants fired on a checkpoint in Dagestan, the National Antiterrorism Committee said.',
    [
      [
        'Two servicemen',
        2,
        2,
        'exact',
        'security',
        'servicemen',
        'killed',
        'the National Antiterrorism Committee',
        null,
      ],
      [
        'three',
        3,
        3,
        'exact',
        'security',
        'servicemen',
        'wounded',
        'the National Antiterrorism Committee',
        null,
      ],
    ],
  ],
  [
    'Three Tajik border guards were wounded in an exchange of fire with Afghan smugglers on the Panj river, the State Committee for National Security reported on Monday.',
    [
      [
        'Three Tajik border guards',
        3,
        3,
        'exact',
        'security',
        'Tajik border guards',
        'wounded',
        'the State Committee for National Security',
        null,
      ],
    ],
  ],
  [
    "The death toll from the attack on a Sufi mosque in Egypt's Sinai rose to 305, including 27 children, state media reported.",
    [
      ['305', 305, 305, 'exact', 'all', '', 'killed', 'state media', null],
      ['27 children', 27, 27, 'exact', 'civilians', 'children', 'killed', 'state media', null],
    ],
  ],
  [
    "Security forces shot dead five suspected militants in a raid in Pakistan's northwest on Wednesday, the military's media wing said.",
    [
      [
        'five suspected militants',
        5,
        5,
        'exact',
        'militants',
        'suspected militants',
        'killed',
        "the military's media wing",
        null,
      ],
    ],
  ],
  [
    "Nigeria's army says it has rescued 76 hostages and killed 14 Boko Haram fighters in Borno state.",
    [
      [
        '14 Boko Haram fighters',
        14,
        14,
        'exact',
        'militants',
        'Boko Haram fighters',
        'killed',
        "Nigeria's army",
        null,
      ],
    ],
  ],
  [
    'The UN says more than 1,200 civilians have been killed in the conflict since January.',
    [
      [
        'more than 1,200 civilians',
        1200,
        1200,
        'more-than',
        'civilians',
        'civilians',
        'killed',
        'The UN',
        null,
      ],
    ],
  ],
  [
    'The 27-year-old gunman, who had served two years in the army, was killed by police after a 40-minute standoff.',
    [],
  ],
  [
    'Colombian authorities said 11 soldiers died when a helicopter crashed during an anti-drug operation, and four others were missing.',
    [
      [
        '11 soldiers',
        11,
        11,
        'exact',
        'security',
        'soldiers',
        'killed',
        'Colombian authorities',
        null,
      ],
      [
        'four others',
        4,
        4,
        'exact',
        'security',
        'soldiers',
        'missing',
        'Colombian authorities',
        null,
      ],
    ],
  ],
  [
    'Two more protesters died of their wounds in hospital overnight, bringing the number of dead to 14, the health ministry said.',
    [
      [
        'Two more protesters',
        2,
        2,
        'exact',
        'civilians',
        'protesters',
        'killed',
        'the health ministry',
        'previous',
      ],
      ['14', 14, 14, 'exact', 'all', '', 'killed', 'the health ministry', null],
    ],
  ],
  [
    'Seven people, among them a police officer, were killed when gunmen opened fire on a bus in Balochistan, officials said.',
    [
      ['Seven people', 7, 7, 'exact', 'unknown', 'people', 'killed', 'officials', null],
      [
        'a police officer',
        1,
        1,
        'exact',
        'security',
        'police officer',
        'killed',
        'officials',
        null,
      ],
    ],
  ],
  [
    "The Turkish defence ministry said its forces had 'neutralised' 23 PKK militants in northern Iraq over the past week.",
    [
      [
        '23 PKK militants',
        23,
        23,
        'exact',
        'militants',
        'PKK militants',
        'killed',
        'The Turkish defence ministry',
        null,
      ],
    ],
  ],
  [
    'Mexican authorities found the bodies of 19 people, some of them burned, in a town on the US border, prosecutors said.',
    [['19 people', 19, 19, 'exact', 'unknown', 'people', 'killed', 'prosecutors', null]],
  ],
  [
    'Police in Dhaka arrested 18 members of a banned Islamist group on Friday, a spokesman said.',
    [
      [
        '18 members of a banned Islamist group',
        18,
        18,
        'exact',
        'militants',
        'members of a banned Islamist group',
        'detained',
        'a spokesman',
        null,
      ],
    ],
  ],
  [
    'Fighting between the army and the RSF has killed at least 150 people in El Fasher since May 10, medics said.',
    [['at least 150 people', 150, 150, 'at-least', 'unknown', 'people', 'killed', 'medics', null]],
  ],
  [
    "Ukraine's military said 42 Russian soldiers were killed and 67 wounded in the strike, a figure Moscow did not confirm.",
    [
      [
        '42 Russian soldiers',
        42,
        42,
        'exact',
        'security',
        'Russian soldiers',
        'killed',
        "Ukraine's military",
        null,
      ],
      [
        '67',
        67,
        67,
        'exact',
        'security',
        'Russian soldiers',
        'wounded',
        "Ukraine's military",
        null,
      ],
    ],
  ],
  [
    'Burkina: 15 soldiers killed in jihadist ambush',
    [['15 soldiers', 15, 15, 'exact', 'security', 'soldiers', 'killed', null, null]],
  ],
  [
    'Uzbek authorities said four people died and dozens were injured in the unrest in Karakalpakstan in July 2022.',
    [
      ['four people', 4, 4, 'exact', 'unknown', 'people', 'killed', 'Uzbek authorities', null],
      ['dozens', 24, 99, 'about', 'unknown', 'people', 'wounded', 'Uzbek authorities', null],
    ],
  ],
  [
    'The 2006 war lasted 34 days and killed more than 1,100 Lebanese, most of them civilians.',
    [
      [
        'more than 1,100 Lebanese',
        1100,
        1100,
        'more-than',
        'unknown',
        'Lebanese',
        'killed',
        null,
        null,
      ],
    ],
  ],
  [
    'Russian security forces killed two militants who had planned a terrorist attack in Kabardino-Balkaria, the FSB said on Tuesday.',
    [['two militants', 2, 2, 'exact', 'militants', 'militants', 'killed', 'the FSB', null]],
  ],
  // French (8)
  [
    "Au moins 12 soldats ont été tués dimanche dans une attaque jihadiste contre un poste militaire dans le nord du Burkina Faso, a annoncé l'armée.",
    [['Au moins 12 soldats', 12, 12, 'at-least', 'security', 'soldats', 'killed', "l'armée", null]],
  ],
  [
    'Selon le ministère de la Défense, 17 terroristes ont été neutralisés et 5 autres interpellés.',
    [
      [
        '17 terroristes',
        17,
        17,
        'exact',
        'militants',
        'terroristes',
        'killed',
        'le ministère de la Défense',
        null,
      ],
      [
        '5 autres',
        5,
        5,
        'exact',
        'militants',
        'terroristes',
        'detained',
        'le ministère de la Défense',
        null,
      ],
    ],
  ],
  [
    "L'explosion a fait au moins 25 morts et une cinquantaine de blessés, selon une source hospitalière.",
    [
      ['au moins 25', 25, 25, 'at-least', 'unknown', '', 'killed', 'une source hospitalière', null],
      [
        'une cinquantaine',
        50,
        50,
        'about',
        'unknown',
        '',
        'wounded',
        'une source hospitalière',
        null,
      ],
    ],
  ],
  [
    "Deux policiers ont été tués et trois autres blessés lors d'une attaque à Tillabéri, au Niger, selon le ministère de l'Intérieur.",
    [
      [
        'Deux policiers',
        2,
        2,
        'exact',
        'security',
        'policiers',
        'killed',
        "le ministère de l'Intérieur",
        null,
      ],
      [
        'trois autres',
        3,
        3,
        'exact',
        'security',
        'policiers',
        'wounded',
        "le ministère de l'Intérieur",
        null,
      ],
    ],
  ],
  [
    'Quatorze civils, dont six enfants, ont péri dans le bombardement.',
    [
      ['Quatorze civils', 14, 14, 'exact', 'civilians', 'civils', 'killed', null, null],
      ['six enfants', 6, 6, 'exact', 'civilians', 'enfants', 'killed', null, null],
    ],
  ],
  [
    "Le procès des huit accusés de l'attentat de Nice, qui a fait 86 morts le 14 juillet 2016, s'est ouvert lundi.",
    [['86', 86, 86, 'exact', 'unknown', '', 'killed', null, null]],
  ],
  [
    "Trente-cinq suspects ont été arrêtés lors de l'opération, a indiqué la gendarmerie.",
    [
      [
        'Trente-cinq suspects',
        35,
        35,
        'exact',
        'unknown',
        'suspects',
        'detained',
        'la gendarmerie',
        null,
      ],
    ],
  ],
  [
    "Le bilan de l'attaque s'élève désormais à 21 morts, dont 15 soldats, selon des sources sécuritaires.",
    [
      ['21', 21, 21, 'exact', 'all', '', 'killed', 'des sources sécuritaires', null],
      [
        '15 soldats',
        15,
        15,
        'exact',
        'security',
        'soldats',
        'killed',
        'des sources sécuritaires',
        null,
      ],
    ],
  ],
  // Russian (7)
  [
    'В результате нападения боевиков на блокпост в Дагестане погибли двое полицейских, ещё трое получили ранения, сообщили в МВД республики.',
    [
      [
        'двое полицейских',
        2,
        2,
        'exact',
        'security',
        'полицейских',
        'killed',
        'МВД республики',
        null,
      ],
      ['трое', 3, 3, 'exact', 'security', 'полицейских', 'wounded', 'МВД республики', null],
    ],
  ],
  [
    'По данным МВД Таджикистана, в ходе спецоперации уничтожены 15 боевиков, ещё пятеро задержаны.',
    [
      ['15 боевиков', 15, 15, 'exact', 'militants', 'боевиков', 'killed', 'МВД Таджикистана', null],
      ['пятеро', 5, 5, 'exact', 'militants', 'боевиков', 'detained', 'МВД Таджикистана', null],
    ],
  ],
  [
    'Не менее 40 человек погибли и более 100 получили ранения при взрыве на рынке в Кабуле, сообщает ТАСС.',
    [
      ['Не менее 40 человек', 40, 40, 'at-least', 'unknown', 'человек', 'killed', 'ТАСС', null],
      ['более 100', 100, 100, 'more-than', 'unknown', 'человек', 'wounded', 'ТАСС', null],
    ],
  ],
  [
    'В 2010 году в Раштском районе были убиты 28 военнослужащих.',
    [['28 военнослужащих', 28, 28, 'exact', 'security', 'военнослужащих', 'killed', null, null]],
  ],
  [
    'Ранены 12 сотрудников полиции, сообщил источник в силовых структурах.',
    [
      [
        '12 сотрудников полиции',
        12,
        12,
        'exact',
        'security',
        'сотрудников полиции',
        'wounded',
        'источник в силовых структурах',
        null,
      ],
    ],
  ],
  [
    'Число погибших в результате теракта в «Крокус Сити Холле» выросло до 145 человек, сообщили в Следственном комитете.',
    [['145 человек', 145, 145, 'exact', 'all', 'человек', 'killed', 'Следственном комитете', null]],
  ],
  [
    'Суд приговорил двух участников нападения к 20 годам заключения; в 2015 году в результате нападения погибли девять полицейских.',
    [['девять полицейских', 9, 9, 'exact', 'security', 'полицейских', 'killed', null, null]],
  ],
];

/** Which labelled figures were found; a figure is its text, count, qualifier, side and outcome. */
const figureKey = (row: Row) => JSON.stringify(row.slice(0, 7).filter((_, i) => i !== 5));

function score(cases: typeof HELD_OUT) {
  let labelled = 0;
  let extracted = 0;
  let correct = 0;
  let attributed = 0;
  for (const [sentence, expected] of cases) {
    const rows = extractClaims(sentence).map(asRow);
    const wanted = expected.map(figureKey);
    labelled += expected.length;
    extracted += rows.length;
    for (const row of rows) {
      const at = wanted.indexOf(figureKey(row));
      if (at < 0) continue;
      correct += 1;
      const label = expected[at];
      if (label && label[7] === row[7] && label[8] === row[8]) attributed += 1;
      wanted[at] = '';
    }
  }
  return { labelled, extracted, correct, attributed };
}

describe('held-out sentences', () => {
  test.each(HELD_OUT)('%s', (sentence, expected) => {
    const claims = extractClaims(sentence);
    expect(claims.map(asRow)).toEqual(expected);
    for (const claim of claims) expect(sentence.slice(claim.start, claim.end)).toBe(claim.text);
  });

  test.each<[string, number, number, ReturnType<typeof score>]>([
    ['English', 0, 25, { labelled: 35, extracted: 35, correct: 35, attributed: 35 }],
    ['French', 25, 33, { labelled: 13, extracted: 13, correct: 13, attributed: 13 }],
    ['Russian', 33, 40, { labelled: 10, extracted: 10, correct: 10, attributed: 10 }],
  ])('%s score', (_language, from, to, expected) => {
    expect(score(HELD_OUT.slice(from, to))).toEqual(expected);
  });
});
