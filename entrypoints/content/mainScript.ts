/**
 * The seam between the content script and the main script it imports. The
 * content script the manifest injects into every page is only a bootstrap
 * (entrypoints/content-bootstrap.ts): it imports the main script
 * (entrypoints/content-main.ts, a web-accessible resource: ./main.ts and
 * everything it uses) and runs it.
 * Chromium compiles an injected content script anew on every page, on the
 * page's main thread, but keeps a code cache for a script imported from the
 * extension's package: on a warm load the main script's code is read from
 * that cache, compiled ahead in full (see wxt.config.ts), instead of being
 * parsed and then compiled function by function while the page waits.
 */
import { createScriptLoader, registerOnGlobal } from './lazyScript';

export interface MainScript {
  runContentScript(): Promise<void>;
}

/** The isolated world's global the main script registers itself under. */
export const MAIN_SCRIPT_GLOBAL = '__triangulateMain';

/** Where the main script lies in the extension's package. */
export const MAIN_SCRIPT_PATH = '/content-main.js';

/** Called by the main script when it is evaluated. */
export function registerMainScript(script: MainScript, global: object = globalThis): void {
  registerOnGlobal(MAIN_SCRIPT_GLOBAL, script, global);
}

/** Imports the main script once; see createScriptLoader. */
export function createMainScriptLoader(
  url: () => string,
  importScript: (url: string) => Promise<unknown>,
  global: object = globalThis,
): () => Promise<MainScript> {
  return createScriptLoader<MainScript>(
    MAIN_SCRIPT_GLOBAL,
    'The main script',
    url,
    importScript,
    global,
  );
}
