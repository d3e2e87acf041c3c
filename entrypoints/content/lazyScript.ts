/**
 * Scripts the content script loads only when a page needs them (the popover's
 * UI, the figure reader): each is built on its own, listed as a
 * web-accessible resource, and imported from the extension's package. Once
 * evaluated in the content script's isolated world, a script registers its API
 * on that world's global under a name of its own, where the page cannot see
 * it. This module holds the registry and the loader both scripts share.
 */

type Registry = Record<string, unknown>;

/** Called by a lazily loaded script when it is evaluated. */
export function registerOnGlobal<T>(name: string, api: T, global: object = globalThis): void {
  (global as Registry)[name] = api;
}

/** What a script registered under `name`, or null before it has run. */
export function registeredOnGlobal<T>(name: string, global: object = globalThis): T | null {
  return ((global as Registry)[name] as T | undefined) ?? null;
}

/**
 * Imports the script once (later calls share the first promise; a failed load
 * is retried on the next call). `importScript` is the dynamic import of an
 * extension URL, passed in so tests need no browser; `what` names the script
 * in the error when it loads but registers nothing.
 */
export function createScriptLoader<T>(
  name: string,
  what: string,
  url: () => string,
  importScript: (url: string) => Promise<unknown>,
  global: object = globalThis,
): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    const ready = registeredOnGlobal<T>(name, global);
    if (ready !== null) return Promise.resolve(ready);
    loading ??= importScript(url())
      .then(() => {
        const api = registeredOnGlobal<T>(name, global);
        if (api === null) throw new Error(`${what} loaded but did not register itself`);
        return api;
      })
      .catch((error: unknown) => {
        loading = null;
        throw error;
      });
    return loading;
  };
}
