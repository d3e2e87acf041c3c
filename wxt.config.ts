import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

/** Scripts the content script imports into its isolated world (see entrypoints/content/lazyScript.ts). */
const CONTENT_WORLD_SCRIPTS = new Set(['content-bootstrap', 'content-main', 'popover-ui']);

/**
 * Puts V8's compile hint first in the content script's main script: every
 * function is compiled with the script, not parsed twice (once ahead, once on
 * its first call). It runs nearly all of its code on every page it annotates,
 * and Chromium's code cache for the script then holds all of it compiled
 * (entrypoints/content/mainScript.ts).
 */
function compileAllFunctionsOnLoad(): Plugin {
  return {
    name: 'triangulate:compile-all-functions-on-load',
    // After minifying (which drops comments) and after WXT unnames the IIFE.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry) {
          chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      }
    },
  };
}

// WXT has no Preact module: the Vite preset compiles JSX for Preact.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: the code reads without knowing WXT's auto-import list.
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // The content script runs on every page, so it and the scripts it imports
    // go without the polyfill (a tenth of its size): what they call - storage,
    // runtime messaging, getURL - returns promises natively in Chromium's MV3
    // `chrome` and Firefox's `browser`. Every other context keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.name === 'content-main')) {
        config.plugins = [...(config.plugins ?? []), compileAllFunctionsOnLoad()];
      }
      const inContentWorld = (entrypoint: { type: string; name: string }) =>
        entrypoint.type === 'content-script' || CONTENT_WORLD_SCRIPTS.has(entrypoint.name);
      if (!entrypoints.every(inContentWorld)) return;
      const alias = config.resolve?.alias;
      if (alias !== undefined && !Array.isArray(alias) && 'wxt/browser' in alias) {
        (alias as Record<string, string>)['wxt/browser'] = '@wxt-dev/browser';
      }
    },
  },
  manifest: {
    name: 'Triangulate',
    description:
      'Annotates news pages with cross-source context: who reported how many killed, wounded or captured, and on whose word.',
    // alarms: scheduled dataset sync. Dataset sources on other hosts are asked
    // for one origin at a time when the user adds them (entrypoints/options/permission.ts).
    // activeTab: the toggle-site shortcut reads the active tab's address.
    permissions: ['storage', 'alarms', 'contextMenus', 'activeTab'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'next-annotation': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next annotation on the page',
      },
      'previous-annotation': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous annotation on the page',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: 'Turn Triangulate off or on for this site',
      },
    },
    // The content script: a bootstrap built as an unlisted script
    // (entrypoints/content-bootstrap.ts), listed here by hand rather than
    // through WXT's defineContentScript, whose wrapper would be compiled into
    // every page with it.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['content-bootstrap.js'],
        run_at: 'document_idle',
      },
    ],
    // Imported by the content script: its main script on every page
    // (entrypoints/content/mainScript.ts), the popover's UI on first use
    // (entrypoints/content/popoverUi.ts). Pages are read in the background.
    web_accessible_resources: [
      {
        resources: ['content-main.js', 'popover-ui.js'],
        matches: ['http://*/*', 'https://*/*'],
      },
    ],
    // Extension pages (popup, options) and the service worker run only their own
    // bundled scripts: no inline or remote script, no plugins, no <base>
    // rewriting, never framed. 'wasm-unsafe-eval' lets them compile the
    // matcher's first pass, which ships in the package as WebAssembly
    // (core/candidatePass.wat); it allows no eval of JavaScript.
    content_security_policy: {
      extension_pages:
        "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
    browser_specific_settings: {
      gecko: { id: 'triangulate@example.org', strict_min_version: '128.0' },
    },
  },
});
