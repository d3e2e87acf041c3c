// The popover rendered into a linkedom document: table rows, chart text, links, inert dataset
// strings, and the mount API's host, keyboard and lifecycle.
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { Popover } from '../../components/popover/Popover';
import { RangeChart } from '../../components/shared/RangeChart';
import { buildPopoverView, type PopoverTarget } from '../../core/popoverModel';
import { rangeChartView } from '../../core/rangeChartView';
import type { IncidentBundle } from '../../core/types';
import {
  createPopoverHost,
  HOST_SELECTOR,
  hostStyle,
  type PopoverHostOptions,
  type Positioner,
} from '../../entrypoints/content/popover';
import { claimByText, resolveFixturePage, seedIndex } from './popoverSeeds';

const ATTACK = 'tj-2015-09-04-dushanbe-vahdat-attacks';
const seed000 = resolveFixturePage('test/fixtures/pages/000_730a5c529c7b08ea.html');
const figureTarget: PopoverTarget = {
  kind: 'figure',
  claim: claimByText(seed000, 'At least eight policemen'),
  resolution: seed000,
};

let document: Document;
let window: Window & typeof globalThis;
beforeEach(() => {
  ({ document, window } = parseHTML(
    '<!doctype html><html><head></head><body><p id="anchor">eight policemen</p></body></html>',
  ) as unknown as { document: Document; window: Window & typeof globalThis });
});

function renderView(target: PopoverTarget, theme: 'auto' | 'light' | 'dark' = 'auto') {
  const container = document.createElement('div');
  document.body.append(container);
  render(<Popover view={buildPopoverView(target)} theme={theme} onClose={() => {}} />, container);
  return container;
}

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A cell's text without its quote disclosure. */
const bare = (cell: Element) => {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelector('.tg-quote')?.remove();
  return text(copy);
};

