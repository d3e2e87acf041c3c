/**
 * The keyboard shortcut commands (manifest "commands"): "toggle-site" turns
 * Triangulate off or on for the active tab's site by editing the settings
 * (every content script on that site reacts through storage.onChanged);
 * "next-annotation" and "previous-annotation" are forwarded to the tab's
 * content script, since the browser takes those keys before the page sees them.
 */
import { browser } from 'wxt/browser';
import { isEnabledFor, migrateSettings, SETTINGS_KEY, type Settings } from '../../core/settings';
import { sendToTab } from '../../messaging/protocol';

export const COMMANDS = ['toggle-site', 'next-annotation', 'previous-annotation'] as const;

/**
 * The settings with `hostname`'s site switched: off by adding it to
 * disabledSites, on by removing every entry that covers it (and the global
 * switch turned on: the user asked for this site, now).
 */
export function toggleSite(settings: Settings, hostname: string): Settings {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  if (host === '' || !/^[a-z0-9.-]+$/.test(host)) return settings;
  if (isEnabledFor(settings, hostname)) {
    return { ...settings, disabledSites: [...settings.disabledSites, host] };
  }
  const covers = (site: string) => host === site || host.endsWith(`.${site}`);
  return {
    ...settings,
    enabled: true,
    disabledSites: settings.disabledSites.filter((site) => !covers(site)),
    allowedSites:
      settings.siteMode === 'list' && !settings.allowedSites.some(covers)
        ? [...settings.allowedSites, host]
        : settings.allowedSites,
  };
}

export async function runCommand(command: string, tab?: { id?: number; url?: string }) {
  const active =
    tab?.id === undefined
      ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]
      : tab;
  if (active?.id === undefined) return;
  if (command === 'toggle-site') {
    if (active.url === undefined || !/^https?:/.test(active.url)) return;
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    const next = toggleSite(migrateSettings(stored[SETTINGS_KEY]), new URL(active.url).hostname);
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
  } else if (command === 'next-annotation' || command === 'previous-annotation') {
    const direction = command === 'next-annotation' ? 'next' : 'previous';
    // A tab without our content script (a browser page) just has nothing to step through.
    await sendToTab(active.id, 'page.step', { direction }).catch(() => undefined);
  }
}

export function startCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    void runCommand(command, tab);
  });
}
