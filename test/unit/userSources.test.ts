// The user's saved sources: building rows from a reviewed draft, the export format, and imports refused whole when bad.
import { describe, expect, test } from 'vitest';
import {
  asFigure,
  asReport,
  buildUserReport,
  exportUserSources,
  parseUserSources,
  USER_SOURCE_LIMITS,
  userOutletId,
  type UserFigure,
  type UserReport,
  type UserReportDraft,
  withUserSources,
} from '../../core/userSources';
import { compareClaim } from '../../core/compare';
import { DatasetIndex } from '../../core/datasetIndex';
import { parseDataset } from '../../core/schema';
import { bundledDataset } from '../../data/index';

const NOW = new Date('2024-05-01T10:00:00.000Z');
const ATTACK = 'tj-2015-09-04-dushanbe-vahdat-attacks';

const DRAFT: UserReportDraft = {
  incidentId: ATTACK,
  url: 'https://www.example.org/news/vahdat',
  title: ' Police killed in Vahdat ',
  outletId: null,
  outletName: 'Example News',
  publishedAt: '2015-09-05',
  language: 'en',
  figures: [
    {
      low: 8,
      high: 8,
      qualifier: 'at-least',
      side: 'security',
      sideLabel: 'policemen',
      outcome: 'killed',
      attributedTo: 'the interior ministry',
      quote: 'at least eight policemen were killed',
    },
    {
      low: 2,
      high: 3,
      qualifier: 'exact',
      side: 'militants',
      sideLabel: '',
      outcome: 'killed',
      attributedTo: '',
      quote: '',
    },
  ],
};

