import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// WXT has no Preact module: the Vite preset compiles JSX for Preact.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: the code reads without knowing WXT's auto-import list.
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // The content script runs on every page, so it goes without the polyfill
    // (a tenth of its size): what it calls - storage, runtime messaging,
    // getURL - returns promises natively in Chromium's MV3 `chrome` and
    // Firefox's `browser`. Every other context keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
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
    // Imported by the content script when needed: the popover's UI on first use
    // (entrypoints/content/popoverUi.ts). Pages are read in the background.
    web_accessible_resources: [
      { resources: ['popover-ui.js'], matches: ['http://*/*', 'https://*/*'] },
    ],
    // Extension pages (popup, options) run only their own bundled scripts: no
    // inline or remote script, no plugins, no <base> rewriting, never framed.
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
    browser_specific_settings: {
      gecko: { id: 'triangulate@example.org', strict_min_version: '128.0' },
    },
  },
});
