/**
 * The popover's UI as a script of its own (Preact, Floating UI, the popover
 * model and components), kept out of the content script so pages that are
 * never hovered do not pay for it. The content script imports it on first
 * use (entrypoints/content/popoverUi.ts); evaluating it registers the mount
 * API on the content script's isolated-world global.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPopoverHost, warmUpPopover } from './content/popover';
import { registerPopoverUi } from './content/popoverUi';

export default defineUnlistedScript(() => {
  registerPopoverUi({ createPopoverHost, warmUpPopover });
});
