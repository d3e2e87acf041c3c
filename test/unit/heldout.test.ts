/**
 * A held-out evaluation of the whole pipeline (read, link, assign, compare)
 * on 21 article texts that are not the seeds, written fresh in the styles of
 * AP, AFP, Reuters, BBC, Al Jazeera, RFE/RL and Radio Ozodi, Asia-Plus,
 * Eurasianet, TASS, RIA Novosti, Fergana and Le Monde (English, Russian,
 * French and one in Tajik Cyrillic): 10 about the dataset's incidents in
 * other words, spellings and figures, 11 that share names, places or kinds
 * of event with it but are about something else. The gold below was written
 * before the pipeline was run on them. See docs/evaluation.md.
 *
 *
 * Scored: incident links (a link outside the gold and the "acceptable"
 * mentions is wrong); figures read (right when low, high, qualifier, side and
 * outcome match the gold figure the read span overlaps); figures tied to an
 * incident (right when it is the gold one); and verdicts that would mislead a
 * reader (a comparison shown for a misread figure or one tied to the wrong
 * incident). Optional gold figures are neither required nor wrong.
 *
 * First run (labels committed before it, nothing changed for them):
 *   links    14 linked, 0 wrong: precision 1.000, recall 0.615 (8 of 13)
 *   figures  44 read, 44 right of 63: precision 1.000, recall 0.698
 *   ties     18 tied, 14 right, 4 wrong of 31: precision 0.778, recall 0.452
 *   misleading verdicts: 2 ("17 gunmen" of the operation shown as above every
 *   report of the attacks; "37 человек" detained likewise)
 * Second run, after general fixes (an operation is identified by whom it
 * hunts; a figure whose sentence speaks of an operation leans to the linked
 * operation; Russian case forms of names and places; no seed-worded Russian
 * keywords; more head words for civilians; list merging only under one verb):
 *   links    18 linked, 0 wrong: precision 1.000, recall 0.923 (12 of 13)
 *   figures  47 read, 47 right of 63: precision 1.000, recall 0.746
 *   ties     21 tied, 21 right, 0 wrong of 31: precision 1.000, recall 0.677
 *   misleading verdicts: 0
 * The fixes were made looking at these pages, so the second run guards
 * against regressions; it is no longer held out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { annotate, type AnnotatedFigure, type Annotation } from '../../core/annotate';
import { extractClaims } from '../../core/claims';
import { DatasetIndex } from '../../core/datasetIndex';
import { parseDataset, type Outcome, type Qualifier, type Side } from '../../core/schema';
import type { PageSignals } from '../../core/types';
import { bundledDataset } from '../../data/index';
import { collectPageSignals } from '../../page/signals';
import { extractVisibleText } from '../../page/visibleText';

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const index = new DatasetIndex(parsed.dataset);

const ATTACK = 'tj-2015-09-04-dushanbe-vahdat-attacks';
const OPERATION = 'tj-2015-09-05-nazarzoda-operation';
const WAR = 'tj-1992-1997-civil-war';
const AMBUSH = 'tj-2010-09-19-rasht-ambush';
const POST = 'tj-2019-11-06-rudaki-border-post-attack';
const CLASH = 'tj-kg-2019-09-border-clash';

/** One casualty figure as a careful reader takes it. */
interface GoldFigure {
  /** A snippet that occurs once in the page and holds the figure: a read figure overlapping it is its reading. */
  text: string;
  low: number;
  high: number;
  qualifier: Qualifier;
  /** The side, or the sides a reader could fairly give ("four suspects": militants or unknown). */
  side: Side | Side[];
  outcome: Outcome;
  /** The incident it counts, or null when it counts none of the dataset's. */
  incident: string | null;
  /** Neither required nor wrong when read right ("a fifth", "two stewards taken to hospital"). */
  optional?: true;
}

interface GoldPage {
  file: string;
  /** Publication day for a .txt page (an .html page says it in its meta tags). */
  publishedAt?: string;
  /** Incidents the page is about: a link to each is expected. */
  links: string[];
  /** Incidents the page mentions in passing: a link is not wrong, a missing one not missed. */
  acceptable?: string[];
  figures: GoldFigure[];
}

