// What the popover says about the seed pages' figures, incidents, actors and places, word for word.
import { describe, expect, test } from 'vitest';
import {
  buildPopoverView,
  safeUrl,
  spreadTitle,
  verdictText,
  type PageResolveReply,
  type PopoverView,
} from '../../core/popoverModel';
import { describeRange, rangeChartView } from '../../core/rangeChartView';
import type { Outcome, Side } from '../../core/schema';
import type { IncidentBundle, ResolvedClaim } from '../../core/types';
import { claimByText, resolveFixturePage, seedIndex } from './popoverSeeds';

const SEED_000 = 'test/fixtures/pages/000_730a5c529c7b08ea.html';
const SEED_002 = 'test/fixtures/pages/002_633043090701e538.html';
const ATTACK = 'tj-2015-09-04-dushanbe-vahdat-attacks';
const ATTACK_TITLE =
  'Attacks on police in Dushanbe and Vahdat blamed on deputy defence minister Nazarzoda';

const seed000 = resolveFixturePage(SEED_000);
const seed002 = resolveFixturePage(SEED_002);

function figureView(resolution: PageResolveReply, text: string): PopoverView {
  return buildPopoverView({ kind: 'figure', claim: claimByText(resolution, text), resolution });
}

describe('a figure: the verdict in words first', () => {
  test.each([
    [
      'At least eight policemen',
      'agrees',
      'This page: at least 8 policemen killed. Reports range 8-9; 1 of 2 sources agrees.',
    ],
    [
      '33 interior and defense ministry troops',
      'outside',
      "This page: 33 interior and defense ministry troops killed, per Russia's RIA news agency quoted an unidentified source. Higher than every report: 2 sources give 8-9.",
    ],
    [
      "nine of Nazarzod's troops",
      'agrees',
      "This page: 9 Nazarzod's troops killed, per Russia's RIA news agency quoted an unidentified source. The one report gives 9; it agrees.",
    ],
    [
      'two of the attackers',
      'outside',
      'This page: 2 attackers killed, per the ministry. Lower than every report: 1 source gives 9.',
    ],
    [
      'At Least 10',
      'none',
      'This page: at least 10 people killed in all. No report of this incident gives a count of people killed in all to compare it with.',
    ],
    [
      'six people',
      'none',
      'This page: 6 people detained, per the ministry. No report of this incident gives a count of people detained (side not stated) to compare it with.',
    ],
  ])('seed 000 "%s" is %s: %s', (text, tone, sentence) => {
    const view = figureView(seed000, text);
    expect(view.verdict).toEqual({ tone, text: sentence });
    expect(view.title).toBe(ATTACK_TITLE);
    expect(view.subtitle).toBe('4 Sept 2015 · Dushanbe, Vahdat');
    expect(view.label).toBe(`Figure “${text}”: ${ATTACK_TITLE}`);
  });

  test('a figure tied to no linked incident says so and compares nothing', () => {
    const view = figureView(seed002, '12 others');
    expect(view).toEqual({
      label: 'Figure “12 others”',
      eyebrow: 'Figure on this page',
      title: '“12 others”',
      subtitle: null,
      verdict: {
        tone: 'none',
        text: 'This page: 12 police officers wounded, per Tajikistan’s Interior Ministry. It is not tied to an incident this page was linked to, so it is not compared.',
      },
      incident: null,
      entity: null,
    });
  });

  test.each([
    [
      'At least eight policemen',
      'Security forces killed',
      'Reports range 8 to 9; this page: at least 8.',
    ],
    [
      '33 interior and defense ministry troops',
      'Security forces killed',
      'Reports range 8 to 9; this page: 33.',
    ],
    ['two gunmen', 'Militants killed', 'One report gives 9; this page: at least 2.'],
    // Of unknown side, compared with the war's stated totals: drawn as totals, once.
    [
      'tens of thousands',
      'Killed in all',
      'Reports range 20000 to 150000; this page: about 20000-99999.',
    ],
  ])('"%s": its own chart comes first (%s: %s)', (text, title, description) => {
    const charts = figureView(seed000, text).incident?.charts ?? [];
    expect(charts[0]?.title).toBe(title);
    expect(charts[0]?.description).toBe(description);
    expect(charts.filter((chart) => chart.title === title)).toHaveLength(1);
  });

  test('the figure chart colours each source by agreement and marks the page once', () => {
    const chart = figureView(seed000, 'At least eight policemen').incident?.charts[0];
    expect(chart).toEqual({
      title: 'Security forces killed',
      axis: { low: 0, high: 9 },
      bars: [
        {
          low: 8,
          high: 8,
          qualifier: 'exact',
          source: 'Agence France-Presse',
          label: 'Agence France-Presse: 8 (no source named)',
          agrees: true,
        },
        {
          low: 9,
          high: 9,
          qualifier: 'exact',
          source: 'TASS',
          label: 'TASS: 9 (Tajikistan’s Interior Ministry)',
          agrees: false,
        },
      ],
      page: [{ low: 8, high: 8, qualifier: 'at-least' }],
      description: 'Reports range 8 to 9; this page: at least 8.',
    });
  });

  test('the report table marks the compared figures and leaves the others unmarked', () => {
    const reports = figureView(seed000, 'At least eight policemen').incident?.reports ?? [];
    expect(
      reports.map((row) => [
        row.outlet,
        row.published,
        row.url,
        row.figures.map((f) => `${f.count} ${f.what} | ${f.attributedTo} | ${f.match}`),
      ]),
    ).toEqual([
      [
        'Agence France-Presse',
        '5 Sept 2015 (inferred)',
        null,
        [
          '8 policemen killed | no source named | agrees',
          '9 attackers killed | no source named | null',
        ],
      ],
      [
        'TASS',
        '14 Sept 2015',
        null,
        [
          '9 police officers killed | Tajikistan’s Interior Ministry | differs',
          '12 police officers wounded | Tajikistan’s Interior Ministry | null',
        ],
      ],
    ]);
  });
});