describe('the panel', () => {
  test('a dialog named after the figure and incident, with a close button', () => {
    const panel = renderView(figureTarget, 'dark').querySelector('[role="dialog"]');
    expect([
      panel?.getAttribute('aria-label'),
      panel?.getAttribute('aria-modal'),
      panel?.getAttribute('class'),
      text(panel?.querySelector('.tg-title')),
      text(panel?.querySelector('.tg-subtitle')),
      panel?.querySelector('button.tg-close')?.getAttribute('aria-label'),
    ]).toEqual([
      'Figure “At least eight policemen”: Attacks on police in Dushanbe and Vahdat blamed on deputy defence minister Nazarzoda',
      'false',
      'tg-panel tg-theme-dark',
      'Attacks on police in Dushanbe and Vahdat blamed on deputy defence minister Nazarzoda',
      '4 Sept 2015 · Dushanbe, Vahdat',
      'Close',
    ]);
  });

  test('the verdict comes first in the body', () => {
    const body = renderView(figureTarget).querySelector('.tg-body');
    const first = body?.firstElementChild;
    expect([first?.getAttribute('data-part'), first?.getAttribute('class'), text(first)]).toEqual([
      'verdict',
      'tg-verdict tg-tone-agrees',
      'This page: at least 8 policemen killed. Reports range 8-9; 1 of 2 sources agrees.',
    ]);
  });

  test('the report table: one row per figure, the source cell spanning its report', () => {
    const rows = [...renderView(figureTarget).querySelectorAll('.tg-table tbody tr')];
    expect(
      rows.map((row) => [...row.children].map((cell) => [cell.tagName.toLowerCase(), bare(cell)])),
    ).toEqual([
      [
        ['th', 'Agence France-Presse5 Sept 2015 (inferred)'],
        ['td', '8 policemen killed ✓ agrees per no source named'],
      ],
      [['td', '9 attackers killed per no source named']],
      [
        ['th', 'TASS14 Sept 2015'],
        ['td', '9 police officers killed ≠ differs per Tajikistan’s Interior Ministry'],
      ],
      [['td', '12 police officers wounded per Tajikistan’s Interior Ministry']],
    ]);
    expect(rows.map((row) => row.querySelector('th')?.getAttribute('rowspan') ?? null)).toEqual([
      '2',
      null,
      '2',
      null,
    ]);
  });

  test("each figure's verbatim quote is a disclosure the keyboard reaches, closed at first", () => {
    const table = renderView(figureTarget).querySelector('.tg-table');
    const quotes = [...(table?.querySelectorAll('td[data-figure]') ?? [])].map((cell) => {
      const details = cell.querySelector('details.tg-quote');
      return [
        cell.getAttribute('data-figure'),
        cell.hasAttribute('title'),
        details?.hasAttribute('open'),
        text(details?.querySelector('summary')),
        text(details?.querySelector('blockquote')),
      ];
    });
    const bundle = seed000.bundles.find((b) => b.incident.id === ATTACK) as IncidentBundle;
    const quoteOf = (figureId: string | null) =>
      bundle.figures
        .find((figure) => figure.id === figureId)
        ?.quote.replace(/\s+/g, ' ')
        .trim();
    expect(quotes.map((row) => row.slice(1, 4))).toEqual([
      [false, false, 'Quote'],
      [false, false, 'Quote'],
      [false, false, 'Quote'],
      [false, false, 'Quote'],
    ]);
    expect(quotes.map((row) => row[4])).toEqual(quotes.map((row) => quoteOf(row[0] as string)));
    expect(quotes.every((row) => typeof row[4] === 'string' && row[4].length > 10)).toBe(true);
  });

  test.each([
    ['none saved', [], [false, false]],
    ['TASS saved by the user', ['TASS'], [false, true]],
  ])("the user's saved sources are marked in the table: %s", (_label, outlets, expected) => {
    const bundles = seed000.bundles.map((bundle) => ({
      ...bundle,
      userReportIds: bundle.reports
        .filter((report) => outlets.some((name) => report.outletId.toUpperCase() === name))
        .map((report) => report.id),
    }));
    const target = { ...figureTarget, resolution: { ...seed000, bundles } } as PopoverTarget;
    const heads = [...renderView(target).querySelectorAll('.tg-table th[scope="row"]')];
    expect(heads.map((th) => th.querySelector('.tg-mine') !== null)).toEqual(expected);
    if (expected[1]) expect(text(heads[1]?.querySelector('.tg-mine'))).toBe('Your saved source');
  });

  test('the charts say in words what they draw', () => {
    const charts = [...renderView(figureTarget).querySelectorAll('svg[role="img"]')];
    // The other charts' page marks depend on every figure claims.ts reads: only their count here.
    expect([
      charts.length,
      charts[0]?.getAttribute('aria-label'),
      charts[2]?.getAttribute('aria-label'),
    ]).toEqual([
      3,
      'Security forces killed: Reports range 8 to 9; this page: at least 8.',
      'Security forces wounded: One report gives 12.',
    ]);
  });

  test('the timeline is an ordered list of counts with dates and outlets', () => {
    const items = [...renderView(figureTarget).querySelectorAll('ol.tg-timeline li')];
    expect(items.map((item) => text(item))).toEqual([
      '8 5 Sept 2015, Agence France-Presse',
      '9 14 Sept 2015, TASS',
    ]);
  });

  test('an actor: kind, spellings, partial names, incidents', () => {
    const view = renderView({
      kind: 'actor',
      id: 'nazarzoda',
      name: 'Nazarzod',
      resolution: seed000,
    });
    expect([
      text(view.querySelector('.tg-eyebrow')),
      text(view.querySelector('.tg-title')),
      view.querySelectorAll('[data-part="aliases"] li').length,
      [...view.querySelectorAll('[data-part="partial-names"] li')].map((li) => text(li)),
      [...view.querySelectorAll('[data-part="incidents"] li')].map((li) => text(li)),
    ]).toEqual([
      'Person',
      'Abdukhalim Nazarzoda',
      21, // with the Russian case forms (Назарзоды, Назарзоду, Назарзодой)
      ['Khalim', 'Halim', 'Abdukhalim', 'Abdulkhalim', 'Халим', 'Абдухалим'],
      [
        'Attacks on police in Dushanbe and Vahdat blamed on deputy defence minister Nazarzoda (4 Sept 2015) · accused · this page',
        'Tajik civil war, 1992-97 (1992-1997) · party · this page',
      ],
    ]);
  });
});

