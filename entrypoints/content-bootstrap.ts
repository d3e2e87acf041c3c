/**
 * The content script: what the manifest injects into every page, and all of
 * it is this bootstrap. It imports the main script (entrypoints/content/mainScript.ts,
 * entrypoints/content/main.ts) from the extension's package and runs it. No
 * database, no framework: Chromium compiles an injected script again on every
 * page, so it holds nothing else (not even WXT's content-script wrapper, whose
 * context class cost about 1 ms a page and whose start-up message to the page
 * about 3 ms more: entrypoints/content/pageContext.ts does that job from the
 * main script). Listed in the manifest by wxt.config.ts.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createMainScriptLoader, MAIN_SCRIPT_PATH, type MainScript } from './content/mainScript';

const loadMainScript = createMainScriptLoader(
  () => browser.runtime.getURL(MAIN_SCRIPT_PATH),
  (url) => import(/* @vite-ignore */ url),
);

export default defineUnlistedScript(async () => {
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
  await script.runContentScript();
});