const f = (
  text: string,
  low: number,
  qualifier: Qualifier,
  side: GoldFigure['side'],
  outcome: Outcome,
  incident: string | null,
  extra: { high?: number; optional?: true } = {},
): GoldFigure => ({
  text,
  low,
  high: extra.high ?? low,
  qualifier,
  side,
  outcome,
  incident,
  ...(extra.optional ? { optional: true as const } : {}),
});

// ---- the gold, written before the first run ----

const ABOUT_THE_DATASET: GoldPage[] = [
  {
    file: 'ap-romit-operation.txt',
    publishedAt: '2015-09-07',
    links: [OPERATION, ATTACK],
    acceptable: [WAR],
    figures: [
      f('17 gunmen', 17, 'exact', 'militants', 'killed', OPERATION),
      f('37 detained', 37, 'exact', 'militants', 'detained', OPERATION),
      f('nine police officers', 9, 'exact', 'security', 'killed', ATTACK),
    ],
  },
  {
    file: 'tass-ramit-operation-ru.txt',
    publishedAt: '2015-09-08',
    links: [OPERATION, ATTACK],
    figures: [
      f('четыре боевика', 4, 'exact', 'militants', 'killed', OPERATION),
      f('четырех боевиков', 4, 'exact', 'militants', 'killed', OPERATION),
      f('17 участников', 17, 'exact', 'militants', 'killed', OPERATION),
      f('37 человек', 37, 'exact', ['unknown', 'militants'], 'detained', OPERATION),
      f('девять сотрудников', 9, 'exact', 'security', 'killed', ATTACK),
    ],
  },
  {
    file: 'afp-vakhdat-attacks-fr.txt',
    publishedAt: '2015-09-04',
    links: [ATTACK],
    acceptable: [WAR],
    figures: [
      f('au moins neuf policiers', 9, 'at-least', 'security', 'killed', ATTACK),
      f('Au moins neuf policiers', 9, 'at-least', 'security', 'killed', ATTACK),
      f('six assaillants', 6, 'exact', 'militants', 'killed', ATTACK),
      f('plusieurs autres', 3, 'about', 'militants', 'detained', ATTACK, {
        high: 9,
        optional: true,
      }),
    ],
  },
  {
    file: 'ozodi-ishkobod-attack.txt',
    publishedAt: '2019-11-07',
    links: [POST],
    figures: [
      f('risen to three', 3, 'exact', 'security', 'killed', POST),
      f('a border guard and a police officer', 2, 'exact', 'security', 'killed', POST),
      f('15 attackers', 15, 'exact', 'militants', 'killed', POST),
      f('five captured', 5, 'exact', 'militants', 'captured', POST),
    ],
  },
  {
    file: 'asiaplus-rudaki-ru.txt',
    publishedAt: '2019-11-06',
    links: [POST],
    figures: [
      f('пограничник и сотрудник милиции', 2, 'exact', 'security', 'killed', POST),
      f('15 нападавших', 15, 'exact', 'militants', 'killed', POST),
      f('пятеро задержаны', 5, 'exact', 'militants', 'detained', POST),
    ],
  },
  {
    file: 'eurasianet-kamarob-ambush.txt',
    publishedAt: '2010-09-21',
    links: [AMBUSH],
    acceptable: [WAR],
    figures: [f('25 soldiers', 25, 'exact', 'security', 'killed', AMBUSH)],
  },
  {
    file: 'ria-kamarob-ru.txt',
    publishedAt: '2010-09-19',
    links: [AMBUSH],
    figures: [
      f('23 военнослужащих', 23, 'exact', 'security', 'killed', AMBUSH),
      f('Двадцать три военнослужащих', 23, 'exact', 'security', 'killed', AMBUSH),
      f('не менее десяти военнослужащих', 10, 'at-least', 'security', 'wounded', AMBUSH),
    ],
  },
  {
    file: 'tg-ozodi-romit.txt',
    publishedAt: '2015-09-07',
    links: [OPERATION, ATTACK],
    figures: [
      f('17 нафар', 17, 'exact', ['militants', 'unknown'], 'killed', OPERATION),
      f('37 нафар', 37, 'exact', ['militants', 'unknown'], 'detained', OPERATION),
      f('9 корманди милиса', 9, 'exact', 'security', 'killed', ATTACK),
    ],
  },
  {
    file: 'aljazeera-dushanbe-attacks.html',
    links: [ATTACK],
    acceptable: [WAR],
    figures: [
      f('eight officers', 8, 'exact', 'security', 'killed', ATTACK),
      f('seven of the attackers', 7, 'exact', 'militants', 'killed', ATTACK),
    ],
  },
  {
    file: 'bbc-kyrgyz-border-2019.html',
    links: [CLASH],
    figures: [
      f('A Tajik border guard', 1, 'exact', 'security', 'killed', CLASH),
      f('two of their border guards', 2, 'exact', 'security', 'wounded', CLASH),
      f('three Tajik border guards', 3, 'exact', 'security', 'killed', CLASH),
    ],
  },
];

