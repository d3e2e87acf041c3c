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
 * copy left by an update or a reload finds out here instead: the extension's
 * runtime id is gone, and `isInvalid` says so.
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
  /** How often to compare the address where the Navigation API is missing. */
  pollMs?: number;
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
  const changeCallbacks: (() => void)[] = [];
  let lastUrl = win.location.href;

  const changedTo = (url: string) => {
    if (url === lastUrl) return;
    lastUrl = url;
    for (const callback of changeCallbacks) callback();
  };

  /** The Navigation API where there is one (Chromium 102+), else a comparison every pollMs. */
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
    const timer = win.setInterval(() => changedTo(win.location.href), options.pollMs ?? 1000);
    signal.addEventListener('abort', () => win.clearInterval(timer));
  };

  return {
    get isInvalid() {
      if (!signal.aborted && !options.extensionAlive()) aborter.abort();
      return signal.aborted;
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
