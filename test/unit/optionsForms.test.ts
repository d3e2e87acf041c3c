/**
 * The options page's pure parts: reading a new dataset source (address,
 * pinned key, duplicates, the cap), when removing one gives its permission
 * back, site lists, the sync interval's choices and words, the hover delay,
 * a reset that keeps the sources, and each source's sync state in words.
 */
import { describe, expect, test } from 'vitest';
import { defaultSettings, type DatasetSource } from '../../core/settings';
import {
  isUnprotected,
  readSourceDraft,
  releasesPermission,
} from '../../components/options/sourceForm';
import {
  addSite,
  intervalWords,
  readHoverDelay,
  removeSite,
  resetKeepingSources,
  syncIntervalChoices,
} from '../../components/options/settingsEdits';
import { sourceSyncLine } from '../../components/options/syncWords';

const KEY = 'MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE='.slice(16); // 44 chars, 32 bytes
const source = (url: string, extra: Partial<DatasetSource> = {}): DatasetSource => ({
  url,
  publicKey: null,
  enabled: true,
  ...extra,
});
const TWENTY = Array.from({ length: 20 }, (_, i) => source(`https://d${i}.example.org/m.json`));

describe('readSourceDraft', () => {
  test('the test key is 44 base64 characters', () => {
    expect(KEY.length).toBe(44);
  });

  test.each([
    [
      'a plain https source',
      ' https://data.example.org/manifest.json ',
      '',
      [],
      { ok: true, source: source('https://data.example.org/manifest.json') },
    ],
    [
      'with a pinned key',
      'http://127.0.0.1:8080/data/manifest.json',
      ` ${KEY} `,
      [],
      { ok: true, source: source('http://127.0.0.1:8080/data/manifest.json', { publicKey: KEY }) },
    ],
    [
      'empty',
      '  ',
      '',
      [],
      { ok: false, field: 'url', error: 'Enter the address of a dataset manifest.' },
    ],
    [
      'not http(s)',
      'ftp://data.example.org/manifest.json',
      '',
      [],
      {
        ok: false,
        field: 'url',
        error: 'The address must be a full web address starting with https:// (or http://).',
      },
    ],
    [
      'javascript:',
      'javascript:alert(1)',
      '',
      [],
      {
        ok: false,
        field: 'url',
        error: 'The address must be a full web address starting with https:// (or http://).',
      },
    ],
    [
      'no scheme',
      'data.example.org/manifest.json',
      '',
      [],
      {
        ok: false,
        field: 'url',
        error: 'The address must be a full web address starting with https:// (or http://).',
      },
    ],
    [
      'a duplicate',
      'https://data.example.org/manifest.json',
      '',
      [source('https://data.example.org/manifest.json')],
      { ok: false, field: 'url', error: 'This source is already in the list.' },
    ],
    [
      'over the cap',
      'https://data.example.org/manifest.json',
      '',
      TWENTY,
      { ok: false, field: 'url', error: 'At most 20 sources: remove one before adding another.' },
    ],
    [
      'a key that is not base64',
      'https://data.example.org/manifest.json',
      'not a key!',
      [],
      {
        ok: false,
        field: 'publicKey',
        error: 'The public key must be base64 (44 characters ending in "=" for an Ed25519 key).',
      },
    ],
    [
      'a key of the wrong length (the DER-wrapped SPKI form)',
      'https://data.example.org/manifest.json',
      'MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=',
      [],
      {
        ok: false,
        field: 'publicKey',
        error: 'The public key is 44 bytes long; an Ed25519 public key is 32.',
      },
    ],
  ])('%s', (_name, url, key, existing, expected) => {
    expect(readSourceDraft(url, key, existing)).toEqual(expected);
  });
});

describe('releasesPermission', () => {
  test.each([
    ['the last source of its origin', 'https://a.example.org/m.json', [], true],
    [
      'another source on the same origin keeps it',
      'https://a.example.org/m.json',
      [source('https://a.example.org:8443/other.json')],
      false,
    ],
    [
      'a source on another origin does not',
      'https://a.example.org/m.json',
      [source('https://b.example.org/m.json')],
      true,
    ],
    ['an address that is not http(s)', 'ftp://a.example.org/m.json', [], false],
  ])('%s', (_name, url, remaining, expected) => {
    expect(releasesPermission(url, remaining)).toBe(expected);
  });
});

test.each([
  [source('http://a.example.org/m.json'), true],
  [source('http://a.example.org/m.json', { publicKey: KEY }), false],
  [source('https://a.example.org/m.json'), false],
])('isUnprotected(%j)', (given, expected) => {
  expect(isUnprotected(given)).toBe(expected);
});

