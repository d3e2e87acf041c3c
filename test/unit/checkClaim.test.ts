// Checking a typed claim: what was understood, which incident it points at (never chosen by its own number), the verdict.
import { describe, expect, test } from 'vitest';
import { matcherFor } from '../../core/annotate';
import {
  judgeClaim,
  MAX_CLAIM_LENGTH,
  readClaimText,
  verdictSentence,
} from '../../core/checkClaim';
import { DatasetIndex } from '../../core/datasetIndex';
import { parseDataset } from '../../core/schema';
import type { FigureComparison } from '../../core/types';
import { bundledDataset } from '../../data/index';

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const index = new DatasetIndex(parsed.dataset);
const matcher = matcherFor(index);

const ATTACK = 'tj-2015-09-04-dushanbe-vahdat-attacks';
const OPERATION = 'tj-2015-09-05-nazarzoda-operation';
const WAR = 'tj-1992-1997-civil-war';
const AMBUSH = 'tj-2010-09-19-rasht-ambush';
const POST = 'tj-2019-11-06-rudaki-border-post-attack';

function check(text: string, picked: string | null = null) {
  const reading = readClaimText(text, matcher);
  return judgeClaim(reading, index.candidates(reading.query), picked);
}

describe('judgeClaim on the bundled dataset', () => {
  test.each([
    // text, chosen incident, candidates, verdict sentence
    ['33 soldiers killed in Dushanbe', ATTACK, [ATTACK], 'Matches 1 of 3 sources'],
    [
      '8 policemen killed in Vahdat on 4 September 2015',
      ATTACK,
      [ATTACK, OPERATION],
      'Matches 2 of 3 sources',
    ],
    // Nazarzoda is also the target of the operation after the attack: a candidate, not the choice.
    [
      'Nazarzoda attack 9 police killed',
      ATTACK,
      [ATTACK, WAR, OPERATION],
      'Matches 2 of 3 sources',
    ],
    ['28 soldiers killed in Rasht ambush', AMBUSH, [AMBUSH], 'Matches 1 of 1 source'],
    [
      '17 border guards killed in the Constitution Day attack',
      POST,
      [POST],
      'Outside every report: higher than all (they say 2-10)',
    ],
    // a weak alias alone ("IS") names nobody: unknown incident
    ['IS says it killed 10 border guards', null, [], null],
    ['40 killed in Kabul', null, [], null],
  ])('%j', (text, incidentId, candidates, sentence) => {
    const result = check(text);
    expect(result.incidentId).toBe(incidentId);
    expect(result.chosenBy).toBe(incidentId === null ? null : 'words');
    expect(result.candidates.map((c) => c.incidentId)).toEqual(candidates);
    expect(result.comparison === null ? null : verdictSentence(result.comparison)).toBe(sentence);
  });

  test('what was understood: the figure, the names as the dataset calls them, the dates', () => {
    const result = check('8 policemen killed in Vahdat on 4 September 2015');
    expect(result.understood.figure).toMatchObject({
      text: '8 policemen',
      low: 8,
      high: 8,
      side: 'security',
      outcome: 'killed',
      attributedTo: null,
    });
    expect(result.understood.names).toEqual([
      { kind: 'place', id: 'vahdat', name: 'Vahdat', text: 'Vahdat' },
    ]);
    expect(result.understood.dates).toEqual([
      { text: '4 September 2015', date: '2015-09-04', endDate: '2015-09-04', precision: 'day' },
    ]);
    expect(result.candidates[0]).toEqual({
      incidentId: ATTACK,
      title: 'Attacks on police in Dushanbe and Vahdat blamed on deputy defence minister Nazarzoda',
      startDate: '2015-09-04',
      endDate: '2015-09-04',
      datePrecision: 'day',
      score: 1.78,
      reasons: ['Vahdat', '4 Sept 2015'],
    });
  });

  test('the number never chooses the incident: 9 or 33 police in Dushanbe go to the same one', () => {
    expect(check('9 police killed in Dushanbe').candidates).toEqual(
      check('33 police killed in Dushanbe').candidates,
    );
  });

  test("the user's pick wins over the words, and is compared", () => {
    const result = check('8 policemen killed in Vahdat on 4 September 2015', OPERATION);
    expect(result.incidentId).toBe(OPERATION);
    expect(result.chosenBy).toBe('user');
    expect(result.comparison?.verdict).toBe('no-comparable');
  });

  test('a pick that is not among the loaded incidents is ignored', () => {
    const result = check('33 soldiers killed in Dushanbe', AMBUSH);
    expect([result.incidentId, result.chosenBy]).toEqual([ATTACK, 'words']);
  });

  test('names without a figure: the incident is found, nothing is compared', () => {
    const result = check('Nazarzoda');
    expect([result.incidentId, result.understood.figure, result.comparison]).toEqual([
      ATTACK,
      null,
      null,
    ]);
  });

  test('a claim is cut at MAX_CLAIM_LENGTH', () => {
    const reading = readClaimText(`${' '.repeat(MAX_CLAIM_LENGTH)}8 policemen killed`, matcher);
    expect([reading.text.length, reading.figure]).toEqual([MAX_CLAIM_LENGTH, null]);
  });
});

const source = (reportId: string, low: number, high: number, agrees: boolean) => ({
  reportId,
  figureId: `${reportId}-f`,
  outletId: 'o',
  outletName: 'O',
  publishedAt: '2015-09-04',
  url: null,
  low,
  high,
  qualifier: 'exact' as const,
  attributedTo: 'x',
  quote: 'q',
  agrees,
});

describe('verdictSentence', () => {
  test.each<[FigureComparison, string]>([
    [
      {
        verdict: 'agrees',
        sources: [source('a', 8, 8, true), source('b', 9, 9, false)],
        range: { low: 8, high: 9 },
      },
      'Matches 1 of 2 sources',
    ],
    [
      // two figures of one report are one source
      {
        verdict: 'agrees',
        sources: [source('a', 8, 8, true), source('a', 2, 2, false)],
        range: { low: 2, high: 8 },
      },
      'Matches 1 of 1 source',
    ],
    [
      {
        verdict: 'within-range',
        sources: [source('a', 2, 2, false), source('b', 9, 9, false)],
        range: { low: 2, high: 9 },
      },
      'Within the range of reports (2-9) but matches none',
    ],
    [
      { verdict: 'below-all', sources: [source('a', 8, 8, false)], range: { low: 8, high: 8 } },
      'Outside every report: lower than all (they say 8)',
    ],
    [{ verdict: 'no-comparable', sources: [], range: null }, 'No report gives this count'],
  ])('%#', (comparison, sentence) => {
    expect(verdictSentence(comparison)).toBe(sentence);
  });
});
