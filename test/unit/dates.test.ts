// Date mentions: every form the seeds use and the calendar edges they cross.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findDates } from '../../core/dates';

type Row = [text: string, date: string, endDate: string, precision: string, relative: boolean];

const rows = (text: string, publishedAt: string | null): Row[] =>
  findDates(text, publishedAt).map((m) => [m.text, m.date, m.endDate, m.precision, m.relative]);

describe('weekdays resolve to the most recent such day on or before publication', () => {
  test.each<[string, string, Row[]]>([
    // 2015-09-04 was a Friday.
    ['killed on Friday', '2015-09-04', [['Friday', '2015-09-04', '2015-09-04', 'day', true]]],
    ['on Thursday', '2015-09-04', [['Thursday', '2015-09-03', '2015-09-03', 'day', true]]],
    ['on Saturday', '2015-09-04', [['Saturday', '2015-08-29', '2015-08-29', 'day', true]]],
    ['last Friday', '2015-09-04', [['last Friday', '2015-08-28', '2015-08-28', 'day', true]]],
    ['last Thursday', '2015-09-04', [['last Thursday', '2015-09-03', '2015-09-03', 'day', true]]],
    ['next Monday', '2015-09-04', [['next Monday', '2015-09-07', '2015-09-07', 'day', true]]],
    ["Friday's violence", '2015-09-04', [['Friday', '2015-09-04', '2015-09-04', 'day', true]]],
    ['on Wednesday night', '2015-09-04', [['Wednesday', '2015-09-02', '2015-09-02', 'day', true]]],
    ['Saturday', '2015-09-05', [['Saturday', '2015-09-05', '2015-09-05', 'day', true]]],
    // Across a month, a year and a leap day.
    ['on Monday', '2015-10-01', [['Monday', '2015-09-28', '2015-09-28', 'day', true]]],
    ['on Wednesday', '2016-01-02', [['Wednesday', '2015-12-30', '2015-12-30', 'day', true]]],
    ['on Monday', '2016-03-01', [['Monday', '2016-02-29', '2016-02-29', 'day', true]]],
    ['on Sunday', '2016-03-01', [['Sunday', '2016-02-28', '2016-02-28', 'day', true]]],
    // Not one day: ambiguous, habitual, lower case.
    ['this Friday', '2015-09-04', []],
    ['on Fridays', '2015-09-04', []],
    ['every friday', '2015-09-04', []],
  ])('%s (published %s)', (text, publishedAt, expected) => {
    expect(rows(text, publishedAt)).toEqual(expected);
  });
});

describe('days of a month', () => {
  test.each<[string, string | null, Row[]]>([
    ['on September 4', '2015-09-14', [['September 4', '2015-09-04', '2015-09-04', 'day', true]]],
    ['Sept. 4 attack', '2015-09-14', [['Sept. 4', '2015-09-04', '2015-09-04', 'day', true]]],
    ['Sep 4', '2015-09-14', [['Sep 4', '2015-09-04', '2015-09-04', 'day', true]]],
    ['on 4 September', '2015-09-14', [['4 September', '2015-09-04', '2015-09-04', 'day', true]]],
    [
      'the 4th of September',
      '2015-09-14',
      [['the 4th of September', '2015-09-04', '2015-09-04', 'day', true]],
    ],
    [
      'DUSHANBE, September 14. /TASS/.',
      '2015-09-14',
      [['September 14', '2015-09-14', '2015-09-14', 'day', true]],
    ],
    [
      'early on September 4',
      '2015-09-14',
      [['September 4', '2015-09-04', '2015-09-04', 'day', true]],
    ],
    [
      'in a November 6 attack',
      '2019-11-08',
      [['November 6', '2019-11-06', '2019-11-06', 'day', true]],
    ],
    [
      'on September 4-5',
      '2015-09-14',
      [['September 4-5', '2015-09-04', '2015-09-05', 'day', true]],
    ],
    // A weekday and a date that disagree (the 5th was a Saturday): the date wins, one mention.
    [
      'on Friday, September 5, for',
      '2015-09-14',
      [['Friday, September 5', '2015-09-05', '2015-09-05', 'day', true]],
    ],
    [
      'Friday 4 September 2015',
      '2015-09-14',
      [['Friday 4 September 2015', '2015-09-04', '2015-09-04', 'day', false]],
    ],
    // Explicit years resolve with or without a publication date.
    ['Sept. 4, 2015.', null, [['Sept. 4, 2015', '2015-09-04', '2015-09-04', 'day', false]]],
    ['4 September 2015', null, [['4 September 2015', '2015-09-04', '2015-09-04', 'day', false]]],
    ['on 2015-09-04 at', null, [['2015-09-04', '2015-09-04', '2015-09-04', 'day', false]]],
    ['on 04.09.2015 at', null, [['04.09.2015', '2015-09-04', '2015-09-04', 'day', false]]],
    ['February 29, 2016', null, [['February 29, 2016', '2016-02-29', '2016-02-29', 'day', false]]],
    ['February 29, 2015', null, []],
    ['September 31', '2015-10-01', []],
  ])('%s (published %s)', (text, publishedAt, expected) => {
    expect(rows(text, publishedAt)).toEqual(expected);
  });
});

