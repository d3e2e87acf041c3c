/**
 * The seam between the content script and its lazily loaded popover UI.
 * Preact, Floating UI and the popover's model are most of what the popover
 * weighs, and most pages are never hovered, so they are built as their own
 * script (entrypoints/popover-ui.ts, a web-accessible resource) that the
 * content script imports on first use (./lazyScript.ts). This module holds
 * only the name, the shape and the loader.
 */
import { createScriptLoader, registerOnGlobal, registeredOnGlobal } from './lazyScript';
import type { PopoverHost, PopoverHostOptions, warmUpPopover } from './popover';

export interface PopoverUi {
  createPopoverHost(options: PopoverHostOptions): PopoverHost;
  /** Optional: a UI script of an older build may not have it. */
  warmUpPopover?: typeof warmUpPopover;
}

/** The isolated world's global the UI script registers itself under. */
export const POPOVER_UI_GLOBAL = '__triangulatePopoverUi';

/** Where the UI script lies in the extension's package. */
export const POPOVER_UI_PATH = '/popover-ui.js';

/** Called by the UI script when it is evaluated. */
export function registerPopoverUi(ui: PopoverUi, global: object = globalThis): void {
  registerOnGlobal(POPOVER_UI_GLOBAL, ui, global);
}

/** The registered UI, or null before the script has run. */
export function registeredPopoverUi(global: object = globalThis): PopoverUi | null {
  return registeredOnGlobal<PopoverUi>(POPOVER_UI_GLOBAL, global);
}

/** Imports the UI script once; see createScriptLoader. */
export function createPopoverUiLoader(
  url: () => string,
  importScript: (url: string) => Promise<unknown>,
  global: object = globalThis,
): () => Promise<PopoverUi> {
  return createScriptLoader<PopoverUi>(
    POPOVER_UI_GLOBAL,
    'The popover script',
    url,
    importScript,
    global,
  );
}