describe('an incident', () => {
  const view = buildPopoverView({ kind: 'incident', incidentId: ATTACK, resolution: seed000 });
  const incident = view.incident;

  test('header, why linked, sources', () => {
    expect([view.label, view.eyebrow, view.title, view.subtitle, view.verdict]).toEqual([
      `Incident: ${ATTACK_TITLE}`,
      'Incident',
      ATTACK_TITLE,
      '4 Sept 2015 · Dushanbe, Vahdat',
      null,
    ]);
    // The resolver's reasons, passed on as they are (their wording is resolve.ts's).
    const linked = seed000.incidents.find((i) => i.incidentId === ATTACK);
    expect(incident?.reasons).toEqual(linked?.reasons);
    expect(incident?.reasons.slice(0, 2)).toEqual([
      'Abdukhalim Nazarzoda',
      'Islamic Revival Party of Tajikistan',
    ]);
    // The page's own report (RFE/RL) is left out by the background: AFP and TASS remain.
    expect(incident?.sourceCount).toBe(2);
  });

  test('one chart per side and outcome, with every page figure of it marked once', () => {
    const eight = claimByText(seed000, 'At least eight policemen');
    const claims: ResolvedClaim[] = [
      eight,
      { ...eight, low: 33, high: 33, qualifier: 'exact' },
      { ...eight, low: 33, high: 33, qualifier: 'exact' },
      { ...eight, side: 'militants', low: 2, high: 2, qualifier: 'exact' },
      // Another incident's figure, and a figure tied to none: not marked here.
      { ...eight, incidentId: 'tj-1992-1997-civil-war', low: 5, high: 5 },
      { ...eight, incidentId: null, comparison: null, low: 6, high: 6 },
    ];
    const marked = buildPopoverView({
      kind: 'incident',
      incidentId: ATTACK,
      resolution: { ...seed000, claims },
    });
    expect(marked.incident?.charts.map((chart) => [chart.title, chart.description])).toEqual([
      ['Security forces killed', 'Reports range 8 to 9; this page: at least 8 and 33.'],
      ['Militants killed', 'One report gives 9; this page: 2.'],
      ['Security forces wounded', 'One report gives 12.'],
    ]);
  });

  test('disagreements in plain words, counts and dates', () => {
    expect(incident?.disagreements).toEqual([
      'Tajikistan’s Interior Ministry (TASS) reports 9 police officers killed; no source named (Agence France-Presse), 8 policemen.',
    ]);
    expect(incident?.dateDisagreements).toEqual([
      'Agence France-Presse dates it 4 Sept 2015 ("who had Friday launched attacks against police in Tajikistan"); TASS, 5 Sept 2015 ("dismissed from the post by President Emomali Rakhmov on Friday, September 5").',
    ]);
  });

  test('how the count moved, report by report', () => {
    expect(incident?.timelines).toEqual([
      {
        title: 'Security forces killed',
        steps: [
          { date: '5 Sept 2015', outlet: 'Agence France-Presse', counts: '8' },
          { date: '14 Sept 2015', outlet: 'TASS', counts: '9' },
        ],
      },
    ]);
  });

  test('with every report of the dataset: three outlets, oldest first, several counts in one report', () => {
    const full = buildPopoverView({
      kind: 'incident',
      incidentId: ATTACK,
      resolution: withBundles(seed000, [seedIndex.bundle(seedIndex.incident(ATTACK)!)]),
    });
    expect(full.incident?.timelines[0]).toEqual({
      title: 'Security forces killed',
      steps: [
        {
          date: '4 Sept 2015',
          outlet: 'Radio Free Europe/Radio Liberty via Reuters',
          counts: 'about 4-10, at least 8, 33',
        },
        { date: '5 Sept 2015', outlet: 'Agence France-Presse', counts: '8' },
        { date: '14 Sept 2015', outlet: 'TASS', counts: '9' },
      ],
    });
    expect(full.incident?.reports.map((row) => [row.outlet, row.figures.length])).toEqual([
      ['Radio Free Europe/Radio Liberty via Reuters', 9],
      ['Agence France-Presse', 2],
      ['TASS', 2],
    ]);
  });

  test('an incident the page has no bundle for keeps its linked title and date', () => {
    const bare = buildPopoverView({
      kind: 'incident',
      incidentId: ATTACK,
      resolution: { ...seed000, bundles: [] },
    });
    expect([bare.title, bare.subtitle, bare.incident]).toEqual([ATTACK_TITLE, '4 Sept 2015', null]);
  });
});