describe('addSite / removeSite', () => {
  test.each([
    [
      'a typed address',
      [],
      'https://www.BBC.co.uk/news',
      { ok: true, sites: ['bbc.co.uk'], site: 'bbc.co.uk' },
    ],
    ['appended', ['a.org'], 'b.org', { ok: true, sites: ['a.org', 'b.org'], site: 'b.org' }],
    [
      'a duplicate',
      ['bbc.co.uk'],
      'www.bbc.co.uk',
      { ok: false, error: 'bbc.co.uk is already in the list.' },
    ],
    [
      'nothing',
      [],
      '   ',
      { ok: false, error: 'Enter a site such as example.org or a page address on it.' },
    ],
    [
      'not a host',
      [],
      'exa mple',
      { ok: false, error: 'Enter a site such as example.org or a page address on it.' },
    ],
    [
      'a full list',
      Array.from({ length: 1000 }, (_, i) => `s${i}.org`),
      'new.org',
      { ok: false, error: 'The list holds at most 1000 sites.' },
    ],
  ])('%s', (_name, sites, input, expected) => {
    expect(addSite(sites, input)).toEqual(expected);
  });

  test('removeSite removes that site only', () => {
    expect(removeSite(['a.org', 'b.org', 'c.org'], 'b.org')).toEqual(['a.org', 'c.org']);
  });
});

describe('sync interval', () => {
  test.each([
    [24, [1, 6, 12, 24, 168]],
    [48, [1, 6, 12, 24, 48, 168]],
    [720, [1, 6, 12, 24, 168, 720]],
  ])('choices around %i', (current, expected) => {
    expect(syncIntervalChoices(current)).toEqual(expected);
  });

  test.each([
    [1, 'Every hour'],
    [6, 'Every 6 hours'],
    [24, 'Every day'],
    [48, 'Every 2 days'],
    [168, 'Every week'],
    [336, 'Every 2 weeks'],
    [30, 'Every 30 hours'],
  ])('%i hours: %s', (hours, words) => {
    expect(intervalWords(hours)).toBe(words);
  });
});

test.each([
  ['300', { ok: true, ms: 300 }],
  [' 0 ', { ok: true, ms: 0 }],
  ['3000', { ok: true, ms: 3000 }],
  [
    '3001',
    { ok: false, error: 'The delay must be a whole number of milliseconds from 0 to 3000.' },
  ],
  ['-1', { ok: false, error: 'The delay must be a whole number of milliseconds from 0 to 3000.' }],
  ['2.5', { ok: false, error: 'The delay must be a whole number of milliseconds from 0 to 3000.' }],
  ['', { ok: false, error: 'The delay must be a whole number of milliseconds from 0 to 3000.' }],
  ['abc', { ok: false, error: 'The delay must be a whole number of milliseconds from 0 to 3000.' }],
])('readHoverDelay(%j)', (input, expected) => {
  expect(readHoverDelay(input)).toEqual(expected);
});

test('a reset keeps the dataset sources and nothing else', () => {
  const sources = [source('https://data.example.org/m.json', { enabled: false })];
  const changed = {
    ...defaultSettings(),
    enabled: false,
    siteMode: 'list' as const,
    allowedSites: ['a.org'],
    disabledSites: ['b.org'],
    highlight: { actors: false, places: false, incidents: true, figures: false },
    theme: 'dark' as const,
    hoverDelayMs: 900,
    syncIntervalHours: 6,
    sources,
  };
  expect(resetKeepingSources(changed)).toEqual({ ...defaultSettings(), sources });
});

const when = (iso: string) => `<${iso}>`;
const status = (extra: object) => ({
  url: 'https://d.example.org/m.json',
  version: null,
  lastSyncAt: null,
  lastError: null,
  ...extra,
});

describe('sourceSyncLine', () => {
  test.each([
    [
      'never seen',
      source('https://d.example.org/m.json'),
      undefined,
      [{ tone: 'muted', text: 'Not synced yet.' }],
    ],
    [
      'turned off and never synced',
      source('https://d.example.org/m.json', { enabled: false }),
      undefined,
      [{ tone: 'muted', text: 'Turned off: not synced.' }],
    ],
    [
      'installed',
      source('https://d.example.org/m.json'),
      status({ version: 3, lastSyncAt: '2025-01-02T10:00:00Z' }),
      [{ tone: 'good', text: 'Version 3 installed, synced <2025-01-02T10:00:00Z>.' }],
    ],
    [
      'installed, then refused',
      source('https://d.example.org/m.json'),
      status({
        version: 2,
        lastSyncAt: '2025-01-02T10:00:00Z',
        lastError: 'The dataset from d.example.org was refused: its checksum does not match.',
      }),
      [
        { tone: 'good', text: 'Version 2 installed, synced <2025-01-02T10:00:00Z>.' },
        {
          tone: 'error',
          text: 'Last error: The dataset from d.example.org was refused: its checksum does not match.',
        },
      ],
    ],
    [
      'checked, nothing installed',
      source('https://d.example.org/m.json'),
      status({
        lastSyncAt: '2025-01-02T10:00:00Z',
        lastError: 'no permission for https://d.example.org',
      }),
      [
        { tone: 'muted', text: 'Checked <2025-01-02T10:00:00Z>; nothing installed from it yet.' },
        { tone: 'error', text: 'Last error: no permission for https://d.example.org' },
      ],
    ],
  ])('%s', (_name, given, reported, expected) => {
    expect(sourceSyncLine(given, reported, when)).toEqual(expected);
  });
});
