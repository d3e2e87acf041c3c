// The background's popup handlers for real against fake-indexeddb: search, checks, and the user's own sources.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseDataset } from '../../core/schema';
import type { UserReportDraft } from '../../core/userSources';
import { TriangulateDatabase } from '../../db/database';
import { replaceDataset } from '../../db/dataset';
import { bundledDataset } from '../../data/index';
import { createPopupHandlers } from '../../entrypoints/background/popup';

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const dataset = parsed.dataset;

const ATTACK = 'tj-2015-09-04-dushanbe-vahdat-attacks';
const OPERATION = 'tj-2015-09-05-nazarzoda-operation';
const NOW = new Date('2024-05-01T10:00:00.000Z');

const DRAFT: UserReportDraft = {
  incidentId: ATTACK,
  url: 'https://news.example.org/vahdat',
  title: 'Police killed in Vahdat',
  outletId: null,
  outletName: 'Example News',
  publishedAt: '2015-09-05',
  language: 'en',
  figures: [
    {
      low: 12,
      high: 12,
      qualifier: 'exact',
      side: 'security',
      sideLabel: 'policemen',
      outcome: 'killed',
      attributedTo: 'a police source',
      quote: '12 policemen were killed',
    },
  ],
};

let db: TriangulateDatabase;
let counter = 0;
let ids = 0;
let handlers: ReturnType<typeof createPopupHandlers>;

beforeEach(async () => {
  counter += 1;
  ids = 0;
  db = new TriangulateDatabase(`popup-handlers-${counter}`);
  await replaceDataset(db, dataset, 'bundled', () => NOW);
  handlers = createPopupHandlers(db, {
    whenReady: async () => undefined,
    takePendingClaim: async () => 'pending text',
    now: () => NOW,
    newId: () => `user-test-${++ids}`,
  });
});

afterEach(async () => {
  await db.delete();
});

