/**
 * "Check this figure with Triangulate" on selected text: the background keeps
 * the selection for the popup to take once ('claim.pending') and opens the
 * popup where the browser allows it (action.openPopup), or else the popup
 * page in a new tab with the claim in its address. The selection is page
 * text: it is cut to a claim's length and only ever shown as text.
 */
import { browser } from 'wxt/browser';
import { MAX_CLAIM_LENGTH } from '../../core/checkClaim';

export const MENU_ID = 'triangulate-check-figure';
const PENDING_KEY = 'pendingClaim';
/** A selection not taken within this time is stale: the user moved on. */
const PENDING_TTL_MS = 5 * 60_000;

type Area = typeof browser.storage.local;

/** Session storage where the browser has it (cleared on restart), else local. */
function area(): Area {
  const session = (browser.storage as { session?: Area }).session;
  return session ?? browser.storage.local;
}

export async function storePendingClaim(text: string, now: number = Date.now()): Promise<void> {
  await area().set({ [PENDING_KEY]: { text: text.slice(0, MAX_CLAIM_LENGTH), at: now } });
}

export async function takePendingClaim(now: number = Date.now()): Promise<string | null> {
  const stored = (await area().get(PENDING_KEY))[PENDING_KEY] as
    { text?: unknown; at?: unknown } | undefined;
  await area().remove(PENDING_KEY);
  if (stored === undefined || typeof stored.text !== 'string' || typeof stored.at !== 'number') {
    return null;
  }
  return now - stored.at <= PENDING_TTL_MS ? stored.text : null;
}

/** The popup page with a claim to prefill. */
export function popupUrlFor(text: string): string {
  return browser.runtime.getURL(
    `/popup.html?claim=${encodeURIComponent(text.slice(0, MAX_CLAIM_LENGTH))}`,
  );
}

/** Creates the menu item (on install and update) and answers its clicks. */
export function startContextMenu(): void {
  const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
  if (menus === undefined) return;
  browser.runtime.onInstalled.addListener(() => {
    menus.create(
      { id: MENU_ID, title: 'Check this figure with Triangulate', contexts: ['selection'] },
      // The item survives from the last run on update: "duplicate id" is fine.
      () => void browser.runtime.lastError,
    );
  });
  menus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    void openCheck(info.selectionText.trim());
  });
}

async function openCheck(text: string): Promise<void> {
  await storePendingClaim(text);
  const action = browser.action as { openPopup?: () => Promise<void> } | undefined;
  try {
    if (action?.openPopup === undefined) throw new Error('no openPopup');
    await action.openPopup();
  } catch {
    // No popup API (or no focused window): the popup page in a tab does the same job.
    await takePendingClaim();
    await browser.tabs.create({ url: popupUrlFor(text) });
  }
}
