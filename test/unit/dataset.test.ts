/**
 * The bundled dataset is the first thing every user sees, and journalists will
 * check it against the articles: these tests hold each record to its source.
 * Every figure must quote its seed article verbatim and state its number, and
 * each article's figures are listed here in full, so a figure added, dropped
 * or misread fails a test instead of reaching a reader.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDataset, type Dataset, type Figure } from '../../core/schema';
import { bundledDataset } from '../../data/index';

const repoRoot = new URL('../../', import.meta.url);
const readRepoFile = (path: string) => readFileSync(new URL(path, repoRoot), 'utf8');

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(`bundled dataset is invalid:\n${parsed.errors.join('\n')}`);
const dataset = parsed.dataset;
const reportById = new Map(dataset.reports.map((report) => [report.id, report]));

/** A deep copy to mutate, so one hostile-shape test cannot leak into another. */
const copyOfDataset = (): Dataset => structuredClone(dataset);

const ATTACK = 'tj-2015-09-04-dushanbe-vahdat-attacks';
const OPERATION = 'tj-2015-09-05-nazarzoda-operation';
const AMBUSH = 'tj-2010-09-19-rasht-ambush';
const COUNTER = 'tj-2010-09-22-rasht-counter-strike';
const BORDER_POST = 'tj-2019-11-06-rudaki-border-post-attack';
const KG_CLASH = 'tj-kg-2019-09-border-clash';
const CIVIL_WAR = 'tj-1992-1997-civil-war';

const S000 = 'data/seeds/000_730a5c529c7b08ea.txt';
const S001 = 'data/seeds/001_36a186174aa90624.txt';
const S002 = 'data/seeds/002_633043090701e538.txt';
const S003 = 'data/seeds/003_d70cfd5fdd3566a3.txt';
const S004 = 'data/seeds/004_53d963a1b97000fa.txt';

describe('validation', () => {
  test('the bundled dataset passes parseDataset with no errors', () => {
    expect(parseDataset(bundledDataset)).toEqual({ ok: true, dataset });
  });

  test.each<[string, (d: Dataset) => void, string]>([
    [
      'figure -> report',
      (d) => (d.figures[0]!.reportId = 'no-such-report'),
      'figures.seed-000-attack.1.reportId: unknown id no-such-report',
    ],
    [
      'report -> outlet',
      (d) => (d.reports[0]!.outletId = 'no-such-outlet'),
      'reports.seed-000-attack.outletId: unknown id no-such-outlet',
    ],
    [
      'report -> wire it carries',
      (d) => (d.reports[0]!.via = ['no-such-wire']),
      'reports.seed-000-attack.via: unknown id no-such-wire',
    ],
    [
      'incident -> place',
      (d) => (d.incidents[0]!.placeIds = ['atlantis']),
      `incidents.${ATTACK}.placeIds: unknown id atlantis`,
    ],
    [
      'incident -> actor',
      (d) => (d.incidents[0]!.actors = [{ actorId: 'nobody', role: 'accused' }]),
      `incidents.${ATTACK}.actors: unknown id nobody`,
    ],
    [
      'incident -> parent',
      (d) => (d.incidents[1]!.parentId = 'no-such-incident'),
      `incidents.${OPERATION}.parentId: unknown id no-such-incident`,
    ],
    [
      'figure incident differs from its report',
      (d) => (d.figures[0]!.incidentId = CIVIL_WAR),
      `figures.seed-000-attack.1: incidentId ${CIVIL_WAR} differs from its report's ${ATTACK}`,
    ],
  ])('the reference check catches a dangling id: %s', (_name, mutate, error) => {
    const copy = copyOfDataset();
    mutate(copy);
    expect(parseDataset(copy)).toEqual({ ok: false, errors: [error] });
  });

  test.each<[string, (d: Dataset) => void, string]>([
    [
      'a javascript: link on an outlet',
      (d) => (d.outlets[0]!.url = 'javascript:alert(1)'),
      'outlets[0].url: links must be absolute http(s) URLs',
    ],
    [
      'a javascript: link among an actor’s links',
      (d) => (d.actors[0]!.links = ['javascript:alert(1)']),
      'actors[0].links[0]: links must be absolute http(s) URLs',
    ],
    [
      'a data: URL as a report link',
      (d) => (d.reports[0]!.url = 'data:text/html,<script>alert(1)</script>'),
      'reports[0].url: links must be absolute http(s) URLs',
    ],
    [
      'a figure with low > high',
      (d) => Object.assign(d.figures[0]!, { low: 11, high: 10 }),
      'figures[0]: a figure needs low <= high',
    ],
    [
      'an unknown field',
      (d) => Object.assign(d.actors[0]!, { verified: true }),
      'actors[0].verified: Invalid key: Expected never but received "verified"',
    ],
    [
      'a 10,000-character name',
      (d) => (d.places[0]!.name = 'x'.repeat(10_000)),
      'places[0].name: Invalid length: Expected <=300 but received 10000',
    ],
    [
      'a negative count',
      (d) => (d.figures[0]!.low = -1),
      'figures[0].low: Invalid value: Expected >=0 but received -1',
    ],
    [
      'a calendar day that does not exist',
      (d) => (d.incidents[0]!.startDate = '2015-02-30'),
      'incidents[0].startDate: no such calendar day',
    ],
  ])('a hostile shape is refused: %s', (_name, mutate, error) => {
    const copy = copyOfDataset();
    mutate(copy);
    expect(parseDataset(copy)).toEqual({ ok: false, errors: [error] });
  });
});

