import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings } from '../../core/settings';
import {
  enabledForHost,
  readContentSettings,
  type ContentSettings,
} from '../../entrypoints/content/contentSettings';

const FIELDS = [
  'enabled',
  'siteMode',
  'allowedSites',
  'disabledSites',
  'highlight',
  'theme',
  'hoverDelayMs',
] as const;

/** What the content script would see had it read the settings with migrateSettings. */
const viaMigrate = (stored: unknown): ContentSettings =>
  Object.fromEntries(
    FIELDS.map((field) => [field, migrateSettings(stored)[field]]),
  ) as unknown as ContentSettings;

const DEFAULTS = viaMigrate(undefined);

describe('readContentSettings', () => {
  test.each([
    ['nothing stored', undefined, DEFAULTS],
    ['an array', [true], DEFAULTS],
    ['a string', 'settings', DEFAULTS],
    ['global switch off', { enabled: false }, { ...DEFAULTS, enabled: false }],
    [
      'a list of sites',
      { siteMode: 'list', allowedSites: ['rferl.org'] },
      { ...DEFAULTS, siteMode: 'list', allowedSites: ['rferl.org'] },
    ],
    ['a site with a capital refused', { disabledSites: ['RFERL.org'] }, DEFAULTS],
    ['1001 sites refused', { disabledSites: Array(1001).fill('a.org') }, DEFAULTS],
    [
      'highlight with a missing kind refused',
      { highlight: { actors: false, places: true, incidents: true } },
      DEFAULTS,
    ],
    [
      'highlight with an extra key refused',
      { highlight: { ...DEFAULT_SETTINGS.highlight, extra: true } },
      DEFAULTS,
    ],
    [
      'figures switched off',
      { highlight: { ...DEFAULT_SETTINGS.highlight, figures: false } },
      { ...DEFAULTS, highlight: { ...DEFAULTS.highlight, figures: false } },
    ],
    ['dark theme', { theme: 'dark' }, { ...DEFAULTS, theme: 'dark' }],
    ['an unknown theme refused', { theme: 'sepia' }, DEFAULTS],
    ['a hover delay of 0', { hoverDelayMs: 0 }, { ...DEFAULTS, hoverDelayMs: 0 }],
    ['a fractional hover delay refused', { hoverDelayMs: 1.5 }, DEFAULTS],
    ['a hover delay over 3 s refused', { hoverDelayMs: 3001 }, DEFAULTS],
    ['fields it does not read are left out', { sources: [], syncIntervalHours: 2 }, DEFAULTS],
  ] as const)('%s', (_label, stored, expected) => {
    expect(readContentSettings(stored)).toEqual(expected);
    expect(readContentSettings(stored)).toEqual(viaMigrate(stored));
  });

  test('hands out copies: changing one never changes the defaults', () => {
    const settings = readContentSettings(undefined);
    settings.highlight.actors = false;
    settings.allowedSites.push('x.org');
    expect(DEFAULT_SETTINGS.highlight.actors).toBe(true);
    expect(DEFAULT_SETTINGS.allowedSites).toEqual([]);
  });

  test('hands out copies: changing one never changes what storage gave', () => {
    const stored = {
      highlight: { actors: true, places: true, incidents: true, figures: true },
      disabledSites: ['a.org'],
    };
    const settings = readContentSettings(stored);
    settings.highlight.places = false;
    settings.disabledSites.push('b.org');
    expect(stored.highlight.places).toBe(true);
    expect(stored.disabledSites).toEqual(['a.org']);
  });

  /** Values near the valid ones, so the property reaches both sides of every check. */
  const fieldValue = fc.oneof(
    fc.boolean(),
    fc.constantFrom('all', 'list', 'auto', 'light', 'dark', 'LIGHT', ''),
    fc.integer({ min: -10, max: 4000 }),
    fc.double(),
    fc.array(fc.constantFrom('rferl.org', 'a.b', 'A.org', 'x y', ''), { maxLength: 4 }),
    fc.record(
      {
        actors: fc.oneof(fc.boolean(), fc.constant(1)),
        places: fc.boolean(),
        incidents: fc.boolean(),
        figures: fc.boolean(),
        extra: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );
  const stored = fc.oneof(
    fc.dictionary(fc.constantFrom(...FIELDS, 'version', 'sourceUrl', 'sources'), fieldValue),
    fc.anything(),
  );

  test('reads exactly what migrateSettings reads, for any stored value', () => {
    fc.assert(
      fc.property(stored, (value) => {
        expect(readContentSettings(value)).toEqual(viaMigrate(value));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('enabledForHost', () => {
  test.each([
    ['on everywhere', {}, 'www.rferl.org', true],
    ['global switch off', { enabled: false }, 'www.rferl.org', false],
    ['site off, a subdomain of it', { disabledSites: ['rferl.org'] }, 'www.rferl.org', false],
    ['site off, another site', { disabledSites: ['rferl.org'] }, 'tass.com', true],
    ['list mode, listed', { siteMode: 'list', allowedSites: ['tass.com'] }, 'tass.com', true],
    ['list mode, not listed', { siteMode: 'list', allowedSites: ['tass.com'] }, 'rferl.org', false],
  ] as const)('%s', (_label, stored, host, expected) => {
    expect(enabledForHost(readContentSettings(stored), host)).toBe(expected);
  });
});
