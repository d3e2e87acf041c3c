/**
 * Finds the dates a page mentions and pins each one to the calendar.
 *
 * News text dates events relative to its own publication ("on Friday",
 * "last week", "September 14" without a year), so a mention is only as good
 * as the publication date it is read against: without one, relative mentions
 * are dropped rather than guessed, and only dates that carry their own year
 * resolve. Every mention keeps its exact span, so the page can highlight it.
 *
 * Decisions (precision first):
 * - A weekday means the most recent such day on or before publication (the
 *   publication weekday itself means that day); "last Friday" is the most
 *   recent one strictly before it; "next Friday" the first strictly after;
 *   "this Friday" is ambiguous and dropped.
 * - A day without a year takes the year that puts it at or before publication,
 *   unless it falls at most FUTURE_SLACK_DAYS after publication (an article of
 *   30 December announcing talks "on January 2").
 * - A month without a year is the most recent such month that began on or
 *   before publication.
 * - "last week" is the previous Monday-to-Sunday week; "earlier this year" runs
 *   from 1 January to the publication day.
 * - A weekday and an explicit date that disagree ("Friday, September 5" when
 *   the 5th was a Saturday): the explicit date wins, one mention covers both.
 * - A bare four-digit number is a year only after a cue ("in 2014", "a 1997
 *   peace deal") and never before a counted noun ("the 2000 soldiers").
 * French, Russian and Tajik (Cyrillic) day-month dates and French and
 * Russian weekdays are read too ("le 4 septembre 2015", "samedi dernier",
 * "4 сентября 2015 года", "в пятницу", "6 ноябри"), each behind one cheap test
 * for its words, so an English page pays one regex per language.
 */
import type { DatePrecision } from './schema';
import type { DateMention } from './types';

/** How far after publication a year-less day may fall and still be this year's. */
export const FUTURE_SLACK_DAYS = 7;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** Month number (1-12) of an English month name or abbreviation, any case; 0 when none. */
export function monthNumber(word: string): number {
  const key = word.toLowerCase().replace(/\.$/, '');
  const full = MONTH_NAMES.findIndex((name) => name.toLowerCase() === key);
  return full >= 0 ? full + 1 : (MONTH_ABBREVIATIONS[key] ?? 0);
}

// Names match capitalised or in capitals only: "may" and "march" are verbs.
const titleAndUpper = (words: readonly string[]) =>
  words.flatMap((word) => [word, word.toUpperCase()]).join('|');
const MONTH_WORDS = `(?:${titleAndUpper(MONTH_NAMES)}|${titleAndUpper(['Sept', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])})(?![A-Za-z])`;
const MONTH = `(${MONTH_WORDS})\\.?`;
const FULL_MONTH = `(${titleAndUpper(MONTH_NAMES)})(?![A-Za-z])`;
const WEEKDAY = `(${titleAndUpper(WEEKDAY_NAMES)})(?![A-Za-z])`;
const DAY = `(\\d{1,2})(?:st|nd|rd|th)?`;
/** Not a time ("10:30"), a decimal or a longer number. */
const DAY_END = `(?![\\d:]|[.,]\\d)`;
const YEAR = `((?:1[89]|20)\\d{2})(?![\\d])`;

