/**
 * The content script: small, and no database. It reads the user's settings,
 * runs a session (./session.ts) while Triangulate is on for this site, stops
 * it the moment the settings say off (browser.storage.onChanged), and answers
 * the popup ('page.summary', 'page.reveal') and the background's shortcut
 * commands ('page.step'). It adds nothing to the page's DOM to report its
 * state, and everything it adds goes when the extension reloads or updates.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isEnabledFor, migrateSettings, SETTINGS_KEY, type Settings } from '../../core/settings';
import { handleMessages, sendMessage, type PageSummaryReply } from '../../messaging/protocol';
import { createPopoverHost } from './popover';
import { createSession, type Session } from './session';

const OFF_SUMMARY: Omit<PageSummaryReply, 'enabledForSite'> = {
  state: 'off',
  error: null,
  incidents: [],
  actors: [],
  places: [],
  figures: [],
  counts: { actor: 0, place: 0, incident: 0, figure: 0 },
};

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    if (!document.body) return;
    let session: Session | null = null;
    let settings: Settings = migrateSettings(undefined);
    const enabled = () => isEnabledFor(settings, location.hostname);

    const apply = (next: Settings) => {
      settings = next;
      if (ctx.isInvalid) return;
      if (!enabled()) {
        session?.destroy();
        session = null;
      } else if (session === null) {
        session = createSession({
          win: window,
          settings,
          lexicon: () => sendMessage('lexicon.get', {}),
          resolve: (evidence, pageUrl) => sendMessage('page.resolve', { evidence, pageUrl }),
          createPopover: (options) => createPopoverHost(options),
        });
      } else {
        session.updateSettings(settings);
      }
    };

    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) {
        apply(migrateSettings(changes[SETTINGS_KEY]?.newValue));
      }
    };
    browser.storage.onChanged.addListener(onStorage);
    const stopHandling = handleMessages({
      'page.summary': () => session?.summary() ?? { ...OFF_SUMMARY, enabledForSite: enabled() },
      'page.reveal': (request) => ({ ok: session?.reveal(request) ?? false }),
      'page.step': ({ direction }) => ({ ok: session?.step(direction) ?? false }),
    });
    // Client-side navigation (pushState): read the page again and ask the background again.
    ctx.addEventListener(window, 'wxt:locationchange', () => void session?.rescan(true));
    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(onStorage);
      stopHandling();
      session?.destroy();
      session = null;
    });

    const stored = await browser.storage.local.get(SETTINGS_KEY);
    apply(migrateSettings(stored[SETTINGS_KEY]));
  },
});
