/**
 * Reading and writing the user's settings from an extension page. Always
 * through migrateSettings (core/settings.ts), so an old or damaged stored
 * value still gives complete settings; writes go through `updateSettings`,
 * which re-reads first so two pages never overwrite each other's change.
 */
import { browser } from 'wxt/browser';
import { migrateSettings, SETTINGS_KEY, type Settings } from '../../core/settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return migrateSettings(stored[SETTINGS_KEY]);
}

export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = migrateSettings(change(await loadSettings()));
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}