describe('quotes hold to the seed articles', () => {
  test.each(dataset.reports.map((report) => [report.id, report] as const))(
    'report %s: its capture exists and its title and date quote are verbatim',
    (_id, report) => {
      expect(report.capture).not.toBeNull();
      const capture = report.capture ?? '';
      expect(existsSync(new URL(capture, repoRoot))).toBe(true);
      const text = readRepoFile(capture);
      expect(text).toContain(report.title);
      if (report.eventDate !== null) expect(text).toContain(report.eventDate.quote);
    },
  );

  /**
   * Figures whose number is not written in the quote: the count is arithmetic
   * on what the quote does state (see docs/dataset.md, hard cases).
   */
  const DERIVED: Record<string, string[]> = {
    // "several" (3-9) special forces officers + "a traffic policeman" = 4-10
    'seed-000-attack.2': ['several', 'a traffic policeman'],
    // two named victims: the official count
    'seed-004-border-post.2': ['Bahrom Qosimzoda', 'Izatullo Latifiov'],
    // "at least five more" on top of the official two = at least 7
    'seed-004-border-post.5': ['at least five more'],
  };

  test.each(dataset.figures.map((figure) => [figure.id, figure] as const))(
    'figure %s: its quote is verbatim in its capture and states its number',
    (id, figure) => {
      const capture = reportById.get(figure.reportId)?.capture ?? '';
      expect(readRepoFile(capture)).toContain(figure.quote);
      const derivedFrom = DERIVED[id];
      if (derivedFrom === undefined) {
        expect(statesNumber(figure)).toBe(true);
      } else {
        expect(statesNumber(figure)).toBe(false);
        for (const phrase of derivedFrom) expect(figure.quote).toContain(phrase);
      }
    },
  );

  test('no statement is counted twice in one report (a repeated teaser counts once)', () => {
    const keys = dataset.figures.map(
      (f) => `${f.reportId}|${f.quote}|${f.side}|${f.outcome}|${f.sideLabel}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});

const NUMBER_WORDS: Record<number, string> = {
  1: 'one',
  2: 'two',
  3: 'three',
  5: 'five',
  6: 'six',
  7: 'seven',
  8: 'eight',
  9: 'nine',
  10: 'ten',
  12: 'twelve',
  13: 'thirteen',
};
/** Vague quantities and the range the curation rules give them. */
const VAGUE_WORDS: [low: number, high: number, word: string][] = [
  [3, 9, 'several'],
  [24, 99, 'dozens'],
  [20_000, 99_999, 'tens of thousands'],
];

function statesNumber(figure: Figure): boolean {
  const quote = figure.quote.toLowerCase();
  const hasWord = (word: string) => new RegExp(`(^|[^a-z0-9,])${word}($|[^a-z0-9])`).test(quote);
  const written = (n: number) =>
    hasWord(String(n)) || hasWord(n.toLocaleString('en-US')) || hasWord(NUMBER_WORDS[n] ?? '\0');
  if (figure.low === figure.high) return written(figure.low);
  return VAGUE_WORDS.some(
    ([low, high, word]) => low === figure.low && high === figure.high && hasWord(word),
  );
}

/** Text as space-separated words, padded so a whole-word test is a substring test. */
const words = (s: string) => ` ${s.replace(/[^\p{L}\p{N}]+/gu, ' ')} `;

/** Whether a phrase holds a spelling as whole words; an all-capitals alias (IS, IMU) is matched case-sensitively. */
function containsSpelling(phrase: string, alias: string): boolean {
  if (alias === alias.toUpperCase()) return words(phrase).includes(words(alias));
  return words(phrase).toLowerCase().includes(words(alias).toLowerCase());
}

describe('every figure of every seed article', () => {
  type Row = [
    capture: string,
    incidentId: string,
    outcome: Figure['outcome'],
    side: Figure['side'],
    low: number,
    high: number,
    qualifier: Figure['qualifier'],
    attributionKind: Figure['attributionKind'],
  ];
  const EXPECTED: Row[] = [
    // 000: Reuters reporting on an RFE/RL-template page, Friday 4 Sept 2015
    [S000, ATTACK, 'killed', 'all', 10, 10, 'at-least', 'outlet'],
    [S000, ATTACK, 'killed', 'security', 4, 10, 'about', 'other'],
    [S000, ATTACK, 'killed', 'security', 8, 8, 'at-least', 'outlet'],
    [S000, ATTACK, 'killed', 'militants', 2, 2, 'at-least', 'outlet'],
    [S000, ATTACK, 'killed', 'militants', 2, 2, 'exact', 'official'],
    [S000, ATTACK, 'wounded', 'militants', 3, 3, 'exact', 'official'],
    [S000, ATTACK, 'detained', 'unknown', 6, 6, 'exact', 'official'],
    [S000, ATTACK, 'killed', 'security', 33, 33, 'exact', 'unnamed-source'],
    [S000, ATTACK, 'killed', 'militants', 9, 9, 'exact', 'unnamed-source'],
    [S000, CIVIL_WAR, 'killed', 'all', 20_000, 99_999, 'about', 'outlet'],
    // 001: AFP, Saturday 5 Sept 2015 (the teaser paragraph repeats 3 and 7 word for word)
    [S001, OPERATION, 'killed', 'all', 13, 13, 'exact', 'outlet'],
    [S001, OPERATION, 'killed', 'militants', 13, 13, 'exact', 'official'],
    [S001, OPERATION, 'detained', 'militants', 3, 9, 'about', 'official'],
    [S001, OPERATION, 'detained', 'militants', 32, 32, 'exact', 'official'],
    [S001, OPERATION, 'killed', 'militants', 13, 13, 'exact', 'official'],
    [S001, ATTACK, 'killed', 'security', 8, 8, 'exact', 'outlet'],
    [S001, ATTACK, 'killed', 'militants', 9, 9, 'exact', 'outlet'],
    [S001, CIVIL_WAR, 'killed', 'all', 150_000, 150_000, 'exact', 'outlet'],
    // 002: TASS, 14 Sept 2015
    [S002, ATTACK, 'killed', 'security', 9, 9, 'exact', 'official'],
    [S002, ATTACK, 'wounded', 'security', 12, 12, 'exact', 'official'],
    // 003: Reuters, Thursday 23 Sept 2010
    [S003, AMBUSH, 'killed', 'security', 28, 28, 'exact', 'group-claim'],
    [S003, COUNTER, 'killed', 'militants', 5, 5, 'exact', 'official'],
    [S003, COUNTER, 'captured', 'militants', 5, 5, 'exact', 'official'],
    [S003, COUNTER, 'killed', 'militants', 1, 1, 'exact', 'group-claim'],
    [S003, CIVIL_WAR, 'killed', 'all', 20_000, 99_999, 'about', 'outlet'],
    // 004: RFE/RL, 8 Nov 2019
    [S004, BORDER_POST, 'killed', 'security', 7, 7, 'exact', 'local-sources'],
    [S004, BORDER_POST, 'killed', 'security', 2, 2, 'exact', 'official'],
    [S004, BORDER_POST, 'killed', 'militants', 15, 15, 'exact', 'official'],
    [S004, BORDER_POST, 'captured', 'militants', 5, 5, 'exact', 'official'],
    [S004, BORDER_POST, 'killed', 'security', 7, 7, 'at-least', 'local-sources'],
    [S004, BORDER_POST, 'killed', 'security', 10, 10, 'exact', 'group-claim'],
    [S004, KG_CLASH, 'killed', 'security', 1, 1, 'exact', 'official'],
    [S004, KG_CLASH, 'killed', 'security', 3, 3, 'exact', 'official'],
  ];
  const sorted = (rows: Row[]) => rows.map((row) => row.join('|')).toSorted();

  test.each([S000, S001, S002, S003, S004])('%s: exactly the expected figures', (capture) => {
    const actual = dataset.figures
      .filter((figure) => reportById.get(figure.reportId)?.capture === capture)
      .map((f): Row => [
        capture,
        f.incidentId,
        f.outcome,
        f.side,
        f.low,
        f.high,
        f.qualifier,
        f.attributionKind,
      ]);
    expect(sorted(actual)).toEqual(sorted(EXPECTED.filter((row) => row[0] === capture)));
  });

  test('the table covers every figure in the dataset', () => {
    expect(dataset.figures.length).toBe(EXPECTED.length);
  });
});

describe('reports and incidents', () => {
  test.each<[string, string, string[], string, boolean, string[]]>([
    [S000, 'rferl', ['reuters'], '2015-09-04', false, [ATTACK, CIVIL_WAR]],
    [S001, 'afp', [], '2015-09-05', true, [ATTACK, CIVIL_WAR, OPERATION]],
    [S002, 'tass', [], '2015-09-14', false, [ATTACK, CIVIL_WAR, OPERATION]],
    [S003, 'reuters', [], '2010-09-23', true, [AMBUSH, CIVIL_WAR, COUNTER]],
    [S004, 'rferl', ['reuters', 'afp'], '2019-11-08', true, [BORDER_POST, KG_CLASH]],
  ])(
    '%s: outlet %s via %j, published %s (inferred %s), one report per incident',
    (capture, outletId, via, publishedAt, inferred, incidentIds) => {
      const reports = dataset.reports.filter((report) => report.capture === capture);
      expect(reports.map((r) => r.incidentId).toSorted()).toEqual([...incidentIds].toSorted());
      for (const report of reports) {
        expect([
          report.outletId,
          report.via,
          report.publishedAt,
          report.publishedAtInferred,
        ]).toEqual([outletId, via, publishedAt, inferred]);
      }
    },
  );

  test.each<[string, string | null, string, string]>([
    [ATTACK, null, '2015-09-04', '2015-09-04'],
    [OPERATION, ATTACK, '2015-09-05', '2015-09-16'],
    [AMBUSH, null, '2010-09-19', '2010-09-19'],
    [COUNTER, AMBUSH, '2010-09-22', '2010-09-23'],
    [BORDER_POST, null, '2019-11-06', '2019-11-06'],
    [KG_CLASH, null, '2019-09-01', '2019-09-30'],
    [CIVIL_WAR, null, '1992-01-01', '1997-12-31'],
  ])('incident %s: parent %s, %s to %s', (id, parentId, startDate, endDate) => {
    const incident = dataset.incidents.find((i) => i.id === id);
    expect([incident?.parentId, incident?.startDate, incident?.endDate]).toEqual([
      parentId,
      startDate,
      endDate,
    ]);
  });

  test('every incident has at least one report', () => {
    const reported = new Set(dataset.reports.map((report) => report.incidentId));
    expect(dataset.incidents.filter((i) => !reported.has(i.id)).map((i) => i.id)).toEqual([]);
  });
});

describe('aliases and keywords are safe to match', () => {
  const targets = [
    ...dataset.actors.map((a) => ({ id: a.id, strong: a.aliases, weak: a.weakAliases })),
    ...dataset.places.map((p) => ({ id: p.id, strong: p.aliases, weak: [] as string[] })),
  ];
  /** Words an alias would hit in ordinary English text. */
  const COMMON_WORDS = new Set(['is', 'it', 'us', 'as', 'at', 'in', 'on', 'an', 'or', 'we']);

  test('a strong alias has at least 4 letters and is no common word', () => {
    const unsafe = targets.flatMap((t) =>
      t.strong.filter((alias) => alias.length < 4 || COMMON_WORDS.has(alias.toLowerCase())),
    );
    expect(unsafe).toEqual([]);
  });

  test('a weak alias that is a common word is upper case, so case can tell them apart', () => {
    const unsafe = targets.flatMap((t) =>
      t.weak.filter(
        (alias) => COMMON_WORDS.has(alias.toLowerCase()) && alias !== alias.toUpperCase(),
      ),
    );
    expect(unsafe).toEqual([]);
  });

  test('no spelling is listed twice or stands for two targets', () => {
    const owners = new Map<string, string[]>();
    for (const t of targets) {
      for (const alias of [...t.strong, ...t.weak]) {
        const key = alias.toLowerCase();
        owners.set(key, [...(owners.get(key) ?? []), t.id]);
      }
    }
    expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });

  test.each([
    ['nazarzoda', 'Nazarzoda', true],
    ['nazarzoda', 'Abdulkhalim Mirzo Nazarzod', true],
    ['nazarzoda', 'Абдухалим Назарзода', true],
    ['nazarzoda', 'Khalim', false],
    ['rahmon', 'Emomali Rahmon', true],
    ['rahmon', 'Эмомалӣ Раҳмон', true],
    ['rahmon', 'Rahmonov', false],
    ['irpt', 'Islamic Renaissance Party of Tajikistan', true],
    ['irpt', 'Партия исламского возрождения Таджикистана', true],
    ['islamic-state', 'Daesh', true],
    ['islamic-state', 'IS', false],
    ['imu', 'IMU', false],
    ['vahdat', 'Vakhdat', true],
    ['vahdat', 'Kofarnihon', true],
    ['ramit-gorge', 'Romit Gorge', true],
  ])('%s lists %s (strong: %s)', (id, alias, strong) => {
    const target = targets.find((t) => t.id === id);
    expect(target?.[strong ? 'strong' : 'weak']).toContain(alias);
  });

  test('no keyword holds an actor or place spelling, which its match would hide', () => {
    // Countries are exempt: a page names its country many times, so hiding one mention costs nothing.
    const countries = new Set(dataset.places.filter((p) => p.kind === 'country').map((p) => p.id));
    const spellings = targets
      .filter((t) => !countries.has(t.id))
      .flatMap((t) => [...t.strong, ...t.weak]);
    const hiding = dataset.incidents.flatMap((i) =>
      i.keywords.filter((keyword) => spellings.some((alias) => containsSpelling(keyword, alias))),
    );
    expect(hiding).toEqual([]);
  });

  test('every incident keyword is a phrase of two words or more', () => {
    const single = dataset.incidents.flatMap((i) =>
      i.keywords.filter((keyword) => keyword.trim().split(/\s+/).length < 2),
    );
    expect(single).toEqual([]);
  });
});