describe('a day without a year takes the year that fits publication', () => {
  test.each<[string, string, string]>([
    ['December 30', '2016-01-02', '2015-12-30'],
    ['January 2', '2015-12-30', '2016-01-02'], // a few days ahead: announced, same season
    ['January 20', '2015-12-30', '2015-01-20'],
    ['September 20', '2015-09-14', '2015-09-20'], // 6 days ahead, within FUTURE_SLACK_DAYS
    ['September 30', '2015-09-14', '2014-09-30'],
    ['September 14', '2015-09-14', '2015-09-14'],
    ['February 29', '2016-03-01', '2016-02-29'],
    ['February 29', '2017-03-01', '2016-02-29'],
    ['February 29', '2016-02-28', '2016-02-29'],
  ])('%s published %s is %s', (text, publishedAt, date) => {
    expect(rows(text, publishedAt)).toEqual([[text, date, date, 'day', true]]);
  });
});

describe('months', () => {
  test.each<[string, string | null, Row[]]>([
    ['in September', '2015-09-14', [['September', '2015-09-01', '2015-09-30', 'month', true]]],
    ['In June', '2010-09-23', [['June', '2010-06-01', '2010-06-30', 'month', true]]],
    ['in December', '2015-09-14', [['December', '2014-12-01', '2014-12-31', 'month', true]]],
    [
      'last September',
      '2015-09-14',
      [['last September', '2014-09-01', '2014-09-30', 'month', true]],
    ],
    ['last August', '2015-09-14', [['last August', '2015-08-01', '2015-08-31', 'month', true]]],
    ['in early March', '2016-03-01', [['early March', '2016-03-01', '2016-03-31', 'month', true]]],
    ['since May', '2015-09-14', [['May', '2015-05-01', '2015-05-31', 'month', true]]],
    ['in June 1997', null, [['June 1997', '1997-06-01', '1997-06-30', 'month', false]]],
    ['February 2016', null, [['February 2016', '2016-02-01', '2016-02-29', 'month', false]]],
    ['in June', null, []],
    // A month needs a cue or a year: names and verbs are not months.
    ['Theresa May said', '2015-09-14', []],
    ['a speech by May', '2015-09-14', []],
    ['they may march', '2015-09-14', []],
    ['June Smith', '2015-09-14', []],
  ])('%s (published %s)', (text, publishedAt, expected) => {
    expect(rows(text, publishedAt)).toEqual(expected);
  });
});

describe('relative phrases need the publication date', () => {
  test.each<[string, string | null, Row[]]>([
    // 2015-09-05 was a Saturday.
    ['banned last week', '2015-09-05', [['last week', '2015-08-24', '2015-08-30', 'day', true]]],
    ['last week', '2015-09-07', [['last week', '2015-08-31', '2015-09-06', 'day', true]]],
    ['last week', '2016-01-01', [['last week', '2015-12-21', '2015-12-27', 'day', true]]],
    ['last month', '2015-09-05', [['last month', '2015-08-01', '2015-08-31', 'month', true]]],
    ['last month', '2016-01-01', [['last month', '2015-12-01', '2015-12-31', 'month', true]]],
    [
      'earlier this year',
      '2015-09-04',
      [['earlier this year', '2015-01-01', '2015-09-04', 'year', true]],
    ],
    ['this year', '2010-09-23', [['this year', '2010-01-01', '2010-12-31', 'year', true]]],
    ['last year', '2015-09-04', [['last year', '2014-01-01', '2014-12-31', 'year', true]]],
    [
      'earlier this month',
      '2016-02-10',
      [['earlier this month', '2016-02-01', '2016-02-10', 'month', true]],
    ],
    ['yesterday', '2016-03-01', [['yesterday', '2016-02-29', '2016-02-29', 'day', true]]],
    ['Yesterday', '2016-01-01', [['Yesterday', '2015-12-31', '2015-12-31', 'day', true]]],
    ['today', '2015-09-05', [['today', '2015-09-05', '2015-09-05', 'day', true]]],
    ['two days ago', '2015-09-05', [['two days ago', '2015-09-03', '2015-09-03', 'day', true]]],
    ['last week', null, []],
    ['yesterday', null, []],
    ['on Friday', null, []],
    ['September 4', null, []],
  ])('%s (published %s)', (text, publishedAt, expected) => {
    expect(rows(text, publishedAt)).toEqual(expected);
  });
});

