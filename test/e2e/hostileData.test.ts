/**
 * Hostile data in Chromium: a synced dataset whose strings carry HTML and
 * script payloads (a title of `<img src=x onerror=...>`, a quote with
 * <script>, an outlet named with an <svg onload>) is installed through the
 * real sync path, then shown in the popover and the popup. Everything must
 * render as inert text: no element of the payload exists, no handler ran
 * (window.__pwned stays undefined), and the payload text is visible as text.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { Dataset } from '../../core/schema';
import { defaultSettings } from '../../core/settings';
import type { ExtensionBrowser } from './harness';
import { sendToPage, settledSummary } from './overlay.helpers';
import { launchWithHostPermission, sendFromPage, writeSettings } from './syncBrowser';
import {
  NEW_INCIDENT_ID,
  publish,
  startServer,
  withNewIncident,
  type TestServer,
} from '../unit/syncFixtures';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const SVG = '<svg onload="window.__pwned=3"></svg>';
const IFRAME = '<iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>';

/** withNewIncident's dataset with a payload in every string the popover and popup show. */
function hostileDataset(): Dataset {
  const data = withNewIncident(2);
  const incident = data.incidents.find((i) => i.id === NEW_INCIDENT_ID)!;
  incident.title = `${IMG}Sarband ambush${SCRIPT}`;
  incident.summary = `${IFRAME} summary ${SVG}`;
  const report = data.reports.find((r) => r.incidentId === NEW_INCIDENT_ID)!;
  report.title = `${SCRIPT}Six border guards killed`;
  const outlet = data.outlets.find((o) => o.id === report.outletId)!;
  outlet.name = `${SVG}Outlet`;
  const figure = data.figures.find((f) => f.incidentId === NEW_INCIDENT_ID)!;
  figure.quote = `${IMG} six border guards were killed`;
  figure.attributedTo = `${IFRAME}the border service`;
  figure.sideLabel = `${IMG}border guards`;
  const actor = data.actors.find((a) => a.id === 'ilhom-sabzaliev')!;
  actor.description = `${IMG}${SCRIPT}`;
  return data;
}

const ARTICLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Six border guards killed in ambush at Sarband checkpoint</title>
<meta property="article:published_time" content="2024-03-15T08:00:00Z">
</head><body><article>
<h1>Six border guards killed in ambush at Sarband checkpoint</h1>
<p>DUSHANBE, March 15 - Six border guards were killed on Thursday when gunmen led by
Ilhom Sabzaliev attacked the Sarband checkpoint in Khatlon region, the border service said.</p>
<p>The Sarband checkpoint ambush is the deadliest attack on the border this year.</p>
</article></body></html>`;

let browser: ExtensionBrowser;
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  server.serve(await publish(hostileDataset()));
  server.routes.set('/news/sarband.html', {
    body: ARTICLE,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
  browser = await launchWithHostPermission();
  await writeSettings(browser, {
    ...defaultSettings(),
    sources: [{ url: `${server.origin}/data/manifest.json`, publicKey: null, enabled: true }],
  });
  const popup = await openPopup();
  await sendFromPage(popup, 'sync.now', {});
  const deadline = Date.now() + 30_000;
  while ((await sendFromPage(popup, 'sync.status', {})).running && Date.now() < deadline) {
    await popup.waitForTimeout(200);
  }
  const status = await sendFromPage(popup, 'sync.status', {});
  if (status.running || status.lastError !== null) {
    throw new Error(`sync of the hostile dataset did not finish: ${JSON.stringify(status)}`);
  }
  await popup.close();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPopup(path = 'popup.html'): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 800 });
  await popup.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return popup;
}

/** Elements a payload would create, and the text, under `root` (a shadow root or a document), read in a fresh world. */
async function inspect(cdp: CDPSession, rootExpression: string) {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'hostile-data-reader',
  });
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: executionContextId,
    returnByValue: true,
    expression: `(() => {
      const root = ${rootExpression};
      if (!root) return null;
      return {
        payloadElements: root.querySelectorAll('img[src="x"], script:not([src]), svg[onload], iframe[srcdoc], [onerror], [onload]').length,
        text: root.textContent.replace(/\\s+/g, ' '),
      };
    })()`,
  });
  return result.value as { payloadElements: number; text: string } | null;
}

const pwned = async (cdp: CDPSession) =>
  (await cdp.send('Runtime.evaluate', { expression: 'typeof window.__pwned', returnByValue: true }))
    .result.value as string;

describe('a dataset carrying HTML and script payloads', () => {
  test('the popover shows them as text: no element, no handler ran', async () => {
    const page = await browser.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${server.origin}/news/sarband.html`);
    const summary = await settledSummary(browser, page);
    expect(summary.incidents.map((incident) => incident.incidentId)).toEqual([NEW_INCIDENT_ID]);
    const figure = summary.figures.find((f) => f.verdict !== null && f.verdict !== 'no-comparable');
    expect(figure).toBeDefined();
    expect(
      await sendToPage(browser, page, 'page.reveal', { kind: 'figure', index: figure!.index }),
    ).toEqual({ ok: true });
    await expect
      .poll(
        async () =>
          (
            await inspect(
              cdp,
              `document.querySelector('div[data-triangulate="popover"]')?.shadowRoot`,
            )
          )?.text ?? '',
      )
      .toContain('Sarband ambush');
    const popover = await inspect(
      cdp,
      `document.querySelector('div[data-triangulate="popover"]').shadowRoot`,
    );
    expect(popover!.payloadElements).toBe(0);
    expect(popover!.text).toContain(`${IMG}Sarband ambush${SCRIPT}`);
    await page.waitForTimeout(500); // an onerror would have fired by now
    expect(await pwned(cdp)).toBe('undefined');
    await page.close();
  });

  test('the popup checking a figure shows them as text: no element, no handler ran', async () => {
    const popup = await openPopup(
      `popup.html?claim=${encodeURIComponent('6 border guards killed in the Sarband checkpoint ambush')}`,
    );
    const cdp = await popup.context().newCDPSession(popup);
    await expect
      .poll(async () => (await inspect(cdp, 'document.body'))?.text ?? '', { timeout: 15_000 })
      .toContain('Sarband ambush');
    const shown = await inspect(cdp, 'document.body');
    expect(shown!.payloadElements).toBe(0);
    expect(shown!.text).toContain('<img src=x onerror="window.__pwned=1">');
    await popup.waitForTimeout(500);
    expect(await pwned(cdp)).toBe('undefined');
    await popup.close();
  });
});
