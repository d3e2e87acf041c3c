/**
 * The content script's work as a script of its own (entrypoints/content/main.ts
 * and everything it uses), imported by the content script on every page
 * (entrypoints/content/mainScript.ts explains why); evaluating it registers
 * runContentScript on the content script's isolated-world global.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runContentScript } from './content/main';
import { registerMainScript } from './content/mainScript';

export default defineUnlistedScript(() => {
  registerMainScript({ runContentScript });
});