const MONTH_DAY = new RegExp(
  `(?<![\\w.])(?:${WEEKDAY},?\\s+(?:the\\s+)?)?${MONTH}\\s+${DAY}${DAY_END}(?:\\s*[-–]\\s*${DAY}${DAY_END})?(?:,?\\s+${YEAR})?`,
  'g',
);
const DAY_MONTH = new RegExp(
  `(?<![\\w.,:])(?:${WEEKDAY},?\\s+)?(?:the\\s+)?${DAY}(?:\\s*[-–]\\s*${DAY})?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?`,
  'g',
);
const ISO_DAY = /(?<![\d-])((?:1[89]|20)\d{2})-(\d{2})-(\d{2})(?![\d])/g;
const DOTTED_DAY = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:1[89]|20)\d{2})(?![\d]|\.\d)/g;
const MONTH_CUES = 'in|since|during|until|till|by|from|through|throughout|before|after|of';
const MONTH_ALONE = new RegExp(
  `(?<![\\w-])(?:(${MONTH_CUES})\\s+(?:the\\s+)?)?(?:(last|next|this|early|mid|late)[\\s-]+)?${FULL_MONTH}(?:,?\\s+${YEAR})?`,
  'gi',
);
/** "May" is also a name (Theresa May): only a time preposition or modifier makes it a month. */
const MAY_CUES = new Set(['in', 'since', 'during', 'until', 'till', 'through', 'throughout']);
const WEEKDAY_MENTION = new RegExp(`(?<![\\w-])(?:(last|next|this|past)\\s+)?${WEEKDAY}`, 'gi');
const RELATIVE_PHRASE = new RegExp(
  [
    String.raw`(?:the\s+)?day\s+before\s+yesterday`,
    'yesterday',
    'today',
    'tonight',
    'tomorrow',
    String.raw`last\s+night`,
    String.raw`this\s+(?:morning|afternoon|evening)`,
    String.raw`(?:(earlier|later)\s+)?(this|last|next)\s+(week|month|year)`,
    String.raw`(\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})\s+days?\s+ago`,
  ]
    .map((alternative) => `(?<![\\w-])(?:${alternative})(?![\\w-])`)
    .join('|'),
  'gi',
);
const DECADE = /(?<![\w-])((?:1[89]|20)\d0)'?s(?![\w])/g;
const YEAR_RANGE = /(?<![\w.,$-])((?:1[89]|20)\d{2})\s*[-–—/]\s*(\d{4}|\d{2})(?![\w]|[-.,/]\d)/g;
const YEAR_PAIR =
  /\b(?:between|from)\s+((?:1[89]|20)\d{2})\s+(?:and|to|until|till|through)\s+((?:1[89]|20)\d{2})(?![\w])/gi;