describe('untrusted strings and links', () => {
  const bundle = seedIndex.bundle(seedIndex.incident(ATTACK)!);
  const hostile: IncidentBundle = {
    ...bundle,
    incident: { ...bundle.incident, title: '<img src=x onerror=alert(1)>Attack' },
    reports: bundle.reports.map((report, i) => ({
      ...report,
      url: ['javascript:alert(1)', 'https://example.org/afp', 'data:text/html,x'][i] ?? null,
    })),
    figures: bundle.figures.map((figure, i) =>
      i === 0 ? { ...figure, attributedTo: '<b onclick="x()">the ministry</b>' } : figure,
    ),
  };
  const target: PopoverTarget = {
    kind: 'incident',
    incidentId: ATTACK,
    resolution: { ...seed000, bundles: [hostile] },
  };

  test('only the http(s) report becomes a link, opening in a new tab without opener', () => {
    const links = [...renderView(target).querySelectorAll('a')];
    expect(
      links.map((a) => [
        a.getAttribute('href'),
        a.getAttribute('target'),
        a.getAttribute('rel'),
        text(a),
      ]),
    ).toEqual([
      ['https://example.org/afp', '_blank', 'noopener noreferrer', 'Agence France-Presse'],
    ]);
  });

  test('markup in dataset strings is shown as text and creates no element', () => {
    const view = renderView(target);
    expect(text(view.querySelector('.tg-title'))).toBe('<img src=x onerror=alert(1)>Attack');
    expect(view.querySelector('img')).toBeNull();
    expect(view.querySelector('b, [onclick], [onerror]')).toBeNull();
    expect(text(view.querySelector('.tg-per'))).toBe('per <b onclick="x()">the ministry</b>');
  });
});

describe('RangeChart', () => {
  const chart = rangeChartView({
    title: 'Security forces killed',
    bars: [
      { low: 8, high: 8, qualifier: 'at-least', source: 'A', label: 'A: at least 8', agrees: true },
      { low: 4, high: 10, qualifier: 'about', source: 'B', label: 'B: about 4-10', agrees: true },
      { low: 33, high: 33, qualifier: 'exact', source: 'C', label: 'C: 33', agrees: false },
    ],
    page: [{ low: 8, high: 8, qualifier: 'exact' }],
  });

  test('one lane per source, named, the page on a lane of its own, an axis from 0 to the largest count', () => {
    const container = document.createElement('div');
    render(<RangeChart chart={chart} />, container);
    const svg = container.querySelector('svg');
    const lanes = [...(svg?.querySelectorAll('[data-mark]') ?? [])];
    expect([
      svg?.getAttribute('aria-label'),
      lanes.map((lane) => [
        lane.getAttribute('data-mark'),
        [...lane.querySelectorAll('title, text')].map((t) => text(t)),
        // "at least 8" gets a dashed tail beside its lane line; exact and "about" get none.
        lane.querySelectorAll('line').length,
      ]),
      [...(svg?.querySelectorAll(':scope > text') ?? [])].map((t) => text(t)),
    ]).toEqual([
      'Security forces killed: Reports range 4 to 33; this page: 8.',
      [
        ['page', ['This page: 8', 'This page', '8'], 1],
        ['source', ['A: at least 8', 'A', 'at least 8'], 2],
        ['source', ['B: about 4-10', 'B', 'about 4-10'], 1],
        ['source', ['C: 33', 'C', '33'], 1],
      ],
      ['0', '33'],
    ]);
  });

  test('a long outlet name is shortened beside its lane and whole in its tooltip', () => {
    const container = document.createElement('div');
    const long = 'Radio Free Europe/Radio Liberty via Reuters';
    render(
      <RangeChart
        chart={rangeChartView({
          title: 't',
          bars: [
            {
              low: 1,
              high: 1,
              qualifier: 'exact',
              source: long,
              label: `${long}: 1`,
              agrees: null,
            },
          ],
        })}
      />,
      container,
    );
    const lane = container.querySelector('[data-mark="source"]');
    expect([...(lane?.querySelectorAll('title, text') ?? [])].map((t) => text(t))).toEqual([
      `${long}: 1`,
      'Radio Free Europe/…',
      '1',
    ]);
  });
});

