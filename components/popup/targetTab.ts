/**
 * Which tab the popup is about. As a real popup: the active tab of its
 * window. Opened as a page in a tab of its own (tests, the context menu
 * fallback): the tab named by ?tab=<id>, else the most recently used http(s)
 * tab of the window.
 */
import { browser, type Browser } from 'wxt/browser';

export type Tab = Browser.tabs.Tab;

export async function findTargetTab(search: string): Promise<Tab | null> {
  const named = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(named) && named > 0) {
    return browser.tabs.get(named).catch(() => null);
  }
  const own = await browser.tabs.getCurrent();
  if (own === undefined) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active ?? null;
  }
  const tabs = await browser.tabs.query({ windowId: own.windowId });
  const pages = tabs.filter((tab) => tab.id !== own.id && /^https?:/i.test(tab.url ?? ''));
  return pages.toSorted((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0] ?? null;
}

/** The tab's host name, or null for a page that is not http(s). */
export function hostOfTab(tab: Tab | null): string | null {
  return hostOfUrl(tab?.url ?? null);
}

export function hostOfUrl(url: string | null): string | null {
  if (!url || !/^https?:/i.test(url)) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