function built(): { report: UserReport; figures: UserFigure[] } {
  const result = buildUserReport(DRAFT, 'user-abc', NOW);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('buildUserReport', () => {
  test('a reviewed draft becomes a report and figures in the dataset shapes', () => {
    const { report, figures } = built();
    expect(report).toEqual({
      id: 'user-abc',
      incidentId: ATTACK,
      outletId: 'user-example-org',
      url: 'https://www.example.org/news/vahdat',
      capture: null,
      publishedAt: '2015-09-05',
      publishedAtInferred: false,
      title: 'Police killed in Vahdat',
      language: 'en',
      via: [],
      eventDate: null,
      createdAt: '2024-05-01T10:00:00.000Z',
      outletName: 'Example News',
    });
    expect(figures).toEqual([
      {
        id: 'user-abc-f1',
        reportId: 'user-abc',
        incidentId: ATTACK,
        outcome: 'killed',
        side: 'security',
        sideLabel: 'policemen',
        low: 8,
        high: 8,
        qualifier: 'at-least',
        attributedTo: 'the interior ministry',
        attributionKind: 'other',
        quote: 'at least eight policemen were killed',
        createdAt: '2024-05-01T10:00:00.000Z',
      },
      {
        id: 'user-abc-f2',
        reportId: 'user-abc',
        incidentId: ATTACK,
        outcome: 'killed',
        side: 'militants',
        sideLabel: 'militants',
        low: 2,
        high: 3,
        qualifier: 'exact',
        attributedTo: 'the page',
        attributionKind: 'outlet',
        quote: '2',
        createdAt: '2024-05-01T10:00:00.000Z',
      },
    ]);
    expect(asReport(report)).not.toHaveProperty('createdAt');
    expect(asFigure(figures[0] as UserFigure)).not.toHaveProperty('createdAt');
  });

  test('a known outlet keeps its dataset id', () => {
    const result = buildUserReport({ ...DRAFT, outletId: 'rferl' }, 'user-abc', NOW);
    expect(result.ok && result.value.report.outletId).toBe('rferl');
  });

  test.each<[string, Partial<UserReportDraft>, string]>([
    [
      'a javascript: link',
      { url: 'javascript:alert(1)' },
      'The page: url: links must be absolute http(s) URLs',
    ],
    ['no title', { title: '   ' }, 'The page: title: Invalid length: Expected >=1 but received 0'],
    [
      'a day that does not exist',
      { publishedAt: '2015-02-30' },
      'The page: publishedAt: no such calendar day',
    ],
    [
      'an incident id with capitals',
      { incidentId: 'Bad Id' },
      'The page: incidentId: ids are lower-case letters, digits, dots and dashes',
    ],
    [
      'low above high',
      {
        figures: [{ ...(DRAFT.figures[0] as UserReportDraft['figures'][number]), low: 9, high: 8 }],
      },
      'Figure 1: a figure needs low <= high',
    ],
    [
      'a negative count',
      { figures: [{ ...(DRAFT.figures[0] as UserReportDraft['figures'][number]), low: -1 }] },
      'Figure 1: low: Invalid value: Expected >=0 but received -1',
    ],
  ])('refused: %s', (_name, change, error) => {
    expect(buildUserReport({ ...DRAFT, ...change }, 'user-abc', NOW)).toEqual({ ok: false, error });
  });

  test('too many figures for one page', () => {
    const figures = Array.from(
      { length: USER_SOURCE_LIMITS.figuresPerReport + 1 },
      () => DRAFT.figures[0] as UserReportDraft['figures'][number],
    );
    expect(buildUserReport({ ...DRAFT, figures }, 'user-abc', NOW)).toEqual({
      ok: false,
      error: 'At most 200 figures per page.',
    });
  });
});

describe('userOutletId', () => {
  test.each([
    ['https://www.bbc.co.uk/news/1', 'user-bbc-co-uk'],
    ['http://127.0.0.1:8080/a', 'user-127-0-0-1'],
    ['not a url', 'user-unknown'],
  ])('%s', (url, id) => {
    expect(userOutletId(url)).toBe(id);
  });
});

const firstFigure = (copy: Record<string, unknown>) =>
  (copy.figures as Record<string, unknown>[])[0] as Record<string, unknown>;

describe('export and import', () => {
  const { report, figures } = built();
  const file = exportUserSources([report], figures, NOW);

  test('an export reads back as it was', () => {
    expect(parseUserSources(JSON.stringify(file))).toEqual({ ok: true, value: file });
    expect(file).toMatchObject({
      format: 'triangulate-user-sources',
      version: 1,
      exportedAt: '2024-05-01T10:00:00.000Z',
    });
  });

  const bad = (change: (copy: Record<string, unknown>) => void) => {
    const copy = structuredClone(file) as unknown as Record<string, unknown>;
    change(copy);
    return JSON.stringify(copy);
  };
  test.each<[string, string, string]>([
    ['not JSON', '{"format":', 'The file is not JSON.'],
    ['another JSON file', '{"meta":{}}', 'This is not a Triangulate sources file.'],
    ['an array', '[]', 'This is not a Triangulate sources file.'],
    [
      'a newer version',
      bad((c) => (c.version = 2)),
      'This file is version 2; this Triangulate reads version 1.',
    ],
    [
      'a javascript: link',
      bad((c) => ((c.reports as Record<string, unknown>[])[0]!.url = 'javascript:alert(1)')),
      'The file has a bad record: reports[0].url: links must be absolute http(s) URLs',
    ],
    [
      'an unknown field',
      bad((c) => (firstFigure(c).extra = 1)),
      'The file has a bad record: figures[0].extra: Invalid key: Expected never but received "extra"',
    ],
    [
      'a figure of no report in the file',
      bad((c) => (firstFigure(c).reportId = 'user-other')),
      'The file has a bad record: figures.user-abc-f1: no report user-other in the file',
    ],
    [
      'a figure of another incident than its report',
      bad((c) => (firstFigure(c).incidentId = 'tj-1992-1997-civil-war')),
      `The file has a bad record: figures.user-abc-f1: incident tj-1992-1997-civil-war differs from its report's ${ATTACK}`,
    ],
    [
      'a duplicate report id',
      bad((c) => (c.reports = [...(c.reports as unknown[]), ...(c.reports as unknown[])])),
      'The file has a bad record: reports: duplicate id user-abc',
    ],
    ['too large', ' '.repeat(USER_SOURCE_LIMITS.bytes + 1), 'The file is too large (over 5 MB).'],
  ])('refused: %s', (_name, text, error) => {
    expect(parseUserSources(text)).toEqual({ ok: false, error });
  });
});

describe('withUserSources', () => {
  const parsed = parseDataset(bundledDataset);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const index = new DatasetIndex(parsed.dataset);
  const incident = index.incident(ATTACK);
  if (incident === undefined) throw new Error('no attack');
  const bundle = index.bundle(incident);
  const { report, figures } = built();

  test('the saved report joins the bundle, marked, with its own outlet, and is compared', () => {
    const merged = withUserSources(bundle, [report], figures);
    expect(merged.userReportIds).toEqual(['user-abc']);
    expect(merged.reports.length).toBe(bundle.reports.length + 1);
    expect(merged.figures.length).toBe(bundle.figures.length + 2);
    expect(merged.outlets.at(-1)).toEqual({
      id: 'user-example-org',
      name: 'Example News',
      aliases: [],
      domains: [],
      country: null,
      ownership: 'unknown',
      url: null,
    });
    const mine = compareClaim({ low: 2, high: 2, side: 'militants', outcome: 'killed' }, merged)
      .sources.filter((s) => s.reportId === 'user-abc')
      .map((s) => [s.outletName, s.low, s.high, s.agrees]);
    expect(mine).toEqual([['Example News', 2, 3, true]]);
  });

  test.each([
    ['another incident', { ...report, incidentId: 'tj-1992-1997-civil-war' }],
    ['an id the dataset uses', { ...report, id: bundle.reports[0]?.id ?? '' }],
  ])('left out: a saved report of %s', (_name, other) => {
    expect(withUserSources(bundle, [other], figures)).toBe(bundle);
  });
});
