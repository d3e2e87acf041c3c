/**
 * Sentence by sentence: which numbers are casualty figures, and exactly how
 * each is read. Cases come from the seed articles' constructions, from the
 * issue's list of non-figures, and from sentences written in the style of
 * other outlets (AP, Al Jazeera, BBC, Reuters) about other events.
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
];

const FIGURES: Array<[sentence: string, expected: Row[]]> = [
  // The seeds' constructions.
  [
    'At least eight policemen and two gunmen were killed in Tajikistan on Friday.',
    [
      ['At least eight policemen', 8, 8, 'at-least', 'security', 'policemen', 'killed', null],
      ['two gunmen', 2, 2, 'at-least', 'militants', 'gunmen', 'killed', null],
    ],
  ],
  [
    "Russia's RIA news agency quoted an unidentified source as saying that 33 interior and defense ministry troops had in fact been killed in Dushanbe, as well as nine of Nazarzod's troops.",
    [
      [
        '33 interior and defense ministry troops',
        33,
        33,
        'exact',
        'security',
        'interior and defense ministry troops',
        'killed',
        "Russia's RIA news agency quoted an unidentified source",
      ],
      [
        "nine of Nazarzod's troops",
        9,
        9,
        'exact',
        'militants',
        "Nazarzod's troops",
        'killed',
        "Russia's RIA news agency quoted an unidentified source",
      ],
    ],
  ],
  [
    '“At present, we have arrested 32 members of the criminal group Nazarzoda, of which 13 have been eliminated,” the ministry said in a statement.',
    [
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
    ],
  ],
  [
    'Law enforcement officers had killed two of the attackers, at least one of whom was a state security official, and wounded three others, the ministry said.',
    [
      ['two of the attackers', 2, 2, 'exact', 'militants', 'attackers', 'killed', 'the ministry'],
      ['three others', 3, 3, 'exact', 'militants', 'attackers', 'wounded', 'the ministry'],
    ],
  ],
  [
    "Nine police officers have been killed as a result of the rebels' attacks and 12 others have been wounded, Tajikistan’s Interior Ministry said.",
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
    'They said 15 militants were killed and five were captured.',
    [
      ['15 militants', 15, 15, 'exact', 'militants', 'militants', 'killed', 'They'],
      ['five', 5, 5, 'exact', 'militants', 'militants', 'captured', 'They'],
    ],
  ],
  [
    'Officials said five rebels were killed and five captured in the counter-attack.',
    [
      ['five rebels', 5, 5, 'exact', 'militants', 'rebels', 'killed', 'Officials'],
      ['five', 5, 5, 'exact', 'militants', 'rebels', 'captured', 'Officials'],
    ],
  ],
  [
    'Tajikistan is still volatile after a 1992-97 civil war that killed tens of thousands.',
    [['tens of thousands', 20000, 99999, 'about', 'unknown', '', 'killed', null]],
  ],
  [
    'Islamist rebels who made 150,000 dead between 1992 and 1997 fought the government, according to the Ministry of Interior.',
    [['150,000', 150000, 150000, 'exact', 'unknown', '', 'killed', 'the Ministry of Interior']],
  ],
  [
    'A militant group linked to al Qaeda on Thursday claimed responsibility for killing 28 soldiers in Tajikistan.',
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
    ],
  ],
  [
    'Thirteen members of armed groups who had Friday launched attacks against police were killed Saturday.',
    [
      [
        'Thirteen members of armed groups',
        13,
        13,
        'exact',
        'militants',
        'members of armed groups',
        'killed',
        null,
      ],
    ],
  ],
  [
    'Sources have told RFE/RL that the number of Tajik security officers killed in the attack is seven -- five higher than authorities have admitted.',
    [['seven', 7, 7, 'exact', 'security', 'Tajik security officers', 'killed', 'Sources']],
  ],
  [
    'However, local sources told RFE/RL on November 8 that at least five more border guards were killed in the attack.',
    [
      [
        'at least five more border guards',
        5,
        5,
        'at-least',
        'security',
        'border guards',
        'killed',
        'local sources',
      ],
    ],
  ],
  [
    'In September, Tajik authorities said one Tajik border guard was killed during clashes.',
    [
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
    ],
  ],
  [
    'But regional authorities said later that three border guards were killed as a result of the unrest.',
    [
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
  [
    'It added that six people were detained and that Nazarzod was on the run.',
    [['six people', 6, 6, 'exact', 'unknown', 'people', 'detained', 'It']],
  ],
  [
    'The IMU said one of its members had been killed.',
    [['one of its members', 1, 1, 'exact', 'unknown', 'its members', 'killed', 'The IMU']],
  ],
  [
    'Meanwhile, an online statement purportedly issued by the IS group on November 8 claimed responsibility for the attack, saying the IS militants had killed 10 Tajik border guards.',
    [
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
    ],
  ],
  [
    'At Least 10 Killed in Armed Attacks in Tajikistan, US Embassy Shut',
    [['At Least 10', 10, 10, 'at-least', 'all', '', 'killed', null]],
  ],
  [
    'Tajikistan: 13 dead in a vast police operation',
    [['13', 13, 13, 'exact', 'all', '', 'killed', null]],
  ],
  [
    'Tens of thousands of people died in the 1990s when the government fought a civil war.',
    [['Tens of thousands of people', 20000, 99999, 'about', 'unknown', 'people', 'killed', null]],
  ],
  [
    'Police officers secure an area where several special forces officers and a traffic policeman were reportedly shot dead, Sept. 4, 2015.',
    [
      [
        'several special forces officers and a traffic policeman',
        4,
        10,
        'about',
        'security',
        'special forces officers and a traffic policeman',
        'killed',
        null,
      ],
    ],
  ],
  // Paragraphs: a pronoun or a silent sentence takes the paragraph's source.
  [
    'Officials initially said the attackers came from Afghanistan. They said 15 militants were killed and five were captured.',
    [
      ['15 militants', 15, 15, 'exact', 'militants', 'militants', 'killed', 'Officials'],
      ['five', 5, 5, 'exact', 'militants', 'militants', 'captured', 'Officials'],
    ],
  ],
  [
    'Police killed two of the attackers, the ministry said. It added that six people were detained.',
    [
      ['two of the attackers', 2, 2, 'exact', 'militants', 'attackers', 'killed', 'the ministry'],
      ['six people', 6, 6, 'exact', 'unknown', 'people', 'detained', 'the ministry'],
    ],
  ],
  [
    'Two soldiers were killed, the army said.\nThree civilians died in a separate blast.',
    [
      ['Two soldiers', 2, 2, 'exact', 'security', 'soldiers', 'killed', 'the army'],
      ['Three civilians', 3, 3, 'exact', 'civilians', 'civilians', 'killed', null],
    ],
  ],
  // Other outlets, other events.
  [
    'Gunmen killed at least 12 soldiers and wounded five others in an attack on a military post in northern Burkina Faso on Sunday, the army said.',
    [
      ['at least 12 soldiers', 12, 12, 'at-least', 'security', 'soldiers', 'killed', 'the army'],
      ['five others', 5, 5, 'exact', 'security', 'soldiers', 'wounded', 'the army'],
    ],
  ],
  [
    'More than 20 civilians, including women and children, were killed in the air strikes, local officials told Al Jazeera.',
    [
      [
        'More than 20 civilians',
        20,
        20,
        'more-than',
        'civilians',
        'civilians',
        'killed',
        'local officials',
      ],
    ],
  ],
  [
    'Police say 17 people were arrested after clashes in the city centre.',
    [['17 people', 17, 17, 'exact', 'unknown', 'people', 'detained', 'Police']],
  ],
  [
    'Two soldiers died and three were injured when their vehicle hit a mine, officials said.',
    [
      ['Two soldiers', 2, 2, 'exact', 'security', 'soldiers', 'killed', 'officials'],
      ['three', 3, 3, 'exact', 'security', 'soldiers', 'wounded', 'officials'],
    ],
  ],
  [
    'The army said it had killed 40 insurgents and captured 12 in the operation.',
    [
      ['40 insurgents', 40, 40, 'exact', 'militants', 'insurgents', 'killed', 'The army'],
      ['12', 12, 12, 'exact', 'militants', 'insurgents', 'captured', 'The army'],
    ],
  ],
  [
    'Reuters could not verify the claim that 300 fighters had been killed.',
    [['300 fighters', 300, 300, 'exact', 'militants', 'fighters', 'killed', null]],
  ],
  [
    'Nearly 200 people were injured, hospital sources said.',
    [['Nearly 200 people', 200, 200, 'about', 'unknown', 'people', 'wounded', 'hospital sources']],
  ],
  [
    'Up to 50 people are feared dead after the landslide.',
    [['Up to 50 people', 50, 50, 'up-to', 'unknown', 'people', 'killed', null]],
  ],
  [
    'As many as 30 rebels were taken prisoner, the ministry claimed.',
    [['As many as 30 rebels', 30, 30, 'up-to', 'militants', 'rebels', 'captured', 'the ministry']],
  ],
  [
    'Three journalists remain missing.',
    [['Three journalists', 3, 3, 'exact', 'civilians', 'journalists', 'missing', null]],
  ],
  [
    'Dozens of protesters were detained by riot police on Saturday.',
    [['Dozens of protesters', 24, 99, 'about', 'civilians', 'protesters', 'detained', null]],
  ],
  [
    'Two police officers were shot dead in Dagestan on Monday, Interfax reported.',
    [['Two police officers', 2, 2, 'exact', 'security', 'police officers', 'killed', 'Interfax']],
  ],
  [
    'A suicide bomber killed 25 worshippers at a mosque in Kabul on Friday, the interior ministry spokesman said.',
    [
      [
        '25 worshippers',
        25,
        25,
        'exact',
        'civilians',
        'worshippers',
        'killed',
        'the interior ministry spokesman',
      ],
    ],
  ],
  [
    'Twenty-one people died and 40 were wounded, the BBC reported.',
    [
      ['Twenty-one people', 21, 21, 'exact', 'unknown', 'people', 'killed', 'the BBC'],
      ['40', 40, 40, 'exact', 'unknown', 'people', 'wounded', 'the BBC'],
    ],
  ],
  [
    'The militants said they had killed 10 soldiers, a claim the army denied.',
    [['10 soldiers', 10, 10, 'exact', 'security', 'soldiers', 'killed', 'The militants']],
  ],
  [
    'The blast injured 12 passers-by.',
    [['12 passers-by', 12, 12, 'exact', 'civilians', 'passers-by', 'wounded', null]],
  ],
  ['A second attack killed six.', [['six', 6, 6, 'exact', 'unknown', '', 'killed', null]]],
  [
    'Nine people have died, including three children.',
    [
      ['Nine people', 9, 9, 'exact', 'unknown', 'people', 'killed', null],
      ['three children', 3, 3, 'exact', 'civilians', 'children', 'killed', null],
    ],
  ],
  [
    'The 1995 massacre killed more than 8,000 men and boys.',
    [
      [
        'more than 8,000 men and boys',
        8000,
        8000,
        'more-than',
        'unknown',
        'men and boys',
        'killed',
        null,
      ],
    ],
  ],
  [
    'Two Kenyan police officers and a civilian were killed when their vehicle hit an IED, police said.',
    [
      [
        'Two Kenyan police officers',
        2,
        2,
        'exact',
        'security',
        'Kenyan police officers',
        'killed',
        'police',
      ],
      ['a civilian', 1, 1, 'exact', 'civilians', 'civilian', 'killed', 'police'],
    ],
  ],
  [
    'In 2014, 12 soldiers were killed in the same valley.',
    [['12 soldiers', 12, 12, 'exact', 'security', 'soldiers', 'killed', null]],
  ],
  [
    'Police arrested six people on September 14.',
    [['six people', 6, 6, 'exact', 'unknown', 'people', 'detained', null]],
  ],
  [
    'Police said 3 of the 20 attackers were killed.',
    [['3 of the 20 attackers', 3, 3, 'exact', 'militants', 'attackers', 'killed', 'Police']],
  ],
  [
    'Ten soldiers and 15 militants were killed in clashes on Tuesday, the defence ministry said in a statement.',
    [
      ['Ten soldiers', 10, 10, 'exact', 'security', 'soldiers', 'killed', 'the defence ministry'],
      ['15 militants', 15, 15, 'exact', 'militants', 'militants', 'killed', 'the defence ministry'],
    ],
  ],
  [
    'Six people, including two children, were killed in the shelling, Ukrainian officials said.',
    [
      ['Six people', 6, 6, 'exact', 'unknown', 'people', 'killed', 'Ukrainian officials'],
      ['two children', 2, 2, 'exact', 'civilians', 'children', 'killed', 'Ukrainian officials'],
    ],
  ],
  [
    'At least 3,000 people have been killed in the conflict since 2014, according to the United Nations.',
    [
      [
        'At least 3,000 people',
        3000,
        3000,
        'at-least',
        'unknown',
        'people',
        'killed',
        'the United Nations',
      ],
    ],
  ],
  [
    'The death toll rose to 25, the health ministry said.',
    [['25', 25, 25, 'exact', 'all', '', 'killed', 'the health ministry']],
  ],
  [
    'Five people who were later found dead had been abducted, residents said.',
    [['Five people', 5, 5, 'exact', 'unknown', 'people', 'killed', 'residents']],
  ],
  [
    'Some 40 suspected militants were arrested in raids across the province.',
    [
      [
        'Some 40 suspected militants',
        40,
        40,
        'about',
        'militants',
        'suspected militants',
        'detained',
        null,
      ],
    ],
  ],
  [
    'Twelve delegates arrived on Monday; later that week fighting killed dozens.',
    [['dozens', 24, 99, 'about', 'unknown', '', 'killed', null]],
  ],
  [
    'Eight soldiers were killed in 2014.',
    [['Eight soldiers', 8, 8, 'exact', 'security', 'soldiers', 'killed', null]],
  ],
  [
    'Rebels ambushed a convoy 180 km (130 miles) east of the capital, killing two soldiers.',
    [['two soldiers', 2, 2, 'exact', 'security', 'soldiers', 'killed', null]],
  ],
  [
    'The village, 60 kilometers from the border, was shelled and three civilians died.',
    [['three civilians', 3, 3, 'exact', 'civilians', 'civilians', 'killed', null]],
  ],
  [
    'Police recovered more than 500 weapons after the raid in which two gunmen were killed.',
    [['two gunmen', 2, 2, 'exact', 'militants', 'gunmen', 'killed', null]],
  ],
  [
    'When 20 IS militants attacked the post, two guards were killed.',
    [['two guards', 2, 2, 'exact', 'security', 'guards', 'killed', null]],
  ],
  [
    'Turnout fell 15% after 12 people were killed.',
    [['12 people', 12, 12, 'exact', 'unknown', 'people', 'killed', null]],
  ],
  [
    'The 20 militants killed three soldiers.',
    [['three soldiers', 3, 3, 'exact', 'security', 'soldiers', 'killed', null]],
  ],
  [
    'Police killed two of the attackers, at least one of whom was a state security official.',
    [['two of the attackers', 2, 2, 'exact', 'militants', 'attackers', 'killed', null]],
  ],
  [
    'He was one of 12 men arrested in the sweep.',
    [['12 men', 12, 12, 'exact', 'unknown', 'men', 'detained', null]],
  ],
  [
    'The convoy of 40 trucks was attacked and two drivers were killed.',
    [['two drivers', 2, 2, 'exact', 'civilians', 'drivers', 'killed', null]],
  ],
  [
    'At least nine civilians, five of them children, were killed.',
    [['At least nine civilians', 9, 9, 'at-least', 'civilians', 'civilians', 'killed', null]],
  ],
  [
    'Israeli strikes killed at least 27 Palestinians overnight, health officials said.',
    [
      [
        'at least 27 Palestinians',
        27,
        27,
        'at-least',
        'unknown',
        'Palestinians',
        'killed',
        'health officials',
      ],
    ],
  ],
  [
    'The Nigerian army said troops had neutralised 22 Boko Haram fighters.',
    [
      [
        '22 Boko Haram fighters',
        22,
        22,
        'exact',
        'militants',
        'Boko Haram fighters',
        'killed',
        'The Nigerian army',
      ],
    ],
  ],
  [
    'The attack left 11 dead and 23 wounded.',
    [
      ['11', 11, 11, 'exact', 'unknown', '', 'killed', null],
      ['23', 23, 23, 'exact', 'unknown', '', 'wounded', null],
    ],
  ],
  [
    'Officials put the death toll at 14.',
    [['14', 14, 14, 'exact', 'all', '', 'killed', 'Officials']],
  ],
  [
    'Ten people, among them four police officers, lost their lives.',
    [
      ['Ten people', 10, 10, 'exact', 'unknown', 'people', 'killed', null],
      ['four police officers', 4, 4, 'exact', 'security', 'police officers', 'killed', null],
    ],
  ],
  [
    'Some 2,500 troops were deployed after 16 soldiers were killed last week.',
    [['16 soldiers', 16, 16, 'exact', 'security', 'soldiers', 'killed', null]],
  ],
  [
    'Of the 60 passengers, 12 were injured.',
    [['12', 12, 12, 'exact', 'unknown', '', 'wounded', null]],
  ],
  [
    'More than a dozen police officers were wounded when protesters threw stones.',
    [
      [
        'More than a dozen police officers',
        12,
        12,
        'more-than',
        'security',
        'police officers',
        'wounded',
        null,
      ],
    ],
  ],
];

// Numbers that are not casualty figures, each in a sentence with a casualty word.
const NOT_FIGURES: string[] = [
  'A 45-year-old mother of two was killed in the crossfire.',
  'The fighting in 2014 killed no one.',
  'Between 1992 and 1997 the war killed many.',
  'He was killed on Sept. 4, 2015, and buried on November 6.',
  'Police arrested the suspect on September 14.',
  'The checkpoint 180 km (130 miles) east of Dushanbe was where the guard was killed.',
  'The ransom of $5 million was paid before a hostage was killed.',
  'Tajikistan, a Muslim nation of 8 million, still counts those killed in the civil war.',
  'Police seized more than 500 weapons after killing the gang leader.',
  'Officials shut a thousand mosques and arrested imams.',
  'Tajikistan has jailed more than 100 members of banned Islamic groups this year.',
  'When 20 IS militants attacked the post, the guards were killed.',
  'Accompanied by about two dozen ministers, the president visited the wounded.',
  'The number killed is five higher than the authorities admitted.',
  'A second policeman died later, the third death this week.',
  'Major General Nazarzod, the 2nd-ranking officer, was killed.',
  'Call +992 37 221 1234 to report anyone missing.',
  'Killings rose 40 percent last year.',
  'Hundreds of soldiers were killed or wounded.',
  'Article 205 of the criminal code sets 10 years for killing a policeman.',
  'The first soldier was killed at 10:30.',
  'Three police stations were attacked and burned; no one was hurt.',
  'The 201st division lost dozens of vehicles, officials said, but nobody died.',
  'Some 20 gunmen stormed the post and killed a guard.',
  'A Tajik border guard killed in the attack was buried on November 7.',
  'Nazarzod was dismissed on Friday, September 5, for "committing a crime" that killed civilians.',
  'The attack was carried out 60 kilometers southwest of Dushanbe, killing the commander.',
  'Five of the wounded are in a stable condition.',
  'The bomb weighed 20 kilograms and the army lost three helicopters, but no soldiers were killed.',
  'A total of 73 insurgents have surrendered, and none was hurt.',
  // Digit runs too long for a count (fuzzing found the first: its product was 1e207).
  `${'9'.repeat(60)}2.5 million wounded`,
  '999,999,999,999 million people were killed',
];

describe('extractClaims: figures', () => {
  test.each(FIGURES)('%s', (sentence, expected) => {
    const claims = extractClaims(sentence);
    expect(claims.map(asRow)).toEqual(expected);
    for (const claim of claims) expect(sentence.slice(claim.start, claim.end)).toBe(claim.text);
  });
});

describe('extractClaims: not figures', () => {
  test.each(NOT_FIGURES)('%s', (sentence) => {
    expect(extractClaims(sentence)).toEqual([]);
  });
});

describe('extractClaims: French and Russian basics', () => {
  test.each<[string, Row[]]>([
    [
      'Au moins huit policiers ont été tués vendredi à Douchanbé.',
      [['Au moins huit policiers', 8, 8, 'at-least', 'security', 'policiers', 'killed', null]],
    ],
    [
      'Tadjikistan : 13 morts dans une opération de police',
      [['13', 13, 13, 'exact', 'unknown', '', 'killed', null]],
    ],
    [
      'Deux assaillants ont été blessés le 4 septembre.',
      [['Deux assaillants', 2, 2, 'exact', 'militants', 'assaillants', 'wounded', null]],
    ],
    [
      'В Душанбе погибли девять полицейских.',
      [['девять полицейских', 9, 9, 'exact', 'security', 'полицейских', 'killed', null]],
    ],
    [
      'Не менее 12 боевиков задержаны.',
      [['Не менее 12 боевиков', 12, 12, 'at-least', 'militants', 'боевиков', 'detained', null]],
    ],
    [
      '13 assaillants ont été tués samedi.',
      [['13 assaillants', 13, 13, 'exact', 'militants', 'assaillants', 'killed', null]],
    ],
    [
      "Neuf policiers tués et douze blessés, selon le ministère de l'Intérieur.",
      [
        [
          'Neuf policiers',
          9,
          9,
          'exact',
          'security',
          'policiers',
          'killed',
          "le ministère de l'Intérieur",
        ],
        [
          'douze',
          12,
          12,
          'exact',
          'security',
          'policiers',
          'wounded',
          "le ministère de l'Intérieur",
        ],
      ],
    ],
    [
      'По данным МВД, были убиты 13 боевиков.',
      [['13 боевиков', 13, 13, 'exact', 'militants', 'боевиков', 'killed', 'МВД']],
    ],
    [
      'Ранены 12 сотрудников полиции.',
      [
        [
          '12 сотрудников полиции',
          12,
          12,
          'exact',
          'security',
          'сотрудников полиции',
          'wounded',
          null,
        ],
      ],
    ],
    [
      'Не менее девяти полицейских погибли.',
      [
        [
          'Не менее девяти полицейских',
          9,
          9,
          'at-least',
          'security',
          'полицейских',
          'killed',
          null,
        ],
      ],
    ],
    [
      'Более тринадцати боевиков уничтожены.',
      [['Более тринадцати боевиков', 13, 13, 'more-than', 'militants', 'боевиков', 'killed', null]],
    ],
    [
      'В Дагестане погибли 12 человек, в том числе четверо полицейских.',
      [
        ['12 человек', 12, 12, 'exact', 'unknown', 'человек', 'killed', null],
        ['четверо полицейских', 4, 4, 'exact', 'security', 'полицейских', 'killed', null],
      ],
    ],
    [
      "Deux soldats français ont été tués au Mali, a annoncé l'Élysée.",
      [['Deux soldats', 2, 2, 'exact', 'security', 'soldats', 'killed', "l'Élysée"]],
    ],
    // A singular noun, and an adverb between the auxiliary and the participle.
    [
      'Un policier a également été tué, a précisé le ministère.',
      [['Un policier', 1, 1, 'exact', 'security', 'policier', 'killed', 'le ministère']],
    ],
    [
      'Силовики уничтожили четырех боевиков.',
      [['четырех боевиков', 4, 4, 'exact', 'militants', 'боевиков', 'killed', null]],
    ],
    [
      'Суд арестовал четырех предполагаемых исполнителей.',
      [
        [
          'четырех предполагаемых исполнителей',
          4,
          4,
          'exact',
          'unknown',
          'предполагаемых исполнителей',
          'detained',
          null,
        ],
      ],
    ],
    [
      'Минздрав сообщил о 59 погибших и 144 раненых.',
      [
        ['59', 59, 59, 'exact', 'unknown', '', 'killed', null],
        ['144', 144, 144, 'exact', 'unknown', '', 'wounded', null],
      ],
    ],
    [
      'Число погибших в конфликте превысило 90 человек.',
      [['90 человек', 90, 90, 'more-than', 'all', 'человек', 'killed', null]],
    ],
    [
      'В результате нападения погибли пограничник и сотрудник милиции.',
      [
        [
          'пограничник и сотрудник милиции',
          2,
          2,
          'exact',
          'security',
          'пограничник и сотрудник милиции',
          'killed',
          null,
        ],
      ],
    ],
    // People of two sides listed one by one say nothing countable.
    ['Погибли полицейский и боевик.', []],
    [
      "Huit membres d'un « groupe criminel organisé » ont été tués.",
      [['Huit membres', 8, 8, 'exact', 'unknown', 'membres', 'killed', null]],
    ],
    // The complement is taken only before an auxiliary: no casualty here.
    ['Huit membres du parti ont voté.', []],
    ['Погибли 2 года назад, сообщает ТАСС.', []],
    ["Les 20 ans de l'attentat ont été commémorés.", []],
    ['В 2015 году в стране жили 8 миллионов человек.', []],
    ['Le 6 novembre, 20 militants ont attaqué un poste.', []],
  ])('%s', (sentence, expected) => {
    const claims = extractClaims(sentence);
    expect(claims.map(asRow)).toEqual(expected);
    for (const claim of claims) expect(sentence.slice(claim.start, claim.end)).toBe(claim.text);
  });
});

describe('extractClaims: a pair of people, and one person after "said that"', () => {
  test.each<[string, Row[]]>([
    [
      'A border guard and a police officer were killed.',
      [
        [
          'A border guard and a police officer',
          2,
          2,
          'exact',
          'security',
          'border guard and a police officer',
          'killed',
          null,
        ],
      ],
    ],
    [
      'A soldier and a police officer have been detained.',
      [
        [
          'A soldier and a police officer',
          2,
          2,
          'exact',
          'security',
          'soldier and a police officer',
          'detained',
          null,
        ],
      ],
    ],
    // Two sides stay two figures; people of no named side are not counted.
    [
      'A policeman and a gunman died in the clash.',
      [
        ['A policeman', 1, 1, 'exact', 'security', 'policeman', 'killed', null],
        ['a gunman', 1, 1, 'exact', 'militants', 'gunman', 'killed', null],
      ],
    ],
    ['A man and a woman were killed.', []],
    // "that" after a verb of saying opens what was said: "one" there counts.
    [
      'The Interior Ministry said on Wednesday that one police officer was killed.',
      [
        [
          'one police officer',
          1,
          1,
          'exact',
          'security',
          'police officer',
          'killed',
          'The Interior Ministry',
        ],
      ],
    ],
  ])('%s', (sentence, expected) => {
    const claims = extractClaims(sentence);
    expect(claims.map(asRow)).toEqual(expected);
    for (const claim of claims) expect(sentence.slice(claim.start, claim.end)).toBe(claim.text);
  });
});

describe('extractClaims: Tajik', () => {
  test.each<[string, Row[]]>([
    [
      'Ба гуфтаи вазорат, 9 корманди милиса кушта шуданд.',
      [['9 корманди милиса', 9, 9, 'exact', 'security', 'корманди милиса', 'killed', 'вазорат']],
    ],
    [
      // Two figures joined by "ва", the first without its auxiliary; the second takes its side.
      '17 нафар аъзои гурӯҳ кушта ва 37 нафар боздошт шудаанд.',
      [
        ['17 нафар аъзои гурӯҳ', 17, 17, 'exact', 'militants', 'аъзои гурӯҳ', 'killed', null],
        ['37 нафар', 37, 37, 'exact', 'militants', 'аъзои гурӯҳ', 'detained', null],
      ],
    ],
    [
      'Ақаллан ҳашт сарбоз ҳалок гардиданд.',
      [['Ақаллан ҳашт сарбоз', 8, 8, 'at-least', 'security', 'сарбоз', 'killed', null]],
    ],
    [
      'Беш аз 20 ҷангҷӯ боздошт шудаанд.',
      [['Беш аз 20 ҷангҷӯ', 20, 20, 'more-than', 'militants', 'ҷангҷӯ', 'detained', null]],
    ],
    [
      'Ду нафар гаравгон гирифта шуданд.',
      [['Ду нафар', 2, 2, 'exact', 'unknown', '', 'captured', null]],
    ],
    // A year is not a count; an outcome word with no number is no figure.
    ['Соли 2015 кушта шуданд.', []],
    ['Дар ҳамла милисаҳо захмӣ шуданд.', []],
  ])('%s', (sentence, expected) => {
    const claims = extractClaims(sentence);
    expect(claims.map(asRow)).toEqual(expected);
    for (const claim of claims) expect(sentence.slice(claim.start, claim.end)).toBe(claim.text);
  });
});