const ABOUT_SOMETHING_ELSE: GoldPage[] = [
  {
    file: 'reuters-danghara-cyclists-2018.txt',
    publishedAt: '2018-07-30',
    links: [],
    figures: [
      f('killed four foreign cyclists', 4, 'exact', 'civilians', 'killed', null),
      f('which four foreign cyclists', 4, 'exact', 'civilians', 'killed', null),
      f(
        'Two Americans, a Swiss citizen and a Dutchman',
        4,
        'exact',
        ['civilians', 'unknown'],
        'killed',
        null,
      ),
      f('Two other cyclists', 2, 'exact', 'civilians', 'wounded', null),
      f('four suspects', 4, 'exact', ['militants', 'unknown'], 'killed', null),
      f('a fifth', 1, 'exact', ['militants', 'unknown'], 'detained', null, { optional: true }),
    ],
  },
  {
    file: 'aljazeera-gbao-2022.txt',
    publishedAt: '2022-05-18',
    links: [],
    figures: [
      f('eight members', 8, 'exact', ['militants', 'unknown'], 'killed', null),
      f('11 more', 11, 'exact', ['militants', 'unknown'], 'detained', null),
      f('one police officer', 1, 'exact', 'security', 'killed', null),
      f('13 security personnel', 13, 'exact', 'security', 'wounded', null),
      f('at least 21 civilians', 21, 'at-least', 'civilians', 'killed', null),
    ],
  },
  {
    file: 'ap-kyrgyz-border-2021.txt',
    publishedAt: '2021-05-01',
    links: [],
    figures: [
      f('rises to 55', 55, 'exact', 'all', 'killed', null),
      f('rose to 55', 55, 'exact', 'all', 'killed', null),
      f('36 people', 36, 'exact', 'unknown', 'killed', null),
      f('a 12-year-old girl', 1, 'exact', 'civilians', 'killed', null, { optional: true }),
      f('more than 180', 180, 'more-than', 'unknown', 'wounded', null),
      f('19 dead', 19, 'exact', ['all', 'unknown'], 'killed', null),
    ],
  },
  {
    file: 'guardian-crocus-tajik-suspects.txt',
    publishedAt: '2024-03-25',
    links: [],
    figures: [
      f('at least 137 people', 137, 'at-least', 'unknown', 'killed', null),
      f('More than 180 people', 180, 'more-than', 'unknown', 'wounded', null),
      f('nine people', 9, 'exact', 'unknown', 'detained', null),
    ],
  },
  {
    file: 'tass-crocus-ru.txt',
    publishedAt: '2024-03-25',
    links: [],
    figures: [
      f('Холле» возросло до 143', 143, 'exact', 'all', 'killed', null),
      f('Подмосковье возросло до 143', 143, 'exact', 'all', 'killed', null),
      f('более 180 человек', 180, 'more-than', 'unknown', 'wounded', null),
      f(
        'четырех предполагаемых исполнителей',
        4,
        'exact',
        ['militants', 'unknown'],
        'detained',
        null,
      ),
    ],
  },
  {
    file: 'rferl-rahmon-son-senate.txt',
    publishedAt: '2020-04-17',
    links: [],
    figures: [],
  },
  {
    file: 'asiaplus-sports-dushanbe.txt',
    publishedAt: '2023-10-14',
    links: [],
    figures: [
      f('12 supporters', 12, 'exact', ['unknown', 'civilians'], 'detained', null),
      f('two stewards', 2, 'exact', ['unknown', 'civilians'], 'wounded', null, { optional: true }),
    ],
  },
  {
    file: 'ozodi-obituary-actor.txt',
    publishedAt: '2022-11-11',
    links: [],
    acceptable: [WAR],
    figures: [],
  },
  {
    file: 'rferl-irpt-trial-2016.txt',
    publishedAt: '2016-06-02',
    links: [],
    acceptable: [ATTACK, OPERATION, WAR],
    figures: [
      f('more than 20 police officers and soldiers', 20, 'more-than', 'security', 'killed', ATTACK),
    ],
  },
  {
    file: 'fergana-kyrgyz-border-2022-ru.txt',
    publishedAt: '2022-09-19',
    links: [],
    figures: [
      f('границе превысило 90', 90, 'more-than', 'all', 'killed', null),
      f('превысило 90 человек', 90, 'more-than', ['all', 'unknown'], 'killed', null),
      f('59 погибших', 59, 'exact', ['all', 'unknown'], 'killed', null),
      f('144 раненых', 144, 'exact', ['all', 'unknown'], 'wounded', null),
      f('41 погибшем', 41, 'exact', ['all', 'unknown'], 'killed', null),
    ],
  },
  {
    file: 'lemonde-gbao-2022-fr.txt',
    publishedAt: '2022-05-19',
    links: [],
    figures: [
      f('huit membres', 8, 'exact', ['militants', 'unknown'], 'killed', null),
      f('onze autres', 11, 'exact', ['militants', 'unknown'], 'detained', null),
      f('Un policier', 1, 'exact', 'security', 'killed', null),
      f('au moins vingt et un civils', 21, 'at-least', 'civilians', 'killed', null),
    ],
  },
];

