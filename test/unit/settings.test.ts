import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  defaultSettings,
  isEnabledFor,
  migrateSettings,
  siteFromInput,
  type Settings,
} from '../../core/settings';

describe('migrateSettings', () => {
  test.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'settings'],
    ['an array', [1, 2]],
  ])('%s gives the defaults', (_label, stored) => {
    expect(migrateSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  test('a v0 sourceUrl becomes the first dataset source', () => {
    const migrated = migrateSettings({
      enabled: false,
      sourceUrl: 'https://data.example.org/manifest.json',
    });
    expect(migrated.version).toBe(1);
    expect(migrated.enabled).toBe(false);
    expect(migrated.sources).toEqual([
      { url: 'https://data.example.org/manifest.json', publicKey: null, enabled: true },
    ]);
    expect(migrated).not.toHaveProperty('sourceUrl');
  });

  test('one invalid field falls back to its default and keeps the others', () => {
    const migrated = migrateSettings({
      version: 1,
      enabled: false,
      hoverDelayMs: -5,
      sources: [{ url: 'javascript:alert(1)', publicKey: null, enabled: true }],
      theme: 'dark',
      unknownField: 42,
    });
    expect(migrated).toEqual({ ...DEFAULT_SETTINGS, enabled: false, theme: 'dark' });
  });

  test('defaultSettings returns a copy the caller may change', () => {
    const mine = defaultSettings();
    mine.highlight.actors = false;
    expect(DEFAULT_SETTINGS.highlight.actors).toBe(true);
  });
});

const settings = (patch: Partial<Settings>): Settings => ({ ...defaultSettings(), ...patch });

describe('isEnabledFor', () => {
  test.each([
    ['on everywhere', settings({}), 'www.rferl.org', true],
    ['global switch off', settings({ enabled: false }), 'www.rferl.org', false],
    ['site turned off', settings({ disabledSites: ['rferl.org'] }), 'www.rferl.org', false],
    ['another site still on', settings({ disabledSites: ['rferl.org'] }), 'tass.com', true],
    [
      'a look-alike host is not the site',
      settings({ disabledSites: ['rferl.org'] }),
      'notrferl.org',
      true,
    ],
    [
      'list mode, listed',
      settings({ siteMode: 'list', allowedSites: ['tass.com'] }),
      'tass.com',
      true,
    ],
    [
      'list mode, not listed',
      settings({ siteMode: 'list', allowedSites: ['tass.com'] }),
      'reuters.com',
      false,
    ],
  ])('%s', (_label, value, host, expected) => {
    expect(isEnabledFor(value, host)).toBe(expected);
  });
});

test.each([
  ['https://www.BBC.co.uk/news', 'bbc.co.uk'],
  ['tass.com', 'tass.com'],
  ['  m.rferl.org/a/1  ', 'm.rferl.org'],
  ['', null],
  ['not a host!', null],
])('siteFromInput(%j) = %j', (input, expected) => {
  expect(siteFromInput(input)).toBe(expected);
});
