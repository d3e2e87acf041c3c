/**
 * The popover in a real Chromium, without the rest of the extension: its
 * mount module is bundled on the fly and opened on seed 000's "At least eight
 * policemen", in light and dark, on the page as it is and under hostile page
 * CSS. Checks what the page cannot change (visible, on top, in the viewport,
 * its own fonts and colours) and keyboard use; screenshots go to artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PopoverTarget } from '../../core/popoverModel';
import { claimByText, resolveFixturePage } from '../unit/popoverSeeds';
import {
  ARTIFACTS_DIR,
  chromiumPath,
  FIXTURES_DIR,
  ROOT,
  serveDirectory,
  type StaticServer,
} from './harness';

const SEED = 'pages/000_730a5c529c7b08ea.html';
const PHRASE = 'At least eight policemen';
const resolution = resolveFixturePage(`test/fixtures/${SEED}`);
const target: PopoverTarget = {
  kind: 'figure',
  claim: claimByText(resolution, PHRASE),
  resolution,
};

/** Page CSS that would break a naive overlay. */
const HOSTILE_CSS = `
* { all: unset !important; }
html, body { display: block !important; }
p { display: block !important; margin: 1em !important; }
div[data-triangulate="popover"], [popover] { display: none !important; opacity: 0 !important; transform: scale(0) !important; }
div::before, div::after { content: "PAGE TEXT" !important; display: block !important; position: fixed !important; inset: 0 !important; }
.cover { position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; background: rgba(255, 0, 0, 0.3) !important; display: block !important; }
`;

let browser: Browser;
let server: StaticServer;
let bundle: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const output = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: join(ROOT, 'test/e2e/popoverGallery.tsx'), formats: ['iife'], name: 'gallery' },
    },
  });
  const first = (Array.isArray(output) ? output[0] : output) as { output: { code?: string }[] };
  bundle = first.output[0]?.code ?? '';
  server = await serveDirectory(FIXTURES_DIR);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPopover(options: {
  theme: 'auto' | 'light' | 'dark';
  scheme?: 'light' | 'dark';
  hostile?: boolean;
  focus?: boolean;
  target?: PopoverTarget;
}): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1100, height: options.target === undefined ? 800 : 2400 },
    colorScheme: options.scheme ?? 'light',
  });
  await page.goto(server.url(SEED));
  if (options.hostile) {
    await page.addStyleTag({ content: HOSTILE_CSS });
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.className = 'cover';
      document.documentElement.append(cover);
    });
  }
  await page.addScriptTag({ content: bundle });
  await page.evaluate(
    ([t, phrase, theme, focus]) => window.triangulateGallery.open(t, phrase, theme, focus),
    [options.target ?? target, PHRASE, options.theme, options.focus ?? false] as const,
  );
  await page.locator('div[data-triangulate="popover"] [role="dialog"]').waitFor();
  await page.waitForTimeout(100); // Floating UI places it on the next frame.
  return page;
}

/** What the page shows of the popover: its box, what is painted on top at its centre, its font. */
const READ_BOX = `(() => {
  const host = document.querySelector('div[data-triangulate="popover"]');
  const panel = host.shadowRoot.querySelector('[role="dialog"]');
  const box = panel.getBoundingClientRect();
  const top = document.elementFromPoint(box.x + box.width / 2, box.y + 20);
  const style = getComputedStyle(panel);
  return {
    x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height),
    onTop: top === host,
    fontSize: style.fontSize,
    background: style.backgroundColor,
    inViewport: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
  };
})()`;

