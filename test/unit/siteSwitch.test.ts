// The popup's per-site switch: after it, isEnabledFor says what the user chose.
import { describe, expect, test } from 'vitest';
import { setSiteEnabled } from '../../components/common/siteSwitch';
import { defaultSettings, isEnabledFor, type Settings } from '../../core/settings';

const settings = (change: Partial<Settings>): Settings => ({ ...defaultSettings(), ...change });

describe('setSiteEnabled', () => {
  test.each<[string, Partial<Settings>, string, boolean, Partial<Settings>]>([
    [
      'off on all sites',
      {},
      'www.bbc.co.uk',
      false,
      { disabledSites: ['bbc.co.uk'], allowedSites: [] },
    ],
    [
      'off twice',
      { disabledSites: ['bbc.co.uk'] },
      'bbc.co.uk',
      false,
      { disabledSites: ['bbc.co.uk'] },
    ],
    [
      'on again',
      { disabledSites: ['bbc.co.uk', 'x.org'] },
      'bbc.co.uk',
      true,
      { disabledSites: ['x.org'] },
    ],
    [
      'on under a turned-off parent',
      { disabledSites: ['bbc.co.uk'] },
      'news.bbc.co.uk',
      true,
      { disabledSites: [] },
    ],
    [
      'on in list mode adds it',
      { siteMode: 'list', allowedSites: ['x.org'] },
      'rferl.org',
      true,
      { allowedSites: ['x.org', 'rferl.org'] },
    ],
    [
      'on in list mode when listed',
      { siteMode: 'list', allowedSites: ['rferl.org'] },
      'rferl.org',
      true,
      { allowedSites: ['rferl.org'] },
    ],
    [
      'off in list mode removes it',
      { siteMode: 'list', allowedSites: ['rferl.org'] },
      'rferl.org',
      false,
      { allowedSites: [], disabledSites: ['rferl.org'] },
    ],
  ])('%s', (_name, before, host, on, expected) => {
    const after = setSiteEnabled(settings(before), host, on);
    expect(after).toEqual(settings({ ...before, ...expected }));
    expect(isEnabledFor(after, host)).toBe(on);
  });

  test('the global switch still wins', () => {
    expect(isEnabledFor(setSiteEnabled(settings({ enabled: false }), 'a.org', true), 'a.org')).toBe(
      false,
    );
  });
});
