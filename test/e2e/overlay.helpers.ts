/**
 * How end-to-end tests read the content script's state: through the same
 * 'page.summary' message the popup sends, from the extension's service worker
 * (chrome.tabs.sendMessage with the protocol's envelope), never from the
 * page's DOM, which the extension leaves alone.
 */
import type { Page } from 'playwright-core';
import type { PageSummaryReply, Reply } from '../../messaging/protocol';
import type { ExtensionBrowser } from './harness';

/** Sends a popup-to-content message to the tab showing `page` and returns its reply's data. */
export async function sendToPage<T>(
  browser: ExtensionBrowser,
  page: Page,
  type: string,
  payload: unknown = {},
): Promise<T> {
  await page.bringToFront();
  const reply = (await browser.worker.evaluate(
    // Runs in the service worker: the message travels as the argument.
    async (message) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) return { ok: false, error: 'no active tab' };
      return chrome.tabs.sendMessage(tab.id, message);
    },
    { type, payload },
  )) as Reply<T> | undefined;
  if (!reply) throw new Error(`no reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/** The page's summary once the content script has finished (ready, error or off). */
export async function settledSummary(
  browser: ExtensionBrowser,
  page: Page,
  timeoutMs = 20_000,
): Promise<PageSummaryReply> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const summary = await sendToPage<PageSummaryReply>(browser, page, 'page.summary');
      if (summary.state !== 'running') return summary;
      last = summary.state;
    } catch (error) {
      last = error; // the content script may not be listening yet
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`page.summary did not settle: ${String(last)}`);
}

declare const chrome: {
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};