const PAGES = [...ABOUT_THE_DATASET, ...ABOUT_SOMETHING_ELSE];

// ---- reading a page as the extension and the command line do ----

const FIXTURES = join(import.meta.dirname, '../fixtures/heldout');

function readPage(page: GoldPage): { text: string; annotation: Annotation } {
  const body = readFileSync(join(FIXTURES, page.file), 'utf8');
  if (page.file.endsWith('.html')) {
    const { document } = parseHTML(body);
    const text = extractVisibleText(document).text;
    return { text, annotation: annotate({ text, signals: collectPageSignals(document) }, index) };
  }
  const signals: PageSignals = {
    url: null,
    title: null,
    lang: null,
    metas: page.publishedAt ? { 'article:published_time': page.publishedAt } : {},
    jsonLd: [],
    times: [],
  };
  return { text: body, annotation: annotate({ text: body, signals }, index) };
}

// ---- scoring ----

interface PageScore {
  file: string;
  linked: string[];
  wrongLinks: string[];
  missedLinks: string[];
  /** Gold figures (not optional) read right. */
  found: number;
  labelled: number;
  /** Figures read, leaving out optional ones read right. */
  read: number;
  right: number;
  /** Read figures tied to an incident, and those tied to the gold one. */
  tied: number;
  tiedRight: number;
  /** Gold figures that count a dataset incident. */
  labelledWithIncident: number;
  wrongTies: string[];
  misleading: string[];
}

const figureAndIncident = (figure: AnnotatedFigure) => `${figure.text} -> ${figure.incidentId}`;

const sidesOf = (gold: GoldFigure) => (Array.isArray(gold.side) ? gold.side : [gold.side]);

function judge(figure: AnnotatedFigure, golds: readonly (GoldFigure & { start: number })[]) {
  const gold =
    golds.find((g) => figure.start < g.start + g.text.length && figure.end > g.start) ?? null;
  const right =
    gold !== null &&
    figure.low === gold.low &&
    figure.high === gold.high &&
    figure.qualifier === gold.qualifier &&
    sidesOf(gold).includes(figure.side) &&
    figure.outcome === gold.outcome;
  if (!right) return { kind: 'misread', gold } as const;
  return gold.optional ? ({ kind: 'optional' } as const) : ({ kind: 'right', gold } as const);
}