describe('years, year ranges and decades', () => {
  test.each<[string, Row[]]>([
    ['In 2014, he was promoted', [['2014', '2014-01-01', '2014-12-31', 'year', false]]],
    ['a 1992-97 civil war', [['1992-97', '1992-01-01', '1997-12-31', 'year', false]]],
    ['in 1992-1995', [['1992-1995', '1992-01-01', '1995-12-31', 'year', false]]],
    ['the 2014–15 season', [['2014–15', '2014-01-01', '2015-12-31', 'year', false]]],
    ['between 1992 and 1997', [['1992 and 1997', '1992-01-01', '1997-12-31', 'year', false]]],
    ['from 1992 to 1997', [['1992 to 1997', '1992-01-01', '1997-12-31', 'year', false]]],
    ['in the 1990s', [['1990s', '1990-01-01', '1999-12-31', 'year', false]]],
    ['a 1997 peace deal', [['1997', '1997-01-01', '1997-12-31', 'year', false]]],
    ['A 1997 power-sharing peace deal', [['1997', '1997-01-01', '1997-12-31', 'year', false]]],
    ['by mid-2014', [['2014', '2014-01-01', '2014-12-31', 'year', false]]],
  ])('%s', (text, expected) => {
    expect(rows(text, null)).toEqual(expected);
    expect(rows(text, '2015-09-04')).toEqual(expected);
  });
});

describe('numbers that are not dates', () => {
  test.each<[string]>([
    ['a Muslim nation of 8 million'],
    ['about 180 km (130 miles) east'],
    ['33 interior and defense ministry troops'],
    ['at 10:30 local time'],
    ['more than 2000 soldiers'],
    ['the 2000 soldiers who'],
    ['a 2000-strong force'],
    ['a porous 1,340-km (840-mile) border'],
    ['version 2015.1'],
    ['20 IS militants attacked'],
  ])('%s', (text) => {
    expect(rows(text, '2015-09-04')).toEqual([]);
  });

  test('"in September 15 militants": a month and a count, not the 15th', () => {
    expect(rows('In September 15 militants were killed', '2015-11-01')).toEqual([
      ['September', '2015-09-01', '2015-09-30', 'month', true],
    ]);
  });
});

describe('offsets', () => {
  test('start and end point at the mention', () => {
    const text = 'Killed on Friday, Sept. 4, 2015, in Vahdat.';
    expect(findDates(text, '2015-09-05')).toEqual([
      {
        start: 10,
        end: 31,
        text: 'Friday, Sept. 4, 2015',
        date: '2015-09-04',
        endDate: '2015-09-04',
        precision: 'day',
        relative: false,
      },
    ]);
  });

  const seeds: [string, string][] = [
    ['000_730a5c529c7b08ea', '2015-09-04'],
    ['001_36a186174aa90624', '2015-09-05'],
    ['002_633043090701e538', '2015-09-14'],
    ['003_d70cfd5fdd3566a3', '2010-09-23'],
    ['004_53d963a1b97000fa', '2019-11-08'],
  ];
  test.each(seeds)('seed %s: every mention is text.slice(start, end), in order', (name, day) => {
    const text = readFileSync(new URL(`../../data/seeds/${name}.txt`, import.meta.url), 'utf8');
    const mentions = findDates(text, day);
    expect(mentions.length).toBeGreaterThan(3);
    for (const [index, mention] of mentions.entries()) {
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
      const next = mentions[index + 1];
      if (next !== undefined) expect(next.start).toBeGreaterThanOrEqual(mention.end);
    }
  });
});