describe('actors and places', () => {
  test('a person: kind, description, spellings, incidents linked to this page first', () => {
    const view = buildPopoverView({
      kind: 'actor',
      id: 'nazarzoda',
      name: 'Nazarzod',
      resolution: seed000,
    });
    expect([view.label, view.eyebrow, view.title, view.subtitle]).toEqual([
      'Person: Abdukhalim Nazarzoda',
      'Person',
      'Abdukhalim Nazarzoda',
      null,
    ]);
    expect(view.entity?.aliases.slice(0, 3)).toEqual([
      'Abdulkhalim Mirzo Nazarzod',
      'Abdulkhalim Nazarzoda',
      'Abdulkhalim Nazarzod',
    ]);
    expect(view.entity?.partialNames).toEqual([
      'Khalim',
      'Halim',
      'Abdukhalim',
      'Abdulkhalim',
      'Халим',
      'Абдухалим',
    ]);
    expect(view.entity?.incidents).toEqual([
      { id: ATTACK, title: ATTACK_TITLE, when: '4 Sept 2015', role: 'accused', linked: true },
      {
        id: 'tj-1992-1997-civil-war',
        title: 'Tajik civil war, 1992-97',
        when: '1992-1997',
        role: 'party',
        linked: true,
      },
    ]);
  });

  test('a place: kind as eyebrow, where it lies as subtitle, no description', () => {
    const view = buildPopoverView({
      kind: 'place',
      id: 'vahdat',
      name: 'Vahdat',
      resolution: seed000,
    });
    expect([view.label, view.eyebrow, view.title, view.subtitle]).toEqual([
      'City or town: Vahdat',
      'City or town',
      'Vahdat',
      'Districts of Republican Subordination, Tajikistan',
    ]);
    expect(view.entity?.aliases.slice(0, 3)).toEqual(['Vakhdat', 'Wahdat', 'Kofarnihon']);
    expect(view.entity?.partialNames).toEqual([]);
    expect(view.entity?.incidents.map((incident) => incident.id)).toEqual([ATTACK]);
  });

  test('an actor in none of the page bundles shows its name until entity.get answers', () => {
    const target = {
      kind: 'actor' as const,
      id: 'putin',
      name: 'Putin',
      resolution: seed000,
    };
    const before = buildPopoverView(target);
    expect([before.title, before.eyebrow, before.entity?.incidents]).toEqual([
      'Putin',
      'Actor',
      [],
    ]);
    const putin = seedIndex.actor('putin')!;
    const after = buildPopoverView(target, {
      actor: putin,
      place: null,
      incidents: [{ id: 'x-1', title: 'Some incident', startDate: '2015-09-05', role: 'official' }],
    });
    expect([after.title, after.eyebrow, after.entity?.incidents]).toEqual([
      putin.name,
      'Person',
      [{ id: 'x-1', title: 'Some incident', when: '5 Sept 2015', role: 'official', linked: false }],
    ]);
  });

  test('only http(s) links of an actor survive', () => {
    const nazarzoda = seedIndex.actor('nazarzoda')!;
    const hostile = {
      ...seed000,
      bundles: seed000.bundles.map((bundle) => ({
        ...bundle,
        actors: bundle.actors.map((actor) =>
          actor.id === 'nazarzoda'
            ? {
                ...nazarzoda,
                links: ['javascript:alert(1)', 'https://www.rferl.org/a/x', 'data:text/html,x'],
              }
            : actor,
        ),
      })),
    };
    const view = buildPopoverView({
      kind: 'actor',
      id: 'nazarzoda',
      name: 'x',
      resolution: hostile,
    });
    expect(view.entity?.links).toEqual([{ href: 'https://www.rferl.org/a/x', text: 'rferl.org' }]);
  });
});

