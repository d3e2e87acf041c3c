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
  manifest: {
    name: 'Triangulate',
    description:
      'Annotates news pages with cross-source context: who reported how many killed, wounded or captured, and on whose word.',
    // alarms: scheduled dataset sync. Dataset sources on other hosts are asked
    // for one origin at a time when the user adds them (entrypoints/options/permission.ts).
    permissions: ['storage', 'alarms', 'contextMenus'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    browser_specific_settings: {
      gecko: { id: 'triangulate@example.org', strict_min_version: '128.0' },
    },
  },
});
