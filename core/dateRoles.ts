/**
 * What a date in a sentence dates: words, or the event.
 *
 * "The ministry said on Saturday that 13 were killed" dates the ministry's
 * words; "13 were killed Saturday during a police operation" dates the
 * killing, even when another date sits in a clause in between ("who had
 * Friday launched attacks"). The resolver counts a date for less when a verb
 * of saying governs it and for more when a casualty verb does, so this marks
 * both. It looks only a few words either side, within the sentence.
 */
import type { DateMention } from './types';

const SPEECH = String.raw`(?:said|says|told|tells|announced|announces|stated|states|reported|reports|added|adds|claimed|claims|declared|confirmed|confirms|quoted|wrote|tweeted|posted)`;
const CASUALTY = String.raw`(?:killed|died|dead|wounded|injured|hurt|slain|shot dead|shot|eliminated|captured|detained|arrested|attacked|ambushed|clashed|launched|struck|exploded|stormed)`;
/** Words between a verb and its date: "on", "late on", "early", "in the early hours of". */
const LINK = String.raw`(?:(?:on|late|early|earlier|later|in|last|the|hours|of|morning|night|evening)\s+){0,4}`;

/** "said on", "told Reuters late on", right before the date. */
const SPEECH_BEFORE = new RegExp(
  String.raw`\b${SPEECH}(?:\s+[\p{Lu}][\p{L}\p{N}'’./-]*){0,3}\s+${LINK}$`,
  'iu',
);
/** "on Friday, the ministry said", "Saturday's statement", right after the date. */
const SPEECH_AFTER = new RegExp(
  String.raw`^(?:['’]s\s+(?:statement|announcement|briefing|press conference)|[^.;!?\n]{0,30}?\b${SPEECH}\b)`,
  'iu',
);
/** "were killed Saturday", "died on Sunday", "killed in the early hours of", right before the date. */
const EVENT_BEFORE = new RegExp(String.raw`\b${CASUALTY}\s+${LINK}$`, 'iu');
/** "Friday's attacks", "Sunday’s attack on troops", right after the date. */
const EVENT_AFTER =
  /^['’]s\s+(?:attacks?|ambush|assault|violence|clash(?:es)?|bombing|raid|operation)\b/iu;

const LOOK_BEFORE = 48;
const LOOK_AFTER = 40;

export function markDateRoles(text: string, dates: readonly DateMention[]): DateMention[] {
  return dates.map((date) => {
    const before = text.slice(Math.max(0, date.start - LOOK_BEFORE), date.start);
    const after = text.slice(date.end, date.end + LOOK_AFTER);
    if (SPEECH_BEFORE.test(before) || SPEECH_AFTER.test(after)) return { ...date, role: 'speech' };
    if (EVENT_BEFORE.test(before) || EVENT_AFTER.test(after)) return { ...date, role: 'event' };
    return date;
  });
}