test('the TASS seed, read in full', () => {
  const text = readFileSync(
    new URL('../../data/seeds/002_633043090701e538.txt', import.meta.url),
    'utf8',
  );
  expect(rows(text, '2015-09-14')).toEqual([
    ['September 14', '2015-09-14', '2015-09-14', 'day', true],
    ['Monday', '2015-09-14', '2015-09-14', 'day', true],
    ['1992-1995', '1992-01-01', '1995-12-31', 'year', false],
    ['June 1997', '1997-06-01', '1997-06-30', 'month', false],
    ['2014', '2014-01-01', '2014-12-31', 'year', false],
    ['Friday, September 5', '2015-09-05', '2015-09-05', 'day', true],
  ]);
});

describe('weekdays and "today" inside names are not days', () => {
  test.each<[string, Row[]]>([
    ['Russia Today reported', []],
    ['USA Today said', []],
    ['The Sunday Times reported', []],
    ['the Friday Mosque', []],
    ['since Bloody Sunday', []],
    ['On Friday, police said', [['Friday', '2015-09-04', '2015-09-04', 'day', true]]],
    ['The Friday attacks', [['Friday', '2015-09-04', '2015-09-04', 'day', true]]],
    ['KILLED. Today police said', [['Today', '2015-09-05', '2015-09-05', 'day', true]]],
    // Precision first: after a capitalised name, "Friday" is read as part of it.
    ['Rakhmon Friday dismissed him', []],
  ])('%s', (text, expected) => {
    expect(rows(text, '2015-09-05')).toEqual(expected);
  });
});

test('a 4 MB text with 70,000 mentions is read in well under the time a page allows', () => {
  const text = 'At least eight policemen and two gunmen were killed on Friday.\n'.repeat(70_000);
  const started = performance.now();
  const mentions = findDates(text, '2015-09-05');
  const elapsed = performance.now() - started;
  expect(mentions).toHaveLength(70_000);
  expect(mentions[69_999]?.start).toBe(69_999 * 63 + 55);
  // About 0.3 s alone; the bound is loose because test files run in parallel.
  expect(elapsed).toBeLessThan(10_000);
}, 60_000);

describe('French, Russian and Tajik dates', () => {
  // 2015-09-05 was a Saturday; 2019-11-08 a Friday.
  test.each<[string, string | null, Row[]]>([
    ['le 4 septembre 2015', null, [['4 septembre 2015', '2015-09-04', '2015-09-04', 'day', false]]],
    ['le 6 novembre', '2019-11-08', [['6 novembre', '2019-11-06', '2019-11-06', 'day', true]]],
    ['le 1er mai 2016', null, [['1er mai 2016', '2016-05-01', '2016-05-01', 'day', false]]],
    ['tués vendredi', '2015-09-05', [['vendredi', '2015-09-04', '2015-09-04', 'day', true]]],
    ['Samedi, la police', '2015-09-05', [['Samedi', '2015-09-05', '2015-09-05', 'day', true]]],
    ['samedi dernier', '2015-09-05', [['samedi dernier', '2015-08-29', '2015-08-29', 'day', true]]],
    ['lundi prochain', '2015-09-05', [['lundi prochain', '2015-09-07', '2015-09-07', 'day', true]]],
    [
      '4 сентября 2015 года',
      null,
      [['4 сентября 2015 года', '2015-09-04', '2015-09-04', 'day', false]],
    ],
    ['6 ноября', '2019-11-08', [['6 ноября', '2019-11-06', '2019-11-06', 'day', true]]],
    ['в пятницу', '2015-09-05', [['пятницу', '2015-09-04', '2015-09-04', 'day', true]]],
    ['В субботу', '2015-09-05', [['субботу', '2015-09-05', '2015-09-05', 'day', true]]],
    [
      'в прошлую субботу',
      '2015-09-05',
      [['прошлую субботу', '2015-08-29', '2015-08-29', 'day', true]],
    ],
    ['4 сентябри 2015', null, [['4 сентябри 2015', '2015-09-04', '2015-09-04', 'day', false]]],
    [
      '4 сентябри соли 2015',
      null,
      [['4 сентябри соли 2015', '2015-09-04', '2015-09-04', 'day', false]],
    ],
    ['6 ноябри', '2019-11-08', [['6 ноябри', '2019-11-06', '2019-11-06', 'day', true]]],
    // Ambiguous or unresolvable: dropped.
    ['в эту пятницу', '2015-09-05', []],
    ['vendredi', null, []],
    ['6 ноября', null, []],
    ['les 20 septembristes', '2015-09-05', []],
  ])('%s (published %s)', (text, publishedAt, expected) => {
    expect(rows(text, publishedAt)).toEqual(expected);
  });
});