describe('the popover in Chromium', () => {
  test.each([
    ['light', 'light', 'light', 'rgb(255, 255, 255)'],
    ['dark', 'dark', 'light', 'rgb(28, 33, 40)'],
    ['auto-dark', 'auto', 'dark', 'rgb(28, 33, 40)'],
  ] as const)(
    '%s: placed by the phrase, inside the viewport, on top',
    async (name, theme, scheme, background) => {
      const page = await openPopover({ theme, scheme });
      const box = (await page.evaluate(READ_BOX)) as Record<string, unknown>;
      await page.screenshot({ path: join(ARTIFACTS_DIR, `popover-${name}.png`) });
      expect([box.onTop, box.inViewport, box.fontSize, box.background, box.width]).toEqual([
        true,
        true,
        '13px',
        background,
        420,
      ]);
      await page.close();
    },
  );

  test.each([
    ['figure', target],
    [
      'incident',
      { kind: 'incident', incidentId: 'tj-2015-09-04-dushanbe-vahdat-attacks', resolution },
    ],
    ['actor', { kind: 'actor', id: 'nazarzoda', name: 'Nazarzod', resolution }],
  ] as [string, PopoverTarget][])(
    'gallery: the whole %s popover, screenful by screenful',
    async (name, galleryTarget) => {
      const page = await openPopover({ theme: 'light', target: galleryTarget });
      const panel = page.locator('div[data-triangulate="popover"] [role="dialog"]');
      const body = page.locator('div[data-triangulate="popover"] .tg-body');
      // One picture per screenful of the scrolling body.
      const [scrollHeight, clientHeight] = await body.evaluate((node) => [
        node.scrollHeight,
        node.clientHeight,
      ]);
      for (
        let top = 0, n = 1;
        top < (scrollHeight ?? 0);
        top += (clientHeight ?? 400) - 40, n += 1
      ) {
        await body.evaluate((node, y) => node.scrollTo(0, y), top);
        await panel.screenshot({ path: join(ARTIFACTS_DIR, `popover-full-${name}-${n}.png`) });
      }
      expect(await panel.evaluate((node) => node.querySelectorAll('svg[role="img"]').length)).toBe(
        name === 'actor' ? 0 : 3,
      );
      await page.close();
    },
  );

  test('hostile page CSS and a full-screen overlay at the top z-index change nothing', async () => {
    const page = await openPopover({ theme: 'light', hostile: true });
    const box = (await page.evaluate(READ_BOX)) as Record<string, unknown>;
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'popover-hostile.png') });
    expect([box.onTop, box.inViewport, box.fontSize, box.background, box.width]).toEqual([
      true,
      true,
      '13px',
      'rgb(255, 255, 255)',
      420,
    ]);
    // The page's ::before and ::after rules reach the host element, never its box.
    expect(
      await page.evaluate(() => {
        const host = document.querySelector('div[data-triangulate="popover"]') as Element;
        return [
          getComputedStyle(host, '::before').content,
          getComputedStyle(host, '::after').content,
        ];
      }),
    ).toEqual(['none', 'none']);
    await page.close();
  });

  test('opened from the keyboard: focus moves in, Tab cycles inside, Esc closes', async () => {
    const page = await openPopover({ theme: 'light', focus: true });
    const focused = () =>
      page.evaluate(() => {
        const root = document.querySelector('div[data-triangulate="popover"]')?.shadowRoot;
        const active = root?.activeElement;
        if (!active) return 'outside';
        // A quote's summary is named by its text; the other elements by their class.
        const name = active.closest('.tg-quote') ? active.textContent : active.className;
        return `${active.tagName.toLowerCase()}.${name}`;
      });
    expect(await focused()).toBe('div.tg-panel tg-theme-light');
    // Close button, the scrollable body (arrow keys scroll it), "why linked", each
    // report figure's quote (4 figures), then round again.
    const order: string[] = [];
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      order.push(await focused());
    }
    expect(order).toEqual([
      'button.tg-close',
      'div.tg-body',
      'summary.',
      'summary.Quote',
      'summary.Quote',
      'summary.Quote',
      'summary.Quote',
      'button.tg-close',
      'summary.Quote',
    ]);
    // Enter opens the last figure's quote: the report's own words, readable without a pointer.
    await page.keyboard.press('Enter');
    expect(
      await page.evaluate(() => {
        const root = document.querySelector('div[data-triangulate="popover"]')?.shadowRoot;
        const open = root?.querySelectorAll('details.tg-quote[open] blockquote') ?? [];
        return [...open].map((quote) => (quote as HTMLElement).innerText.length > 10);
      }),
    ).toEqual([true]);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.triangulateGallery.closes)).toBe(1);
    expect(await page.locator('div[data-triangulate="popover"] [role="dialog"]').count()).toBe(0);
    await page.close();
  });

  test('axe finds no accessibility violation inside the popover', async () => {
    const page = await openPopover({ theme: 'light' });
    await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              c: unknown,
              o: unknown,
            ) => Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run({ include: [['div[data-triangulate="popover"]']] }, {});
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
