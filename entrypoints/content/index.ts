/**
 * The content script: small, and no database. It reads the user's settings
 * (the fields it needs, ./contentSettings.ts),
 * runs a session (./session.ts) while Triangulate is on for this site, stops
 * it the moment the settings say off (browser.storage.onChanged), and answers
 * the popup ('page.summary', 'page.reveal') and the background's shortcut
 * commands ('page.step'). It adds nothing to the page's DOM to report its
 * state, and everything it adds goes when the extension reloads or updates.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SETTINGS_KEY } from '../../core/settings';
import { sendMessage } from '../../messaging/send';
import { enabledForHost, readContentSettings, type ContentSettings } from './contentSettings';
import { createLazyPopoverHost } from './lazyPopover';
import { createPopoverUiLoader, POPOVER_UI_PATH } from './popoverUi';
import { handleContentMessages } from './messages';
import { createPageRead } from './pageRead';
import { createSession, type Session } from './session';
import { pageOf, summaryWithoutSession } from './summary';

/** The popover's UI is a script of its own, imported from the extension's package on first use. */
const loadPopoverUi = createPopoverUiLoader(
  () => browser.runtime.getURL(POPOVER_UI_PATH),
  (url) => import(/* @vite-ignore */ url),
);

/** The page's text read and linked by the background, in parts when it is long. */
const readPage = createPageRead({
  send: (request) => sendMessage('page.read', request),
  connect: (name) => browser.runtime.connect({ name }),
});

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT tells an older copy of this script to stop with a DOM event; its extra
  // window.postMessage, kept only for old WXT versions, reaches the page's own
  // message listeners, and Chromium records where it was sent from, which makes
  // V8 reparse the whole script for source positions (about 3 ms on every page).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    if (!document.body) return;
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
        session = createSession({
          win: window,
          settings,
          read: readPage,
          preloadPopover: async (target, theme) =>
            (await loadPopoverUi()).warmUpPopover?.(document, target, theme),
          createPopover: (options) =>
            createLazyPopoverHost(
              { ...options, loadEntity: (kind, id) => sendMessage('entity.get', { kind, id }) },
              loadPopoverUi,
            ),
        });
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
    ctx.addEventListener(window, 'wxt:locationchange', () => void session?.rescan(true));
    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(onStorage);
      stopHandling();
      session?.destroy();
      session = null;
    });

    const stored = await browser.storage.local.get(SETTINGS_KEY);
    settingsRead = true;
    apply(readContentSettings(stored[SETTINGS_KEY]));
  },
});
