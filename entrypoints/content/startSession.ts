/**
 * A session wired to the extension: the background reads the page
 * (page.read, over a port when the text is long), entities come from the
 * background on a popover's demand, and the popover's UI is a script of its
 * own loaded when the page is idle.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../../messaging/send';
import type { ContentSettings } from './contentSettings';
import { createLazyPopoverHost } from './lazyPopover';
import { createPageRead } from './pageRead';
import { createPopoverUiLoader, POPOVER_UI_PATH } from './popoverUi';
import { createSession, type Session } from './session';

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

export function startSession(settings: ContentSettings): Session {
  return createSession({
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
}