const BARE_YEAR = /(?<![\w.,$£€#/])((?:1[89]|20)\d{2})(?![\w]|[-.,/]\d|-[A-Za-z]|\s*%)/g;
const YEAR_CUES = new Set([
  'in',
  'since',
  'during',
  'until',
  'till',
  'by',
  'before',
  'after',
  'from',
  'through',
  'throughout',
  'circa',
  'early',
  'mid',
  'late',
  'year',
  'a',
  'an',
  'the',
]);
/** Nouns that make a preceding four-digit number a count, not a year. */
const COUNTED_NOUNS =
  /^\s+(?:people|persons|soldiers|troops|police|policemen|officers|militants|fighters|rebels|civilians|men|women|children|dead|killed|wounded|members|guards|insurgents|attackers|gunmen|refugees|prisoners|km|kilometers|kilometres|miles|meters|metres|tons|tonnes|dollars|euros|votes)\b/i;

interface Candidate extends DateMention {
  /** Among overlapping candidates the longest wins, then the earliest. */
  length: number;
}

/** Every date the text mentions, resolved against `publishedAt` (YYYY-MM-DD or null), in text order. */
export function findDates(text: string, publishedAt: string | null): DateMention[] {
  const published = publishedAt !== null ? parseIsoDay(publishedAt) : null;
  const found: Candidate[] = [];
  const add = (
    start: number,
    end: number,
    range: DayRange | null,
    precision: DatePrecision,
    relative: boolean,
  ) => {
    if (range === null || range.last < range.first) return;
    found.push({
      start,
      end,
      text: text.slice(start, end),
      date: formatDay(range.first),
      endDate: formatDay(range.last),
      precision,
      relative,
      length: end - start,
    });
  };

  for (const match of text.matchAll(MONTH_DAY)) {
    const [whole, , monthWord = '', day = '', dayTo, year] = match;
    const start = match.index;
    // "in September 15 militants were killed": a count, not the 15th.
    if (
      year === undefined &&
      dayTo === undefined &&
      /(?:^|\W)(?:in|during)\s+$/i.test(text.slice(Math.max(0, start - 8), start)) &&
      /^\s+[a-z]/.test(text.slice(start + whole.length, start + whole.length + 3))
    ) {
      continue;
    }
    const range = dayRange(monthNumber(monthWord), day, dayTo, year, published);
    add(start, start + whole.length, range, 'day', year === undefined);
  }
  for (const match of text.matchAll(DAY_MONTH)) {
    const [whole, , day = '', dayTo, monthWord = '', year] = match;
    const range = dayRange(monthNumber(monthWord), day, dayTo, year, published);
    add(match.index, match.index + whole.length, range, 'day', year === undefined);
  }
  for (const match of text.matchAll(ISO_DAY)) {
    const [whole, year = '', month = '', day = ''] = match;
    const first = dayNumberOf(Number(year), Number(month), Number(day));
    add(match.index, match.index + whole.length, single(first), 'day', false);
  }
  for (const match of text.matchAll(DOTTED_DAY)) {
    const [whole, day = '', month = '', year = ''] = match;
    const first = dayNumberOf(Number(year), Number(month), Number(day));
    add(match.index, match.index + whole.length, single(first), 'day', false);
  }
  for (const match of text.matchAll(MONTH_ALONE)) {
    const [whole, cue, modifier, monthWord = '', year] = match;
    if (!/^[A-Z]/.test(monthWord)) continue;
    const hasCue = cue !== undefined || modifier !== undefined;
    if (year === undefined && !hasCue) continue;
    if (monthWord.toLowerCase() === 'may' && year === undefined) {
      if (modifier === undefined && !MAY_CUES.has((cue ?? '').toLowerCase())) continue;
    }
    // The span leaves out the preposition but keeps "last"/"early" and the year.
    const start = match.index + whole.indexOf(modifier ?? monthWord, cue?.length ?? 0);
    const range = monthRange(
      monthNumber(monthWord),
      year,
      (modifier ?? '').toLowerCase(),
      published,
    );
    add(start, match.index + whole.length, range, 'month', year === undefined);
  }
  for (const match of text.matchAll(WEEKDAY_MENTION)) {
    const [whole, modifier, weekdayWord = ''] = match;
    if (!/^[A-Z]/.test(weekdayWord) || published === null) continue;
    if (isPartOfName(text, match.index, match.index + whole.length)) continue;
    const day = weekdayDay(weekdayWord, (modifier ?? '').toLowerCase(), published);
    add(match.index, match.index + whole.length, single(day), 'day', true);
  }
  for (const match of text.matchAll(RELATIVE_PHRASE)) {
    if (published === null) continue;
    if (/^[A-Z]/.test(match[0]) && isPartOfName(text, match.index, match.index + match[0].length)) {
      continue;
    }
    const resolved = relativePhrase(match, published);
    if (resolved !== null) {
      add(match.index, match.index + match[0].length, resolved.range, resolved.precision, true);
    }
  }
  for (const match of text.matchAll(DECADE)) {
    const decade = Number(match[1]);
    add(match.index, match.index + match[0].length, yearsRange(decade, decade + 9), 'year', false);
  }
  for (const match of text.matchAll(YEAR_RANGE)) {
    const [whole, from = '', to = ''] = match;
    const first = Number(from);
    const last = to.length === 2 ? Math.floor(first / 100) * 100 + Number(to) : Number(to);
    if (last <= first || last - first > 100) continue;
    add(match.index, match.index + whole.length, yearsRange(first, last), 'year', false);
  }
  for (const match of text.matchAll(YEAR_PAIR)) {
    const [whole, from = '', to = ''] = match;
    if (Number(to) <= Number(from)) continue;
    const start = match.index + whole.indexOf(from);
    add(start, match.index + whole.length, yearsRange(Number(from), Number(to)), 'year', false);
  }
  for (const match of text.matchAll(BARE_YEAR)) {
    const year = Number(match[1]);
    const end = match.index + match[0].length;
    if (!hasYearCue(text, match.index)) continue;
    if (COUNTED_NOUNS.test(text.slice(end, end + 20))) continue;
    add(match.index, end, yearsRange(year, year), 'year', false);
  }

  findOtherLanguageDates(text, published, add);
  return pickNonOverlapping(found);
}

// --- French, Russian and Tajik: day-first dates and weekdays. ---

/** Month names by language, January first: French, Russian genitive, Tajik (izofat). */
const FOREIGN_MONTHS: readonly (readonly string[])[] = [
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
  'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'.split(' '),
  'январи феврали марти апрели майи июни июли августи сентябри октябри ноябри декабри'.split(' '),
];
const FOREIGN_MONTH_NUMBER: ReadonlyMap<string, number> = new Map(
  FOREIGN_MONTHS.flatMap((names) => names.map((name, i) => [name, i + 1] as const)),
);
const L = '\\p{L}';
/** "4 septembre 2015", "1er mai", "4 сентября 2015 года", "4 сентябри соли 2015". */
const FOREIGN_DAY_MONTH = new RegExp(
  `(?<![${L}\\d.,:])(\\d{1,2})(?:er)?\\s+(${[...FOREIGN_MONTH_NUMBER.keys()].join('|')})(?![${L}])` +
    `(?:\\s+(?:соли\\s+)?((?:1[89]|20)\\d{2})(?!\\d)(?:\\s+(?:года|г\\.|год|сол)(?![${L}]))?)?`,
  'giu',
);
const FRENCH_WEEKDAYS = 'dimanche lundi mardi mercredi jeudi vendredi samedi'.split(' ');
/** "vendredi", "samedi dernier", "lundi prochain" (Sunday first, as WEEKDAY_NAMES). */
const FRENCH_WEEKDAY = new RegExp(
  `(?<![${L}-])(${FRENCH_WEEKDAYS.join('|')})(?:\\s+(dernier|prochain))?(?![${L}])`,
  'giu',
);
/** Accusative after "в"/"во": "в пятницу", "в прошлую субботу" (Sunday first). */
const RUSSIAN_WEEKDAYS = 'воскресенье понедельник вторник среду четверг пятницу субботу'.split(' ');
const RUSSIAN_WEEKDAY = new RegExp(
  `(?<![${L}])во?\\s+((?:прошл|следующ|эт)[${L}]*\\s+)?(${RUSSIAN_WEEKDAYS.join('|')})(?![${L}])`,
  'giu',
);
/** One cheap test before the French and Cyrillic patterns run. */
const MAY_HAVE_FOREIGN_DATE =
  /[\u0400-\u04FF]|vier\b|mars|avril|mai\b|juin|juillet|août|bre\b|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche/i;

function findOtherLanguageDates(
  text: string,
  published: number | null,
  add: (
    start: number,
    end: number,
    range: DayRange | null,
    precision: DatePrecision,
    relative: boolean,
  ) => void,
): void {
  if (!MAY_HAVE_FOREIGN_DATE.test(text)) return;
  for (const match of text.matchAll(FOREIGN_DAY_MONTH)) {
    const [whole, day = '', monthWord = '', year] = match;
    const month = FOREIGN_MONTH_NUMBER.get(monthWord.toLowerCase()) ?? 0;
    const range = dayRange(month, day, undefined, year, published);
    add(match.index, match.index + whole.length, range, 'day', year === undefined);
  }
  if (published === null) return;
  for (const match of text.matchAll(FRENCH_WEEKDAY)) {
    const [whole, weekday = '', modifier] = match;
    const wanted = FRENCH_WEEKDAYS.indexOf(weekday.toLowerCase());
    const which =
      modifier === undefined ? '' : modifier.toLowerCase() === 'dernier' ? 'last' : 'next';
    const day = weekdayDay(WEEKDAY_NAMES[wanted] ?? '', which, published);
    add(match.index, match.index + whole.length, single(day), 'day', true);
  }
  for (const match of text.matchAll(RUSSIAN_WEEKDAY)) {
    const [whole, modifier, weekday = ''] = match;
    const wanted = RUSSIAN_WEEKDAYS.indexOf(weekday.toLowerCase());
    const stem = (modifier ?? '').toLowerCase();
    const which =
      stem === ''
        ? ''
        : stem.startsWith('прошл')
          ? 'last'
          : stem.startsWith('след')
            ? 'next'
            : 'this';
    const day = weekdayDay(WEEKDAY_NAMES[wanted] ?? '', which, published);
    const start = match.index + whole.indexOf(modifier ?? weekday);
    add(start, match.index + whole.length, single(day), 'day', true);
  }
}

/** Capitalised words that may open a sentence before a weekday ("On Friday, ..."). */
const SENTENCE_OPENERS = new Set(
  'on by since until till from before after early late last next this past through and but or as at in then later earlier the'.split(
    ' ',
  ),
);
/** Names a weekday heads: newspapers and mosques, not days. */
const NAME_AFTER_WEEKDAY = /^\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mosque|Sun)\b/;

/**
 * "Russia Today", "USA Today", "Bloody Sunday", "The Sunday Times": a weekday or
 * "Today" inside a capitalised name is a name, not a day.
 */
function isPartOfName(text: string, start: number, end: number): boolean {
  if (NAME_AFTER_WEEKDAY.test(text.slice(end, end + 12))) return true;
  const previous = /([A-Z][\w'’-]*)[ \t]+$/.exec(text.slice(Math.max(0, start - 30), start));
  if (previous === null) return false;
  const word = (previous[1] ?? '').toLowerCase();
  return !SENTENCE_OPENERS.has(word);
}

/** The word before a bare year must say it is a time ("in", "since", "a 1997 deal"). */
function hasYearCue(text: string, yearStart: number): boolean {
  const before = text.slice(Math.max(0, yearStart - 16), yearStart);
  const word = /([A-Za-z]+)(?:\s+|-)$/.exec(before);
  return word !== null && YEAR_CUES.has((word[1] ?? '').toLowerCase());
}

function pickNonOverlapping(found: Candidate[]): DateMention[] {
  const byStrength = found.toSorted((a, b) => b.length - a.length || a.start - b.start);
  // Kept spans never overlap, so sorted by start they are sorted by end too.
  const kept: Candidate[] = [];
  for (const candidate of byStrength) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((kept[middle] as Candidate).end <= candidate.start) low = middle + 1;
      else high = middle;
    }
    const next = kept[low];
    if (next !== undefined && next.start < candidate.end) continue;
    kept.splice(low, 0, candidate);
  }
  return kept.map(({ length: _length, ...mention }) => mention);
}

// --- Calendar arithmetic on day numbers (days since 1970-01-01, UTC). ---

interface DayRange {
  first: number;
  last: number;
}

const single = (day: number | null): DayRange | null =>
  day === null ? null : { first: day, last: day };

function dayNumberOf(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarOf(day: number): { year: number; month: number; day: number; weekday: number } {
  const date = new Date(day * 86_400_000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Day number of a real YYYY-MM-DD day, or null. */
export function parseIsoDay(day: string): number | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (parts === null) return null;
  return dayNumberOf(Number(parts[1]), Number(parts[2]), Number(parts[3]));
}

function yearsRange(firstYear: number, lastYear: number): DayRange | null {
  const first = dayNumberOf(firstYear, 1, 1);
  const last = dayNumberOf(lastYear, 12, 31);
  return first === null || last === null ? null : { first, last };
}

function monthSpan(year: number, month: number): DayRange | null {
  const first = dayNumberOf(year, month, 1);
  const last = dayNumberOf(year, month, daysInMonth(year, month));
  return first === null || last === null ? null : { first, last };
}

/** A day (or "4-5 September") with an explicit year, or the year that fits publication. */
function dayRange(
  month: number,
  day: string,
  dayTo: string | undefined,
  year: string | undefined,
  published: number | null,
): DayRange | null {
  const fromDay = Number(day);
  const toDay = dayTo === undefined ? fromDay : Number(dayTo);
  if (toDay < fromDay) return null;
  const resolvedYear = year !== undefined ? Number(year) : yearForDay(month, fromDay, published);
  if (resolvedYear === null) return null;
  const first = dayNumberOf(resolvedYear, month, fromDay);
  const last = dayNumberOf(resolvedYear, month, toDay);
  return first === null || last === null ? null : { first, last };
}

/** The year that puts month/day at or just before publication (see FUTURE_SLACK_DAYS). */
function yearForDay(month: number, day: number, published: number | null): number | null {
  if (published === null) return null;
  const publishedYear = calendarOf(published).year;
  const nextYear = dayNumberOf(publishedYear + 1, month, day);
  const thisYear = dayNumberOf(publishedYear, month, day);
  for (const [candidate, year] of [
    [nextYear, publishedYear + 1],
    [thisYear, publishedYear],
  ] as const) {
    if (candidate !== null && candidate > published && candidate - published <= FUTURE_SLACK_DAYS)
      return year;
  }
  // At or before publication: this year, else the latest earlier year with that day (29 Feb).
  for (let year = publishedYear; year >= publishedYear - 8; year--) {
    const candidate = dayNumberOf(year, month, day);
    if (candidate !== null && candidate <= published) return year;
  }
  return null;
}

function monthRange(
  month: number,
  year: string | undefined,
  modifier: string,
  published: number | null,
): DayRange | null {
  if (year !== undefined) return monthSpan(Number(year), month);
  if (published === null) return null;
  const today = calendarOf(published);
  if (modifier === 'this') return monthSpan(today.year, month);
  if (modifier === 'next') {
    return monthSpan(month > today.month ? today.year : today.year + 1, month);
  }
  // "last September" is the latest one that ended before publication's month.
  const sameYearAllowed = modifier === 'last' ? month < today.month : month <= today.month;
  return monthSpan(sameYearAllowed ? today.year : today.year - 1, month);
}

function weekdayDay(weekdayWord: string, modifier: string, published: number): number | null {
  const wanted = WEEKDAY_NAMES.findIndex(
    (name) => name.toLowerCase() === weekdayWord.toLowerCase(),
  );
  const publishedWeekday = calendarOf(published).weekday;
  const back = (publishedWeekday - wanted + 7) % 7;
  switch (modifier) {
    case '':
      return published - back;
    case 'last':
    case 'past':
      return published - (back === 0 ? 7 : back);
    case 'next':
      return published + (7 - back);
    default:
      return null; // "this Friday": past or coming, the text does not say.
  }
}

function relativePhrase(
  match: RegExpMatchArray,
  published: number,
): { range: DayRange | null; precision: DatePrecision } | null {
  const phrase = match[0].toLowerCase().replace(/\s+/g, ' ');
  const [, edge, which, unit, daysAgo] = match.map((part) => part?.toLowerCase());
  const today = calendarOf(published);
  if (phrase.endsWith('day before yesterday'))
    return { range: single(published - 2), precision: 'day' };
  if (phrase === 'yesterday' || phrase === 'last night')
    return { range: single(published - 1), precision: 'day' };
  if (phrase === 'tomorrow') return { range: single(published + 1), precision: 'day' };
  if (phrase === 'today' || phrase === 'tonight' || phrase.startsWith('this ')) {
    if (unit === undefined) return { range: single(published), precision: 'day' };
  }
  if (daysAgo !== undefined) {
    const count = NUMBER_WORDS[daysAgo] ?? Number(daysAgo);
    return { range: single(published - count), precision: 'day' };
  }
  if (which === undefined || unit === undefined) return null;
  const shift = which === 'last' ? -1 : which === 'next' ? 1 : 0;
  if (edge !== undefined && shift !== 0) return null; // "earlier last week": not a phrase we read.
  let range: DayRange | null;
  let precision: DatePrecision;
  if (unit === 'week') {
    const monday = published - ((today.weekday + 6) % 7) + 7 * shift;
    range = { first: monday, last: monday + 6 };
    precision = 'day';
  } else if (unit === 'month') {
    const index = today.year * 12 + (today.month - 1) + shift;
    range = monthSpan(Math.floor(index / 12), (index % 12) + 1);
    precision = 'month';
  } else {
    range = yearsRange(today.year + shift, today.year + shift);
    precision = 'year';
  }
  if (range === null) return null;
  // "earlier this week" ends at publication, "later this month" starts there.
  if (edge === 'earlier') range = { first: range.first, last: Math.min(range.last, published) };
  if (edge === 'later') range = { first: Math.max(range.first, published), last: range.last };
  return { range, precision };
}
