// migrateSettings takes whatever storage holds: it must never throw and must
// always hand back settings that pass the schema, keeping only valid fields.
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings, SettingsSchema } from '../../../core/settings';
import { RUNS } from './arbitraries';
import { runProperty } from './runProperty';

/** Stored values that look like settings, with each field sometimes right and sometimes hostile. */
const settingsLike = fc.record(
  {
    version: fc.oneof(fc.constantFrom(0, 1, 2, -1, '1', null), fc.anything({ maxDepth: 1 })),
    enabled: fc.oneof(fc.boolean(), fc.anything({ maxDepth: 1 })),
    siteMode: fc.constantFrom('all', 'list', 'ALL', '', 'none'),
    allowedSites: fc.array(
      fc.oneof(fc.domain(), fc.constantFrom('javascript:alert(1)', '<b>', '*.example.org', '')),
      { maxLength: 3 },
    ),
    disabledSites: fc.oneof(fc.array(fc.domain(), { maxLength: 3 }), fc.string()),
    highlight: fc.oneof(
      fc.record({
        actors: fc.boolean(),
        places: fc.boolean(),
        incidents: fc.boolean(),
        figures: fc.boolean(),
      }),
      fc.anything({ maxDepth: 2 }),
    ),
    theme: fc.constantFrom('auto', 'light', 'dark', 'neon', 1),
    hoverDelayMs: fc.oneof(fc.integer({ min: -10, max: 5000 }), fc.double(), fc.string()),
    sources: fc.array(
      fc.record({
        url: fc.oneof(
          fc.webUrl(),
          fc.constantFrom('javascript:alert(1)', 'data:,x', 'ftp://x.org/'),
        ),
        publicKey: fc.oneof(fc.constant(null), fc.string({ maxLength: 300 })),
        enabled: fc.oneof(fc.boolean(), fc.constant('yes')),
      }),
      { maxLength: 3 },
    ),
    sourceUrl: fc.oneof(fc.webUrl(), fc.constant('javascript:alert(1)')),
    syncIntervalHours: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.constant(Number.NaN)),
    polluted: fc.anything({ maxDepth: 1 }),
  },
  { requiredKeys: [] },
);

describe('fuzz: migrateSettings', () => {
  test('arbitrary values and settings-like objects always become valid settings', () => {
    const run = runProperty(
      fc.property(fc.oneof(fc.anything({ maxDepth: 3 }), settingsLike), (stored) => {
        const settings = migrateSettings(stored);
        expect(v.safeParse(SettingsSchema, settings).success).toBe(true);
        expect(Object.keys(settings).toSorted()).toEqual(Object.keys(DEFAULT_SETTINGS).toSorted());
        // Every source kept has an http(s) URL.
        for (const source of settings.sources) expect(source.url).toMatch(/^https?:\/\//i);
      }),
    );
    expect(run).toMatchObject({ runs: RUNS, interrupted: false });
  });

  test('a valid field survives beside any number of broken ones', () => {
    const run = runProperty(
      fc.property(settingsLike, fc.boolean(), (stored, enabled) => {
        const settings = migrateSettings({ ...stored, version: 1, enabled });
        expect(settings.enabled).toBe(enabled);
      }),
    );
    expect(run).toMatchObject({ runs: RUNS, interrupted: false });
  });

  test('an own __proto__ key (as JSON.parse makes it) neither sets fields nor pollutes', () => {
    const stored = JSON.parse('{"version":1,"__proto__":{"enabled":false,"siteMode":"list"}}');
    expect(migrateSettings(stored)).toEqual(DEFAULT_SETTINGS);
    expect(({} as Record<string, unknown>).siteMode).toBeUndefined();
  });

  test('migrating never changes the defaults object shared by every caller', () => {
    const before = JSON.stringify(DEFAULT_SETTINGS);
    const settings = migrateSettings({ version: 1, highlight: { actors: false } });
    settings.allowedSites.push('mutated.example');
    settings.highlight.actors = false;
    expect(JSON.stringify(DEFAULT_SETTINGS)).toBe(before);
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
  });
});