function scorePage(page: GoldPage): PageScore {
  const { text, annotation } = readPage(page);
  const golds = page.figures.map((g) => ({ ...g, start: text.indexOf(g.text) }));
  const linked = annotation.incidents.map((i) => i.id);
  const allowed = new Set([...page.links, ...(page.acceptable ?? [])]);
  const judged = annotation.figures.map((figure) => ({ figure, verdict: judge(figure, golds) }));
  const counted = judged.filter((j) => j.verdict.kind !== 'optional');
  const rightGolds = new Set(
    judged.flatMap((j) => (j.verdict.kind === 'right' ? [j.verdict.gold.text] : [])),
  );
  const tied = counted.filter((j) => j.figure.incidentId !== null);
  const tiedRight = tied.filter(
    (j) => j.verdict.kind === 'right' && j.verdict.gold.incident === j.figure.incidentId,
  );
  const wrongTies = judged.filter(
    (j) =>
      j.figure.incidentId !== null &&
      j.verdict.kind !== 'optional' &&
      j.verdict.gold?.incident !== j.figure.incidentId,
  );
  // A verdict on a misread figure, or on a figure tied to another incident, tells the reader something false.
  const misleading = judged.filter(
    (j) =>
      j.figure.comparison.verdict !== 'no-comparable' &&
      (j.verdict.kind === 'misread' || wrongTies.includes(j)),
  );
  return {
    file: page.file,
    linked,
    wrongLinks: linked.filter((id) => !allowed.has(id)),
    missedLinks: page.links.filter((id) => !linked.includes(id)),
    found: page.figures.filter((g) => !g.optional && rightGolds.has(g.text)).length,
    labelled: page.figures.filter((g) => !g.optional).length,
    read: counted.length,
    right: counted.filter((j) => j.verdict.kind === 'right').length,
    tied: tied.length,
    tiedRight: tiedRight.length,
    labelledWithIncident: page.figures.filter((g) => !g.optional && g.incident !== null).length,
    wrongTies: wrongTies.map((j) => figureAndIncident(j.figure)),
    misleading: misleading.map(
      (j) => `${figureAndIncident(j.figure)} ${j.figure.comparison.verdict}`,
    ),
  };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);

function summarize(scores: readonly PageScore[]) {
  const sum = (key: keyof PageScore) =>
    scores.reduce((total, s) => total + (typeof s[key] === 'number' ? s[key] : s[key].length), 0);
  const links = sum('linked');
  const goldLinks = scores.reduce((total, s) => total + s.missedLinks.length, 0);
  const expected = PAGES.filter((p) => scores.some((s) => s.file === p.file)).reduce(
    (total, p) => total + p.links.length,
    0,
  );
  return {
    links: {
      linked: links,
      wrong: sum('wrongLinks'),
      precision: ratio(links - sum('wrongLinks'), links),
      recall: ratio(expected - goldLinks, expected),
    },
    figures: {
      read: sum('read'),
      right: sum('right'),
      labelled: sum('labelled'),
      precision: ratio(sum('right'), sum('read')),
      recall: ratio(sum('found'), sum('labelled')),
    },
    ties: {
      tied: sum('tied'),
      right: sum('tiedRight'),
      wrong: sum('wrongTies'),
      labelled: sum('labelledWithIncident'),
      precision: ratio(sum('tiedRight'), sum('tied')),
      recall: ratio(sum('tiedRight'), sum('labelledWithIncident')),
    },
    misleadingVerdicts: sum('misleading'),
  };
}

const SCORES = PAGES.map(scorePage);

test('every gold snippet occurs exactly once in its page', () => {
  const repeated = PAGES.flatMap((page) => {
    const { text } = readPage(page);
    return page.figures
      .filter(
        (g) => text.indexOf(g.text) === -1 || text.indexOf(g.text) !== text.lastIndexOf(g.text),
      )
      .map((g) => `${page.file}: ${g.text}`);
  });
  expect(repeated).toEqual([]);
});

test('the set is what the header says', () => {
  expect([ABOUT_THE_DATASET.length, ABOUT_SOMETHING_ELSE.length]).toEqual([10, 11]);
});

/** The numbers of the current run: a regression (or an improvement) must be recorded here and in docs/evaluation.md. */
const CURRENT_RUN = {
  links: { linked: 18, wrong: 0, precision: 1, recall: 0.923 },
  figures: { read: 62, right: 62, labelled: 63, precision: 1, recall: 0.984 },
  ties: { tied: 28, right: 28, wrong: 0, labelled: 31, precision: 1, recall: 0.903 },
  misleadingVerdicts: 0,
};

test('the whole set scores exactly the recorded run', () => {
  expect(summarize(SCORES)).toEqual(CURRENT_RUN);
});