describe('words and links', () => {
  test.each([
    ['https://www.reuters.com/article/x', 'https://www.reuters.com/article/x'],
    ['http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/a'],
    ['HTTPS://EXAMPLE.ORG', 'HTTPS://EXAMPLE.ORG'],
    ['javascript:alert(1)', null],
    ['JavaScript://%0aalert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['/relative/path', null],
    ['//example.org/x', null],
    [' https://example.org', null],
    ['https://exa mple.org', null],
    ['', null],
    [null, null],
  ])('safeUrl(%j) = %j', (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });

  test('a report link in the table goes through the same rule', () => {
    const bundle = seedIndex.bundle(seedIndex.incident(ATTACK)!);
    const hostile: IncidentBundle = {
      ...bundle,
      reports: bundle.reports.map((report, i) => ({
        ...report,
        url: i === 0 ? 'javascript:alert(1)' : `https://example.org/${report.id}`,
      })),
    };
    const view = buildPopoverView({
      kind: 'incident',
      incidentId: ATTACK,
      resolution: withBundles(seed000, [hostile]),
    });
    expect(view.incident?.reports.map((row) => row.url)).toEqual([
      null,
      'https://example.org/seed-001-attack',
      'https://example.org/seed-002-attack',
    ]);
  });

  test.each<[Side, Outcome, string]>([
    ['security', 'killed', 'Security forces killed'],
    ['militants', 'captured', 'Militants captured'],
    ['civilians', 'wounded', 'Civilians wounded'],
    ['all', 'killed', 'Killed in all'],
    ['unknown', 'detained', 'Detained, side not stated'],
  ])('spreadTitle(%s, %s) = %s', (side, outcome, title) => {
    expect(spreadTitle(side, outcome)).toBe(title);
  });

  test.each([
    [[count(8), count(33)], [count(8)], 'Reports range 8 to 33; this page: 8.'],
    [[count(9)], [count(8, 8, 'at-least')], 'One report gives 9; this page: at least 8.'],
    [[count(9), count(9)], [], '2 reports all give 9.'],
    [[], [count(3)], 'No report gives this count; this page: 3.'],
    [
      [count(4, 10, 'about'), count(33)],
      [count(2), count(9)],
      'Reports range 4 to 33; this page: 2 and 9.',
    ],
  ])('describeRange(%j, %j) = %s', (bars, page, expected) => {
    expect(describeRange(bars, page)).toBe(expected);
  });

  test('the chart axis starts at 0 and reaches the largest count, the page figure included', () => {
    const chart = rangeChartView({
      title: 't',
      bars: [{ ...count(8), source: 'a', label: 'a', agrees: null }],
      page: [count(33)],
    });
    expect(chart.axis).toEqual({ low: 0, high: 33 });
    expect(rangeChartView({ title: 't', bars: [] }).axis).toEqual({ low: 0, high: 1 });
  });

  test('verdictText of a claim with no comparison is the page figure alone', () => {
    const claim: ResolvedClaim = {
      ...claimByText(seed002, '12 others'),
      comparison: null,
    };
    expect(verdictText(claim)).toBe(
      'This page: 12 police officers wounded, per Tajikistan’s Interior Ministry.',
    );
  });
});

const count = (low: number, high = low, qualifier: 'exact' | 'at-least' | 'about' = 'exact') => ({
  low,
  high,
  qualifier,
});

function withBundles(resolution: PageResolveReply, bundles: IncidentBundle[]): PageResolveReply {
  return { ...resolution, bundles };
}
