/**
 * The seam between the content script and its lazily loaded popover UI.
 * Preact, Floating UI and the popover's model are most of what the popover
 * weighs, and most pages are never hovered, so they are built as their own
 * script (entrypoints/popover-ui.ts, a web-accessible resource). The content
 * script imports it on first use; evaluated in the content script's isolated
 * world, it registers its API on that world's global, where the page cannot
 * see it. This module holds only the name, the shape and the loader.
 */
import type { PopoverHost, PopoverHostOptions } from './popover';

export interface PopoverUi {
  createPopoverHost(options: PopoverHostOptions): PopoverHost;
}

/** The isolated world's global the UI script registers itself under. */
export const POPOVER_UI_GLOBAL = '__triangulatePopoverUi';

/** Where the UI script lies in the extension's package. */
export const POPOVER_UI_PATH = '/popover-ui.js';

type UiGlobal = { [POPOVER_UI_GLOBAL]?: PopoverUi };

/** Called by the UI script when it is evaluated. */
export function registerPopoverUi(ui: PopoverUi, global: object = globalThis): void {
  (global as UiGlobal)[POPOVER_UI_GLOBAL] = ui;
}

/** The registered UI, or null before the script has run. */
export function registeredPopoverUi(global: object = globalThis): PopoverUi | null {
  return (global as UiGlobal)[POPOVER_UI_GLOBAL] ?? null;
}

/**
 * Imports the UI script once (later calls share the first promise; a failed
 * load is retried on the next call). `importScript` is the dynamic import of
 * an extension URL, passed in so tests need no browser.
 */
export function createPopoverUiLoader(
  url: () => string,
  importScript: (url: string) => Promise<unknown>,
  global: object = globalThis,
): () => Promise<PopoverUi> {
  let loading: Promise<PopoverUi> | null = null;
  return () => {
    const ready = registeredPopoverUi(global);
    if (ready !== null) return Promise.resolve(ready);
    loading ??= importScript(url())
      .then(() => {
        const ui = registeredPopoverUi(global);
        if (ui === null) throw new Error('The popover script loaded but did not register itself');
        return ui;
      })
      .catch((error: unknown) => {
        loading = null;
        throw error;
      });
    return loading;
  };
}
