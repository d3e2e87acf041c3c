import { expect, test } from 'vitest';
import { markDateRoles } from '../../core/dateRoles';
import { findDates } from '../../core/dates';

/** The role of each date mention in a sentence, in order. */
function roles(text: string, publishedAt = '2015-09-05'): [string, string | null][] {
  return markDateRoles(text, findDates(text, publishedAt)).map((d) => [d.text, d.role ?? null]);
}

test.each([
  [
    'Thirteen members of armed groups who had Friday launched attacks were killed Saturday during a major police operation.',
    [
      ['Friday', null],
      ['Saturday', 'event'],
    ],
  ],
  ['The ministry said on Saturday that 13 attackers were killed.', [['Saturday', 'speech']]],
  ['On Saturday, the ministry said 13 attackers were killed.', [['Saturday', 'speech']]],
  ['Sources told RFE/RL on November 8 that five more died.', [['November 8', 'speech']]],
  ['Eight policemen died on Friday in Dushanbe.', [['Friday', 'event']]],
  ["He cast Friday's violence as proof of discontent.", [['Friday', 'event']]],
  ["Sunday's attack on troops in the Rasht district.", [['Sunday', 'event']]],
  ['Police were attacked early on Friday in the city.', [['Friday', 'event']]],
  ['The talks resumed on Friday in Moscow.', [['Friday', null]]],
])('%s', (text, expected) => {
  expect(roles(text)).toEqual(expected);
});
