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
  const firstCompared = summary.figures.findIndex((figure) => figure.incidentId !== null);
  if (firstCompared >= 0) {
    await sendToPage(browser, page, 'page.reveal', { kind: 'figure', index: firstCompared });
    await page.waitForTimeout(400);
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