function setup(extra: Partial<PopoverHostOptions> = {}) {
  const stop = vi.fn();
  const position = vi.fn<Positioner>(() => stop);
  const callbacks = { onClose: vi.fn(), onPointerEnter: vi.fn(), onPointerLeave: vi.fn() };
  const popover = createPopoverHost({ document, theme: 'auto', ...callbacks, position, ...extra });
  const host = document.querySelector(HOST_SELECTOR) as HTMLElement;
  const anchor = document.getElementById('anchor') as HTMLElement;
  return { popover, host, anchor, options: callbacks, position, stop };
}
const fire = (node: EventTarget, type: string, init: Record<string, unknown> = {}) => {
  const event = new window.Event(type, { bubbles: true, cancelable: true });
  Object.assign(event, init);
  node.dispatchEvent(event);
  return event;
};

describe('createPopoverHost', () => {
  test('prerender (host made ahead, off the page): nothing enters the page, the first open shows the target', () => {
    const { popover, anchor } = setup({ attachOnOpen: true });
    const before = document.documentElement.outerHTML;
    popover.prerender?.(figureTarget);
    expect(document.querySelectorAll(HOST_SELECTOR).length).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(popover.isOpen()).toBe(false);
    popover.open(anchor, figureTarget, { focus: false });
    const host = document.querySelector(HOST_SELECTOR) as HTMLElement;
    const fresh = renderView(figureTarget);
    expect(host.shadowRoot?.querySelector('[role="dialog"]')?.outerHTML).toBe(
      fresh.querySelector('[role="dialog"]')?.outerHTML,
    );
  });

  test('stage (the hover delay): the host enters the page unseen and unreachable, rendered and placed', () => {
    const { popover, anchor, position, stop } = setup({ attachOnOpen: true });
    popover.stage?.(anchor, figureTarget);
    const host = document.querySelector(HOST_SELECTOR) as HTMLElement;
    const panel = host.shadowRoot?.querySelector('[role="dialog"]');
    expect([
      host.parentNode === document.documentElement,
      host.style.getPropertyValue('display'),
      host.style.getPropertyValue('visibility'),
      host.style.getPropertyValue('pointer-events'),
      panel?.getAttribute('aria-label')?.startsWith('Figure “At least eight policemen”'),
      position.mock.calls.length,
      position.mock.calls[0]?.[0].contextElement === anchor,
      popover.isOpen(),
    ]).toEqual([true, 'block', 'hidden', 'none', true, 1, true, false]);
    // The open shows the very elements staged, now seen and reachable.
    popover.open(anchor, figureTarget, { focus: false });
    expect([
      host.shadowRoot?.querySelector('[role="dialog"]') === panel,
      host.style.getPropertyValue('visibility'),
      host.style.getPropertyValue('pointer-events'),
      stop.mock.calls.length,
      popover.isOpen(),
    ]).toEqual([true, 'visible', 'auto', 1, true]);
  });

  test('unstage (the pointer left first): the host leaves the page, as it was', () => {
    const { popover, anchor, stop } = setup({ attachOnOpen: true });
    const before = document.documentElement.outerHTML;
    popover.stage?.(anchor, figureTarget);
    popover.unstage?.();
    expect([
      document.querySelectorAll(HOST_SELECTOR).length,
      document.documentElement.outerHTML === before,
      stop.mock.calls.length,
      popover.isOpen(),
    ]).toEqual([0, true, 1, false]);
  });

  test('stage and unstage leave an open popover alone', () => {
    const { popover, host, anchor, position } = setup();
    popover.open(anchor, figureTarget, { focus: false });
    popover.stage?.(anchor, figureTarget);
    popover.unstage?.();
    expect([
      host.isConnected,
      host.style.getPropertyValue('visibility'),
      position.mock.calls.length,
      popover.isOpen(),
    ]).toEqual([true, 'visible', 1, true]);
  });

  test('one host under <html> with an open shadow root, hidden until opened', () => {
    const { popover, host } = setup();
    expect([
      document.querySelectorAll(HOST_SELECTOR).length,
      host.parentNode === document.documentElement,
      host.shadowRoot !== null,
      host.shadowRoot?.querySelector('style')?.textContent?.includes(':host { all: initial; }'),
      host.style.getPropertyValue('display'),
      popover.isOpen(),
    ]).toEqual([1, true, true, true, 'none', false]);
  });

  test.each([
    ['all', 'initial'],
    ['position', 'fixed'],
    ['z-index', '2147483647'],
    ['visibility', 'visible'],
    ['opacity', '1'],
    ['transform', 'none'],
    ['pointer-events', 'auto'],
  ])('the host sets %s: %s inline (every one !important in the browser)', (name, value) => {
    const { host } = setup();
    expect(host.style.getPropertyValue(name)).toBe(value);
    expect(hostStyle('shown').find(([n]) => n === name)?.[1]).toBe(value);
  });

  test('all: initial comes first so the declarations after it win', () => {
    expect(hostStyle('hidden')[0]).toEqual(['all', 'initial']);
    expect(hostStyle('hidden').at(-1)).toEqual(['display', 'none']);
    expect(hostStyle('shown').at(-1)).toEqual(['display', 'block']);
  });

  test('open renders the dialog, shows the host and positions it against the anchor', () => {
    const { popover, host, anchor, position } = setup();
    popover.open(anchor, figureTarget, { focus: false });
    const panel = host.shadowRoot?.querySelector('[role="dialog"]');
    expect([
      popover.isOpen(),
      host.style.getPropertyValue('display'),
      panel?.getAttribute('aria-label')?.startsWith('Figure “At least eight policemen”'),
      position.mock.calls.length,
      position.mock.calls[0]?.[1] === host,
      position.mock.calls[0]?.[2] === panel,
      position.mock.calls[0]?.[0].contextElement === anchor,
    ]).toEqual([true, 'block', true, 1, true, true, true]);
  });

  test('the host moves back to the end of <html> when the page appended something after it', () => {
    const { popover, host, anchor } = setup();
    document.documentElement.append(document.createElement('div'));
    popover.open(anchor, figureTarget, { focus: false });
    expect(document.documentElement.lastElementChild).toBe(host);
  });

  test('Escape inside asks the overlay to close; the close button too', () => {
    const { popover, host, anchor, options } = setup();
    popover.open(anchor, figureTarget, { focus: true });
    const panel = host.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement;
    const escape = fire(panel, 'keydown', { key: 'Escape' });
    expect([options.onClose.mock.calls.length, escape.defaultPrevented]).toEqual([1, true]);
    fire(host.shadowRoot?.querySelector('button.tg-close') as HTMLElement, 'click');
    expect(options.onClose.mock.calls.length).toBe(2);
  });

  test('pointer enter and leave on the host reach the callbacks', () => {
    const { host, options } = setup();
    fire(host, 'pointerenter');
    fire(host, 'pointerleave');
    expect([
      options.onPointerEnter.mock.calls.length,
      options.onPointerLeave.mock.calls.length,
    ]).toEqual([1, 1]);
  });

  test('contains: the host and what is inside its shadow root, nothing else', () => {
    const { popover, host, anchor } = setup();
    popover.open(anchor, figureTarget, { focus: false });
    const inside = host.shadowRoot?.querySelector('.tg-title') ?? null;
    expect([
      popover.contains(host),
      popover.contains(inside),
      popover.contains(anchor),
      popover.contains(document.body),
      popover.contains(null),
    ]).toEqual([true, true, false, false, false]);
  });

  test('close stops positioning, empties the shadow root and hides; destroy removes the host', () => {
    const { popover, host, anchor, stop } = setup();
    popover.open(anchor, figureTarget, { focus: false });
    popover.open(
      anchor,
      { kind: 'incident', incidentId: ATTACK, resolution: seed000 },
      { focus: false },
    );
    expect(stop.mock.calls.length).toBe(1);
    popover.close();
    expect([
      popover.isOpen(),
      stop.mock.calls.length,
      host.shadowRoot?.querySelector('[role="dialog"]') ?? null,
      host.style.getPropertyValue('display'),
    ]).toEqual([false, 2, null, 'none']);
    popover.destroy();
    expect(document.querySelector(HOST_SELECTOR)).toBeNull();
  });

  test.each([
    ['the same target: only moved', false, 'Figure “At least eight policemen”', 2, 1],
    [
      'the same figure from a new reply: moved and repainted',
      true,
      'Figure “At least eight policemen”',
      2,
      1,
    ],
  ])(
    'update while open, %s; focus stays where it was',
    (_label, newReply, label, positions, stops) => {
      const { popover, host, anchor, position, stop } = setup();
      popover.open(anchor, figureTarget, { focus: true });
      const focused = host.shadowRoot?.activeElement ?? null;
      const moved = document.createElement('p');
      document.body.append(moved);
      const target = newReply ? { ...figureTarget, resolution: { ...seed000 } } : figureTarget;
      popover.update(moved, target);
      const panel = host.shadowRoot?.querySelector('[role="dialog"]');
      expect([
        popover.isOpen(),
        panel?.getAttribute('aria-label')?.startsWith(label),
        position.mock.calls.length,
        stop.mock.calls.length,
        position.mock.calls.at(-1)?.[0].contextElement === moved,
        (host.shadowRoot?.activeElement ?? null) === focused,
      ]).toEqual([true, true, positions, stops, true, true]);
    },
  );

  test('update to another target repaints it; update while closed does nothing', () => {
    const { popover, host, anchor, position } = setup();
    popover.open(anchor, figureTarget, { focus: false });
    popover.update(anchor, { kind: 'incident', incidentId: ATTACK, resolution: seed000 });
    const label = () =>
      host.shadowRoot?.querySelector('[role="dialog"]')?.getAttribute('aria-label') ?? null;
    const afterUpdate = label();
    popover.close();
    popover.update(anchor, figureTarget);
    expect([
      afterUpdate?.startsWith('Incident'),
      label(),
      popover.isOpen(),
      position.mock.calls.length,
    ]).toEqual([true, null, false, 2]);
  });

  test('an actor missing from the bundles is filled in by loadEntity, unless closed first', async () => {
    const putin = seedIndex.actor('putin')!;
    const loadEntity = vi.fn(async () => ({
      actor: putin,
      place: null,
      incidents: [
        { id: 'x', title: 'Press conference', startDate: '2015-09-15', role: 'official' },
      ],
    }));
    const { popover, host, anchor } = setup({ loadEntity });
    const target: PopoverTarget = {
      kind: 'actor',
      id: 'putin',
      name: 'Putin',
      resolution: seed000,
    };
    popover.open(anchor, target, { focus: false });
    expect(text(host.shadowRoot?.querySelector('.tg-eyebrow'))).toBe('Actor');
    await vi.waitFor(() =>
      expect(text(host.shadowRoot?.querySelector('.tg-eyebrow'))).toBe('Person'),
    );
    expect([
      loadEntity.mock.calls[0],
      text(host.shadowRoot?.querySelector('[data-part="incidents"] li')),
    ]).toEqual([['actor', 'putin'], 'Press conference (15 Sept 2015) · official']);

    popover.open(anchor, target, { focus: false });
    popover.close();
    await Promise.resolve();
    expect(host.shadowRoot?.querySelector('[role="dialog"]') ?? null).toBeNull();
  });
});
