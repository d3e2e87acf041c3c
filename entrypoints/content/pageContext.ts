/**
 * The content script's hold on the page: whether the extension it belongs to
 * is still there, and when the page's address changes without a load (a
 * single-page site's pushState). WXT's ContentScriptContext gives the same,
 * but its class is compiled into the injected script and run on every page
 * (about 1 ms of main thread on the seed pages, docs/performance.md round 6);
 * this lives in the main script, read from Chromium's code cache.
 *
 * WXT's context also tells an older copy of the script to stop when a newer
 * one is injected into the same page. Triangulate never injects into open
 * pages (the manifest's content script runs on page loads only), so an old
 * copy left by an update or a reload finds out here instead: once a second
 * it checks that the extension's runtime id is still there, and when it is
 * gone the onInvalidated callbacks take everything off the page. (Chromium
 * gives an orphaned content script no event for it.)
 */

export interface PageContext {
  /** True once the extension was reloaded, updated or removed; runs the onInvalidated callbacks once. */
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): void;
  /** Called when the page's address changes without a load (pushState, replaceState, a fragment). */
  onLocationChange(callback: () => void): void;
}

export interface PageContextOptions {
  /** False once the extension is gone (its runtime id is undefined then). */
  extensionAlive: () => boolean;
  /** How often to check that the extension is still there, and to compare the address where the Navigation API is missing. */
  checkMs?: number;
}

interface NavigationLike {
  addEventListener(
    type: 'navigate',
    listener: (event: { destination: { url: string } }) => void,
    options: { signal: AbortSignal },
  ): void;
}

export function createPageContext(win: Window, options: PageContextOptions): PageContext {
  const aborter = new AbortController();
  const { signal } = aborter;
  let watching = false;
  /** True where address changes are found by comparing the address at each check. */
  let comparing = false;
  const changeCallbacks: (() => void)[] = [];
  let lastUrl = win.location.href;
  const isInvalid = () => {
    if (!signal.aborted && !options.extensionAlive()) aborter.abort();
    return signal.aborted;
  };

  const changedTo = (url: string) => {
    if (url === lastUrl) return;
    lastUrl = url;
    for (const callback of changeCallbacks) callback();
  };

  /** The Navigation API where there is one (Chromium 102+), else a comparison at every check. */
  const watch = () => {
    if (watching || signal.aborted) return;
    watching = true;
    const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener('navigate', (event) => changedTo(event.destination.url), {
        signal,
      });
      return;
    }
    comparing = true;
  };

  // One timer for both jobs; it stops when the context is invalid.
  const timer = win.setInterval(() => {
    if (!isInvalid() && comparing) changedTo(win.location.href);
  }, options.checkMs ?? 1000);
  signal.addEventListener('abort', () => win.clearInterval(timer));

  return {
    get isInvalid() {
      return isInvalid();
    },
    onInvalidated(callback) {
      signal.addEventListener('abort', callback, { once: true });
    },
    onLocationChange(callback) {
      changeCallbacks.push(callback);
      watch();
    },
  };
}
