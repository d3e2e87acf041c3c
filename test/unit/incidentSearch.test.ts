// Incident search as the popup's box uses it: every typed word must fit, dates narrow, best first.
import { describe, expect, test } from 'vitest';
import {
  buildSearchIndex,
  MAX_QUERY_LENGTH,
  parseSearchQuery,
  searchIncidents,
  type SearchableIncident,
} from '../../core/incidentSearch';
import { parseDataset, type Incident } from '../../core/schema';
import { bundledDataset } from '../../data/index';

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const index = buildSearchIndex(parsed.dataset);

const ATTACK = 'tj-2015-09-04-dushanbe-vahdat-attacks';
const OPERATION = 'tj-2015-09-05-nazarzoda-operation';
const WAR = 'tj-1992-1997-civil-war';
const AMBUSH = 'tj-2010-09-19-rasht-ambush';
const COUNTER = 'tj-2010-09-22-rasht-counter-strike';
const POST = 'tj-2019-11-06-rudaki-border-post-attack';

describe('parseSearchQuery', () => {
  test.each([
    ['nazarz', ['nazarz'], []],
    ['Ramit 2015', ['ramit'], [['2015-01-01', '2015-12-31']]],
    ['border post nov 2019', ['border', 'post'], [['2019-11-01', '2019-11-30']]],
    ['Sept 2015', [], [['2015-09-01', '2015-09-30']]],
    ['feb 2016', [], [['2016-02-01', '2016-02-29']]],
    ['4 September 2015', [], [['2015-09-04', '2015-09-04']]],
    ['2015-09-04 vahdat', ['vahdat'], [['2015-09-04', '2015-09-04']]],
    ['Вахдат', ['vahdat'], []],
    ['  ', [], []],
    ['may', ['mai'], []],
  ])('%j', (query, words, dates) => {
    const result = parseSearchQuery(query);
    expect(result.words).toEqual(words);
    expect(result.dates.map((d) => [d.start, d.end])).toEqual(dates);
  });

  test('a query is cut at MAX_QUERY_LENGTH', () => {
    expect(parseSearchQuery(`${' '.repeat(MAX_QUERY_LENGTH - 1)}ramit`).words).toEqual(['r']);
  });
});

describe('searchIncidents on the bundled dataset', () => {
  test.each([
    ['nazarz', [OPERATION, ATTACK, WAR]],
    ['Ramit 2015', [OPERATION]],
    ['ramit 2016', []],
    ['border post nov 2019', [POST]],
    ['rasht', [COUNTER, AMBUSH]],
    ['rasht ambush', [AMBUSH, COUNTER]],
    ['2010', [COUNTER, AMBUSH]],
    ['dush', [OPERATION, ATTACK]],
    ['civil war', [WAR]],
    ['Вахдат', [ATTACK, OPERATION]],
    ['IMU', [AMBUSH]],
    ['Sept 2015', [OPERATION, ATTACK]],
    ['xyz', []],
    ['', []],
    ['nazarzoda xyz', []],
  ])('%j', (query, ids) => {
    expect(searchIncidents(query, index).map((s) => s.id)).toEqual(ids);
  });

  test('a suggestion carries the title, dates and place names', () => {
    expect(searchIncidents('Ramit 2015', index)).toEqual([
      {
        id: OPERATION,
        title: "Operation against Nazarzoda's group around Dushanbe and in the Ramit Gorge",
        startDate: '2015-09-05',
        endDate: parsed.dataset.incidents.find((i) => i.id === OPERATION)?.endDate,
        datePrecision: 'day',
        placeNames: ['Ramit Gorge', 'Vahdat'],
      },
    ]);
  });
});

const incident = (id: string, title: string, startDate: string): Incident => ({
  id,
  title,
  kind: 'attack',
  startDate,
  endDate: startDate,
  datePrecision: 'day',
  placeIds: [],
  actors: [],
  parentId: null,
  keywords: id === 'b' ? ['market bombing'] : [],
  summary: '',
});

describe('ranking', () => {
  const small: SearchableIncident[] = buildSearchIndex({
    incidents: [
      incident('a', 'Market attack', '2001-01-01'),
      incident('b', 'Station attack', '2002-01-01'),
      incident('c', 'Marketplace fire', '2003-01-01'),
    ],
    places: [],
    actors: [],
  });

  test.each([
    // exact title word (3), then prefix of a title word (2), then a keyword's word (prefix 1); ties newest first
    ['market', ['a', 'c', 'b']],
    ['attack', ['b', 'a']],
    ['bombing', ['b']],
    ['mark', ['c', 'a', 'b']],
    // a phrase typed whole ranks the incident that has it first
    ['market bomb', ['b']],
  ])('%j', (query, ids) => {
    expect(searchIncidents(query, small).map((s) => s.id)).toEqual(ids);
  });

  test('at most `limit` suggestions', () => {
    expect(searchIncidents('attack', small, 1).map((s) => s.id)).toEqual(['b']);
  });
});
