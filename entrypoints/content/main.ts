/**
 * What the content script does on a page, in the main script it imports
 * (./mainScript.ts): it reads the user's settings (the fields it needs,
 * ./contentSettings.ts), runs a session (./session.ts, started by
 * ./startSession.ts) while Triangulate is on for this site, stops it the
 * moment the settings say off (browser.storage.onChanged), and answers the
 * popup ('page.summary', 'page.reveal') and the background's shortcut
 * commands ('page.step'). It adds nothing to the page's DOM to report its
 * state, and everything it adds goes when the extension reloads or updates
 * (./pageContext.ts says when).
 */
import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../../core/settings';
import { enabledForHost, readContentSettings, type ContentSettings } from './contentSettings';
import { handleContentMessages } from './messages';
import { createPageContext } from './pageContext';
import type { Session } from './session';
import { startSession } from './startSession';
import { pageOf, summaryWithoutSession } from './summary';

export async function runContentScript(): Promise<void> {
  const ctx = createPageContext(window, {
    extensionAlive: () => browser.runtime?.id !== undefined,
  });
  let session: Session | null = null;
  let settingsRead = false;
  let settings: ContentSettings = readContentSettings(undefined);
  const enabled = () => enabledForHost(settings, location.hostname);

  const apply = (next: ContentSettings) => {
    settings = next;
    if (ctx.isInvalid) return;
    if (!enabled()) {
      session?.destroy();
      session = null;
    } else if (session === null) {
      session = startSession(settings);
    } else {
      session.updateSettings(settings);
    }
  };

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) {
      apply(readContentSettings(changes[SETTINGS_KEY]?.newValue));
    }
  };
  browser.storage.onChanged.addListener(onStorage);
  const stopHandling = handleContentMessages({
    'page.summary': () =>
      session?.summary() ??
      summaryWithoutSession(settingsRead, enabled(), pageOf(location.href, null, document.title)),
    'page.reveal': (request) => ({ ok: session?.reveal(request) ?? false }),
    'page.step': ({ direction }) => ({ ok: session?.step(direction) ?? false }),
  });
  // Client-side navigation (pushState): read the page again and ask the background again.
  ctx.onLocationChange(() => void session?.rescan(true));
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorage);
    stopHandling();
    session?.destroy();
    session = null;
  });

  const stored = await browser.storage.local.get(SETTINGS_KEY);
  settingsRead = true;
  apply(readContentSettings(stored[SETTINGS_KEY]));
}
