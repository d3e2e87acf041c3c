/**
 * The user's settings: their shape, defaults and migrations.
 *
 * Settings live in extension storage and outlive every version of the code
 * that wrote them, so they are read through `migrateSettings`, which accepts
 * anything (an old version, a hand-edited or corrupt value) and always returns
 * a complete, valid Settings object. Every old shape keeps a migration step.
 */
import * as v from 'valibot';
import { HttpUrl } from './schema';

export const SETTINGS_VERSION = 1;

/** The storage key settings are kept under. */
export const SETTINGS_KEY = 'settings';

export const HIGHLIGHT_KINDS = ['actors', 'places', 'incidents', 'figures'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

const Hostname = v.pipe(
  v.string(),
  v.maxLength(253),
  v.regex(/^[a-z0-9.-]+$/, 'a host name such as example.org'),
);

export const DatasetSourceSchema = v.strictObject({
  /** The manifest's address. */
  url: HttpUrl,
  /** Base64 raw Ed25519 public key; when set, unsigned or badly signed datasets are refused. */
  publicKey: v.nullable(v.pipe(v.string(), v.maxLength(200))),
  enabled: v.boolean(),
});

export const SettingsSchema = v.strictObject({
  version: v.literal(SETTINGS_VERSION),
  /** The global switch. */
  enabled: v.boolean(),
  /** Where Triangulate runs: everywhere but `disabledSites`, or only on `allowedSites`. */
  siteMode: v.picklist(['all', 'list']),
  allowedSites: v.pipe(v.array(Hostname), v.maxLength(1000)),
  disabledSites: v.pipe(v.array(Hostname), v.maxLength(1000)),
  highlight: v.strictObject({
    actors: v.boolean(),
    places: v.boolean(),
    incidents: v.boolean(),
    figures: v.boolean(),
  }),
  theme: v.picklist(['auto', 'light', 'dark']),
  /** How long the pointer rests on an annotation before its popover opens. */
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3000)),
  sources: v.pipe(v.array(DatasetSourceSchema), v.maxLength(20)),
  syncIntervalHours: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 30)),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type DatasetSource = v.InferOutput<typeof DatasetSourceSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  siteMode: 'all',
  allowedSites: [],
  disabledSites: [],
  highlight: { actors: true, places: true, incidents: true, figures: true },
  theme: 'auto',
  hoverDelayMs: 300,
  sources: [],
  syncIntervalHours: 24,
}) as Settings;

export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

/**
 * Turns whatever storage holds into valid current settings. Known fields that
 * are valid are kept; anything invalid falls back to its default, so one bad
 * field never costs the user the rest.
 */
export function migrateSettings(stored: unknown): Settings {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return defaultSettings();
  }
  const raw = upgrade(stored as Record<string, unknown>);
  const result = defaultSettings() as unknown as Record<string, unknown>;
  const entries = SettingsSchema.entries as Record<string, v.GenericSchema>;
  for (const [key, schema] of Object.entries(entries)) {
    if (key === 'version' || !(key in raw)) continue;
    const parsed = v.safeParse(schema, raw[key]);
    if (parsed.success) result[key] = parsed.output;
  }
  return result as unknown as Settings;
}

/** One step per old version, oldest first. Version 0 is the shape before versions existed. */
function upgrade(stored: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...stored };
  if (copy.version === undefined) copy.version = 0;
  if (copy.version === 0) {
    // v0 kept a single `sourceUrl` string; v1 keeps a list of sources.
    if (typeof copy.sourceUrl === 'string' && copy.sources === undefined) {
      copy.sources = [{ url: copy.sourceUrl, publicKey: null, enabled: true }];
    }
    delete copy.sourceUrl;
    copy.version = 1;
  }
  return copy;
}

/** Whether Triangulate should annotate pages on this host. */
export function isEnabledFor(settings: Settings, hostname: string): boolean {
  if (!settings.enabled) return false;
  const host = hostname.toLowerCase();
  const covers = (site: string) => host === site || host.endsWith(`.${site}`);
  if (settings.disabledSites.some(covers)) return false;
  return settings.siteMode === 'all' || settings.allowedSites.some(covers);
}

/** Normalises what a user typed as a site ("https://www.BBC.co.uk/news") to a host name. */
export function siteFromInput(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '') return null;
  try {
    const host = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
    return /^[a-z0-9.-]+$/.test(host) ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}
