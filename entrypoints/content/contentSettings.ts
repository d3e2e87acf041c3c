/**
 * The part of the user's settings the content script reads, checked by hand.
 * core/settings.ts validates settings with valibot, which would be a tenth
 * of the content script; this reader accepts exactly what migrateSettings
 * accepts for these fields (a property test holds the two together,
 * test/unit/contentSettings.test.ts), so the page sees the same settings as
 * the popup and options, with nothing but the fields it needs.
 */
import { DEFAULT_SETTINGS, isEnabledFor, type Settings } from '../../core/settings';

export type ContentSettings = Pick<
  Settings,
  'enabled' | 'siteMode' | 'allowedSites' | 'disabledSites' | 'highlight' | 'theme' | 'hoverDelayMs'
>;

const HOST = /^[a-z0-9.-]+$/;
const MAX_SITES = 1000;

type Check<T> = (value: unknown) => value is T;

const isBoolean: Check<boolean> = (value): value is boolean => typeof value === 'boolean';

const isSiteList: Check<string[]> = (value): value is string[] =>
  Array.isArray(value) &&
  value.length <= MAX_SITES &&
  value.every((site) => typeof site === 'string' && site.length <= 253 && HOST.test(site));

const isHighlight: Check<Settings['highlight']> = (value): value is Settings['highlight'] => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  return (
    keys.length === 4 &&
    ['actors', 'places', 'incidents', 'figures'].every((key) => isBoolean(record[key]))
  );
};

const CHECKS: { [K in keyof ContentSettings]: Check<ContentSettings[K]> } = {
  enabled: isBoolean,
  siteMode: (value): value is Settings['siteMode'] => value === 'all' || value === 'list',
  allowedSites: isSiteList,
  disabledSites: isSiteList,
  highlight: isHighlight,
  theme: (value): value is Settings['theme'] =>
    value === 'auto' || value === 'light' || value === 'dark',
  hoverDelayMs: (value): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 3000,
};

/**
 * What storage holds, read as migrateSettings would read these fields: each
 * valid field kept, each missing or invalid one at its default.
 */
export function readContentSettings(stored: unknown): ContentSettings {
  const raw =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? (stored as Record<string, unknown>)
      : {};
  const settings = {} as Record<keyof ContentSettings, unknown>;
  for (const key of Object.keys(CHECKS) as (keyof ContentSettings)[]) {
    const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
    const check = CHECKS[key] as Check<unknown>;
    settings[key] = copyOf(check(value) ? value : DEFAULT_SETTINGS[key]);
  }
  return settings as ContentSettings;
}

/**
 * A copy of a checked field that shares nothing with storage or the defaults.
 * One level is enough: each field is a primitive, a list of strings or an
 * object of booleans. (structuredClone did the same for a quarter of a
 * millisecond on every page.)
 */
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (typeof value === 'object' && value !== null) return { ...value };
  return value;
}

/** isEnabledFor (core/settings.ts) on the fields the content script has. */
export function enabledForHost(settings: ContentSettings, hostname: string): boolean {
  return isEnabledFor({ ...DEFAULT_SETTINGS, ...settings }, hostname);
}
