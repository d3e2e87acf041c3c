/**
 * `npm start`: the demo. Builds the extension, serves the fixture pages on
 * 127.0.0.1 and opens Chromium with the extension on the seed 000 article.
 * With a display it stays open until Ctrl-C; without one (no DISPLAY) it runs
 * headless, waits for the highlights, saves artifacts/demo.png and exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, launchWithExtension, ROOT, serveDirectory } from '../test/e2e/harness';
import { sendToPage, settledSummary } from '../test/e2e/overlay.helpers';

const DEMO_PAGE = '000_730a5c529c7b08ea.html';

async function main(): Promise<void> {
  console.log('Building the extension (wxt build)...');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`wxt build failed (exit ${build.status})`);

  const server = await serveDirectory();
  const headless = !process.env.DISPLAY;
  const browser = await launchWithExtension({ headless });
  const page = await browser.context.newPage();
  await page.goto(server.url(DEMO_PAGE));
  const summary = await settledSummary(browser, page);
  console.log(
    `Triangulate: ${summary.state}; linked ${summary.incidents.map((i) => i.title).join('; ') || 'nothing'}`,
  );
  console.log('Annotations:', summary.counts);
  if (summary.error) console.log('Error:', summary.error);
  // Open the first compared figure's popover, as a reader hovering it would.
  // Only a figure compared with other reports is highlighted, so only such a
  // figure can be revealed ("At Least 10" in a headline links but compares with nothing).
  const compared = summary.figures.find(
    (figure) => figure.verdict !== null && figure.verdict !== 'no-comparable',
  );
  if (compared !== undefined) {
    // Bring the first verdict highlight (that figure) a sixth of the way down,
    // so its popover opens below it with room to show the reports.
    await page.evaluate(() => {
      const names = ['agrees', 'disputed', 'outside'].map((v) => `triangulate-figure-${v}`);
      const tops = names.flatMap((name) =>
        [...(CSS.highlights.get(name) ?? [])].map(
          (range) => (range as Range).getBoundingClientRect().top + scrollY,
        ),
      );
      if (tops.length > 0)
        scrollTo({ top: Math.min(...tops) - innerHeight / 6, behavior: 'instant' });
    });
    const { ok } = await sendToPage<{ ok: boolean }>(browser, page, 'page.reveal', {
      kind: 'figure',
      index: compared.index,
    });
    if (ok) {
      // The popover's UI loads on first use; Floating UI places it on the next frame.
      await page.waitForFunction(() => {
        const host = document.querySelector('div[data-triangulate="popover"]');
        return Boolean(host?.shadowRoot?.querySelector('[role="dialog"]'));
      });
      await page.waitForTimeout(300);
      console.log(`Popover open on "${compared.text}"`);
    } else console.log(`Could not open the popover of "${compared.text}"`);
  }

  if (headless) {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, 'demo.png');
    await page.screenshot({ path });
    console.log(`No display: ran headless. Screenshot: ${path}`);
    await browser.close();
    await server.close();
    return;
  }

  console.log(`Demo open at ${server.url(DEMO_PAGE)} - press Ctrl-C to quit.`);
  const quit = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void quit());
  process.once('SIGTERM', () => void quit());
  browser.context.on('close', () => void quit());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