describe('no figure is tied to an incident it does not count, and no verdict misleads', () => {
  test.each(SCORES.map((s) => [s.file, s] as const))('%s', (_file, score) => {
    expect([score.wrongTies, score.misleading]).toEqual([[], []]);
  });
});

describe('no page is linked to an incident it is not about', () => {
  test.each(SCORES.map((s) => [s.file, s] as const))('%s', (_file, score) => {
    expect(score.wrongLinks).toEqual([]);
  });
});

// ---- constructions the held-out texts brought up, pinned ----

/** [sentence, figures read as "text low-high side outcome"] */
const LIST_CLAUSES: Array<[string, string[]]> = [
  [
    'Officials said the project employed more than 15,000 workers, and two workers were killed in an accident, the ministry of energy said.',
    ['two workers 2-2 civilians killed'],
  ],
  [
    'The plant employed 300 workers and two workers were killed.',
    ['two workers 2-2 civilians killed'],
  ],
  ['Gunmen attacked 3 villages and 12 people were killed.', ['12 people 12-12 unknown killed']],
  [
    'Eight policemen, and two gunmen were killed, officials said.',
    ['two gunmen 2-2 militants killed'],
  ],
  [
    'Three soldiers, two policemen, and four civilians were killed.',
    ['Three soldiers, two policemen 5-5 security killed', 'four civilians 4-4 civilians killed'],
  ],
  [
    'Officials said eight policemen and two gunmen were killed.',
    ['eight policemen 8-8 security killed', 'two gunmen 2-2 militants killed'],
  ],
  [
    'The attack wounded 12 soldiers and 3 policemen.',
    ['12 soldiers and 3 policemen 15-15 security wounded'],
  ],
  [
    'Security forces detained 12 suspects and four others were killed.',
    ['12 suspects 12-12 unknown detained', 'four others 4-4 unknown killed'],
  ],
  [
    'The attack killed 5 soldiers and 3 civilians were wounded.',
    ['5 soldiers 5-5 security killed', '3 civilians 3-3 civilians wounded'],
  ],
];

describe('a list shares a casualty verb only when the verb governs all of it', () => {
  test.each(LIST_CLAUSES)('%s', (sentence, expected) => {
    expect(
      extractClaims(sentence).map((c) => `${c.text} ${c.low}-${c.high} ${c.side} ${c.outcome}`),
    ).toEqual(expected);
  });
});

// HELDOUT_REPORT=1 npx vitest run test/unit/heldout.test.ts prints each page's run.
test.runIf(process.env['HELDOUT_REPORT'] === '1')('report', () => {
  console.log(JSON.stringify(summarize(SCORES), null, 1));
  for (const s of SCORES) {
    const { file, linked, wrongLinks, missedLinks, wrongTies, misleading } = s;
    const figures = `${s.right}/${s.read} of ${s.labelled}`;
    const ties = `${s.tiedRight}/${s.tied} of ${s.labelledWithIncident}`;
    console.log(
      file,
      JSON.stringify({ linked, wrongLinks, missedLinks, figures, ties, wrongTies, misleading }),
    );
  }
});

/** [sentence, frame of each figure read] */
const FRAMES: Array<[string, Array<string | null>]> = [
  [
    'The ministry said 13 gunmen had been killed and 35 detained since the operation began.',
    ['operation', 'operation'],
  ],
  ['В ходе спецоперации уничтожены четыре боевика.', ['operation']],
  ['Gunmen killed nine police officers on Friday. The operation began on Saturday.', [null]],
  ['Eight policemen were killed in the attacks, officials said.', [null]],
  ['Troops killed five rebels during a counter-strike in Rasht.', ['operation']],
  ['Co-operation talks went on as 3 soldiers were killed.', [null]],
  // A toll a group claims is its attack's, whatever operation the sentence goes on to.
  [
    'A militant group claimed responsibility for killing 28 soldiers, as troops pressed an operation in the mountains.',
    ['claimed'],
  ],
  // The claim must lead up to the figure, not sit elsewhere in the sentence.
  ['Nobody claimed responsibility, and 3 soldiers were killed in the operation.', ['operation']],
];

describe('a figure whose sentence speaks of an operation, or of a claimed attack, is marked as such', () => {
  test.each(FRAMES)('%s', (sentence, frames) => {
    expect(extractClaims(sentence).map((c) => c.frame ?? null)).toEqual(frames);
  });
});