describe('popup handlers', () => {
  test.each([
    ['nazarz', [OPERATION, ATTACK, 'tj-1992-1997-civil-war']],
    ['vahdat 2015', [ATTACK, OPERATION]],
    ['nothing like it', []],
  ])('incident.search %j', async (query, expected) => {
    expect((await handlers['incident.search']({ query })).map((s) => s.id)).toEqual(expected);
  });

  test('claim.check reads the claim, picks the incident by its words and gives the verdict', async () => {
    const result = await handlers['claim.check']({ text: '33 soldiers killed in Dushanbe' });
    expect([result.incidentId, result.chosenBy, result.comparison?.verdict]).toEqual([
      ATTACK,
      'words',
      'agrees',
    ]);
    expect(result.incident).toEqual({
      id: ATTACK,
      title: 'Attacks on police in Dushanbe and Vahdat blamed on deputy defence minister Nazarzoda',
      startDate: '2015-09-04',
      endDate: '2015-09-04',
      datePrecision: 'day',
      placeNames: ['Dushanbe', 'Vahdat'],
      userReportIds: [],
    });
  });

  test('claim.check takes a pick the words did not name (loaded on demand)', async () => {
    const result = await handlers['claim.check']({
      text: '28 soldiers killed',
      incidentId: 'tj-2010-09-19-rasht-ambush',
    });
    expect([result.incidentId, result.chosenBy, result.comparison?.verdict]).toEqual([
      'tj-2010-09-19-rasht-ambush',
      'user',
      'agrees',
    ]);
  });

  test('claim.check on unknown words: no incident, what was understood', async () => {
    const result = await handlers['claim.check']({ text: '40 killed in Kabul' });
    expect([result.incidentId, result.incident, result.understood.figure?.low]).toEqual([
      null,
      null,
      40,
    ]);
  });

  test('figure.check compares a number, side and outcome with an incident picked by search', async () => {
    const result = await handlers['figure.check']({
      incidentId: ATTACK,
      low: 100,
      high: 100,
      side: 'security',
      outcome: 'killed',
    });
    expect([result.comparison.verdict, result.comparison.range]).toEqual([
      'above-all',
      { low: 4, high: 33 },
    ]);
  });

  test.each([
    [
      { incidentId: 'no-such-incident', low: 1, high: 1 },
      'no incident no-such-incident in the dataset',
    ],
    [{ incidentId: ATTACK, low: 5, high: 1 }, 'the lower count is above the higher one'],
  ])('figure.check refuses %j', async (request, error) => {
    await expect(
      handlers['figure.check']({ side: 'security', outcome: 'killed', ...request }),
    ).rejects.toThrow(error);
  });

  test("a saved page is listed, joins the comparison as the user's, exports and deletes", async () => {
    expect(await handlers['user.saveReport']({ draft: DRAFT })).toEqual({ id: 'user-test-1' });
    expect(await handlers['user.sources']({})).toEqual([
      {
        id: 'user-test-1',
        title: 'Police killed in Vahdat',
        url: 'https://news.example.org/vahdat',
        outletName: 'Example News',
        incidentId: ATTACK,
        incidentTitle: dataset.incidents.find((i) => i.id === ATTACK)?.title,
        figures: 1,
        createdAt: NOW.toISOString(),
      },
    ]);
    const check = await handlers['figure.check']({
      incidentId: ATTACK,
      low: 12,
      high: 12,
      side: 'security',
      outcome: 'killed',
    });
    expect(check.incident.userReportIds).toEqual(['user-test-1']);
    expect(
      check.comparison.sources.filter((s) => s.agrees).map((s) => [s.outletName, s.low]),
    ).toEqual([['Example News', 12]]);

    const file = await handlers['user.export']({});
    expect([file.format, file.reports.length, file.figures.length]).toEqual([
      'triangulate-user-sources',
      1,
      1,
    ]);
    expect(await handlers['user.delete']({ id: 'user-test-1' })).toEqual({ deleted: true });
    expect([await db.userReports.count(), await db.userFigures.count()]).toEqual([0, 0]);

    // The export brings it back; importing it twice replaces rather than duplicates.
    const text = JSON.stringify(file);
    expect(await handlers['user.import']({ text })).toEqual({ reports: 1, figures: 1 });
    expect(await handlers['user.import']({ text })).toEqual({ reports: 1, figures: 1 });
    expect([await db.userReports.count(), await db.userFigures.count()]).toEqual([1, 1]);
  });

  test.each([
    [{ ...DRAFT, incidentId: 'no-such-incident' }, 'no incident no-such-incident in the dataset'],
    [
      { ...DRAFT, url: 'javascript:alert(1)' },
      'The page: url: links must be absolute http(s) URLs',
    ],
  ])('user.saveReport refuses a bad draft and writes nothing (%#)', async (draft, error) => {
    await expect(handlers['user.saveReport']({ draft })).rejects.toThrow(error);
    expect(await db.userReports.count()).toBe(0);
  });

  test('a bad import file writes nothing', async () => {
    await handlers['user.saveReport']({ draft: DRAFT });
    const file = await handlers['user.export']({});
    const broken = { ...file, figures: [{ ...file.figures[0], low: -1 }] };
    await expect(handlers['user.import']({ text: JSON.stringify(broken) })).rejects.toThrow(
      'The file has a bad record: figures[0].low: Invalid value: Expected >=0 but received -1',
    );
    expect([await db.userReports.count(), await db.userFigures.count()]).toEqual([1, 1]);
  });

  test('claim.pending hands over what the context menu stored', async () => {
    expect(await handlers['claim.pending']({})).toEqual({ text: 'pending text' });
  });

  test('sync never touches saved pages: replacing the dataset keeps them', async () => {
    await handlers['user.saveReport']({ draft: DRAFT });
    await replaceDataset(db, dataset, 'https://data.example.org/manifest.json', () => NOW);
    expect(await db.userReports.count()).toBe(1);
  });
});
