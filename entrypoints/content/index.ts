/**
 * The content script: a bootstrap, and no database. It imports the main
 * script (./mainScript.ts, ./main.ts) from the extension's package and runs
 * it with WXT's context, which says when the extension reloads or updates.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createMainScriptLoader, MAIN_SCRIPT_PATH, type MainScript } from './mainScript';

const loadMainScript = createMainScriptLoader(
  () => browser.runtime.getURL(MAIN_SCRIPT_PATH),
  (url) => import(/* @vite-ignore */ url),
);

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
    let script: MainScript;
    try {
      script = await loadMainScript();
    } catch (caught) {
      // A broken or half-updated package: say so once, and leave the page alone.
      const reason = caught instanceof Error ? caught.message : String(caught);
      console.warn('Triangulate could not load on this page:', reason.slice(0, 300));
      return;
    }
    if (!ctx.isInvalid) await script.runContentScript(ctx);
  },
});
