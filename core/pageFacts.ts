/**
 * What a page states about itself - publication day, outlet, title, language -
 * read from the signals its markup carries (page/signals.ts) and, for the
 * date only, from a dateline in its text.
 *
 * Everything here is read, never guessed: an outlet comes from the page's own
 * address or its own site name, not from outlets the text happens to mention;
 * a date keeps the calendar day the page states in its own timezone
 * (2015-09-04T23:30:00+05:00 is 4 September); a dateline without a year is
 * used only when the page's address supplies the year.
 */
import type { Outlet } from './schema';
import type { PageFacts, PageSignals } from './types';
import { monthNumber } from './dates';

export type OutletRef = Pick<Outlet, 'id' | 'name' | 'aliases' | 'domains'>;

/** Meta keys that carry the publication time, most trusted first. */
const PUBLISHED_META_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'datepublished',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.date',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
] as const;

const ARTICLE_TYPES = new Set([
  'newsarticle',
  'article',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'backgroundnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'blogposting',
  'liveblogposting',
]);

/** JSON-LD is untrusted page data: cap what we parse and how far we walk it. */
const JSON_LD_LIMITS = { blockChars: 200_000, blocks: 20, nodes: 2_000, depth: 6 } as const;
/** How much of the text a dateline or a language guess may look at. */
const DATELINE_SCAN_CHARS = 20_000;
const LANGUAGE_SCAN_CHARS = 50_000;

export function readPageFacts(
  signals: PageSignals,
  text: string,
  outlets: readonly OutletRef[],
): PageFacts {
  const article = firstArticle(signals.jsonLd);
  const outlet = findOutlet(signals, article, outlets);
  const published = findPublished(signals, article, text);
  return {
    title: findTitle(signals, article, outlet),
    outletId: outlet?.id ?? null,
    outletName: outlet?.name ?? null,
    publishedAt: published?.day ?? null,
    publishedAtSource: published?.source ?? null,
    language: findLanguage(signals, article, text),
  };
}

// --- JSON-LD ---

interface ArticleLd {
  datePublished: string | null;
  headline: string | null;
  publisherName: string | null;
  inLanguage: string | null;
}

/** The first article-typed node of the page's JSON-LD (arrays and @graph included), or null. */
export function firstArticle(blocks: readonly string[]): ArticleLd | null {
  let budget = JSON_LD_LIMITS.nodes;
  const visit = (value: unknown, depth: number): ArticleLd | null => {
    if (budget-- <= 0 || depth > JSON_LD_LIMITS.depth || value === null) return null;
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = visit(item, depth + 1);
        if (found !== null) return found;
      }
      return null;
    }
    if (typeof value !== 'object') return null;
    const node = value as Record<string, unknown>;
    if (typesOf(node['@type']).some((type) => ARTICLE_TYPES.has(type))) return articleOf(node);
    return visit(node['@graph'], depth + 1);
  };
  for (const block of blocks.slice(0, JSON_LD_LIMITS.blocks)) {
    const found = visit(parseJsonLd(block), 0);
    if (found !== null) return found;
  }
  return null;
}

// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f]/g;

/** Parses a JSON-LD block, or returns null: invalid JSON on a page is common, never fatal. */
function parseJsonLd(block: string): unknown {
  if (block.length > JSON_LD_LIMITS.blockChars) return null;
  const cleaned = block
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>)$/, '')
    // Raw line breaks inside strings are invalid JSON but common; as spaces they parse.
    .replace(CONTROL_CHARACTERS, ' ');
  try {
    return JSON.parse(cleaned) as unknown;
  } catch {
    return null;
  }
}

function typesOf(type: unknown): string[] {
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((item): item is string => typeof item === 'string')
    .map((t) => t.toLowerCase());
}

function articleOf(node: Record<string, unknown>): ArticleLd {
  return {
    datePublished: stringOf(node['datePublished']),
    headline: stringOf(node['headline']) ?? stringOf(node['name']),
    publisherName: nameOf(node['publisher']),
    inLanguage: stringOf(node['inLanguage']) ?? nameOf(node['inLanguage']),
  };
}

function stringOf(value: unknown): string | null {
  if (Array.isArray(value)) return stringOf(value[0]);
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 1_000) : null;
}

/** The name of an Organization-like value (object, array of objects, or plain string). */
function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) return nameOf(value[0]);
  if (typeof value === 'string') return stringOf(value);
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  return stringOf(record['name']) ?? stringOf(record['alternateName']);
}

// --- Publication date ---

/** The calendar day a timestamp states, in its own timezone; null when it is not a date. */
export function statedDay(value: string): string | null {
  const trimmed = value.trim();
  for (const [pattern, order] of STATED_DAY_FORMATS) {
    const match = pattern.exec(trimmed);
    if (match === null) continue;
    const [year, month, day] = order.map((group) => match[group] ?? '') as [string, string, string];
    const monthValue = /^\d+$/.test(month) ? Number(month) : monthNumber(month);
    return realDay(Number(year), monthValue, Number(day));
  }
  return null;
}

/** Timestamp shapes seen in meta tags, with the groups holding year, month and day. */
const STATED_DAY_FORMATS: readonly (readonly [RegExp, readonly [number, number, number]])[] = [
  // ISO 8601 and its relatives: 2015-09-04T23:30:00+05:00, 2015/09/04, 20150904
  [/^(\d{4})[-/]?(\d{2})[-/]?(\d{2})(?![\d])/, [1, 2, 3]],
  // RFC 2822 and prose: "Fri, 04 Sep 2015 12:00:00 GMT", "4 September 2015"
  [/^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/, [3, 2, 1]],
  // "September 4, 2015", "Friday, Sept. 4, 2015"
  [/^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/, [3, 1, 2]],
];

function realDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function findPublished(
  signals: PageSignals,
  article: ArticleLd | null,
  text: string,
): { day: string; source: NonNullable<PageFacts['publishedAtSource']> } | null {
  for (const key of PUBLISHED_META_KEYS) {
    const value = signals.metas[key];
    const day = value === undefined ? null : statedDay(value);
    if (day !== null) return { day, source: 'meta' };
  }
  const fromLd = article?.datePublished ? statedDay(article.datePublished) : null;
  if (fromLd !== null) return { day: fromLd, source: 'json-ld' };
  for (const time of signals.times) {
    const day = statedDay(time);
    if (day !== null) return { day, source: 'time' };
  }
  const fromDateline = datelineDay(text, yearFromUrl(signals.url));
  return fromDateline === null ? null : { day: fromDateline, source: 'dateline' };
}

/** "DUSHANBE, September 14, 2015" / "MOSCOW, 14 September" at the start of an early line. */
const DATELINE =
  /^\s*(?!(?:LAST\s+)?UPDATED\b|PUBLISHED\b|POSTED\b)[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3}(?:,\s+[A-Z][A-Za-z.]+)?\s*(?:\([A-Za-z /]{1,30}\))?,\s+(?:([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?|(\d{1,2})\s+([A-Z][a-z]{2,8})\.?(?:,?\s+(\d{4}))?)(?![\d:])/m;

/** The day of the text's dateline, with its year or `fallbackYear`; null when neither gives one. */
export function datelineDay(text: string, fallbackYear: number | null): string | null {
  const match = DATELINE.exec(text.slice(0, DATELINE_SCAN_CHARS));
  if (match === null) return null;
  const [, monthFirst, dayAfter, yearA, dayFirst, monthAfter, yearB] = match;
  const month = monthNumber(monthFirst ?? monthAfter ?? '');
  const day = Number(dayAfter ?? dayFirst);
  const year = yearA ?? yearB;
  if (month === 0) return null;
  if (year !== undefined) return realDay(Number(year), month, day);
  return fallbackYear === null ? null : realDay(fallbackYear, month, day);
}

/** The year in a URL path such as /2015/09/14/ or /2015-09-14-slug, or null. */
export function yearFromUrl(url: string | null): number | null {
  const path = url === null ? '' : (/^https?:\/\/[^/?#]+(\/[^?#]*)?/i.exec(url)?.[1] ?? '');
  const match = /\/((?:19|20)\d{2})[/-](?:0[1-9]|1[0-2])(?:[/-]|$)/.exec(path);
  return match === null ? null : Number(match[1]);
}

// --- Outlet ---

function findOutlet(
  signals: PageSignals,
  article: ArticleLd | null,
  outlets: readonly OutletRef[],
): OutletRef | null {
  for (const url of [signals.url, signals.metas['og:url'] ?? null]) {
    const byHost = outletForUrl(url, outlets);
    if (byHost !== null) return byHost;
  }
  const twitter = signals.metas['twitter:site']?.replace(/^@/, '') ?? null;
  for (const name of [signals.metas['og:site_name'], article?.publisherName, twitter]) {
    const byName = name ? outletNamed(name, outlets) : null;
    if (byName !== null) return byName;
  }
  return null;
}

/** The host of an http(s) URL, unwrapping a Wayback Machine capture to the page it captured. */
export function hostOf(url: string | null): string | null {
  if (url === null) return null;
  const wayback = /^https?:\/\/web\.archive\.org\/web\/[^/]+\/(https?:\/\/.*)$/i.exec(url);
  if (wayback?.[1] !== undefined) return hostOf(wayback[1]);
  const host = /^https?:\/\/(?:[^@/?#]*@)?([^/:?#]+)/i.exec(url)?.[1];
  return host === undefined ? null : host.toLowerCase().replace(/\.$/, '');
}

/** The outlet owning the URL's host or the nearest parent domain (m.rferl.org -> rferl.org). */
export function outletForUrl(url: string | null, outlets: readonly OutletRef[]): OutletRef | null {
  const host = hostOf(url);
  if (host === null) return null;
  const labels = host.split('.');
  const isAddress = /^[\d.]+$/.test(host) || host.includes(':');
  const lastCandidate = isAddress ? 0 : labels.length - 2;
  for (let first = 0; first <= lastCandidate; first++) {
    const domain = labels.slice(first).join('.');
    const owner = outlets.find((outlet) =>
      outlet.domains.some((owned) => owned.toLowerCase() === domain),
    );
    if (owner !== undefined) return owner;
  }
  return null;
}

/** Names compared without case, accents, spaces or punctuation: "RFE/RL" is "rfe rl". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function outletNamed(name: string, outlets: readonly OutletRef[]): OutletRef | null {
  const key = nameKey(name);
  if (key === '') return null;
  return (
    outlets.find((outlet) => [outlet.name, ...outlet.aliases].some((n) => nameKey(n) === key)) ??
    null
  );
}

// --- Title ---

// The lookbehind starts a match only at the start of a whitespace run: without it
// a long run of spaces is rescanned from every position (quadratic; see test/unit/fuzz/redos.test.ts).
const TITLE_SEPARATOR = /(?<!\s)\s+(?:\||-|–|—|::|\/\/|·)\s+/g;

function findTitle(
  signals: PageSignals,
  article: ArticleLd | null,
  outlet: OutletRef | null,
): string | null {
  const siteNames = [signals.metas['og:site_name'], outlet?.name, ...(outlet?.aliases ?? [])]
    .filter((name): name is string => typeof name === 'string')
    .map(nameKey)
    .filter((key) => key !== '');
  return (
    cleanTitle(signals.metas['og:title']) ??
    cleanTitle(article?.headline) ??
    cleanTitle(signals.metas['twitter:title']) ??
    stripSiteName(cleanTitle(signals.title), siteNames)
  );
}

function cleanTitle(value: string | null | undefined): string | null {
  const collapsed = value?.replace(/\s+/g, ' ').trim() ?? '';
  return collapsed === '' ? null : collapsed;
}

/**
 * "Headline | Section | Site" -> "Headline". A trailing (or leading) part goes
 * when it is the site's own name; a trailing part after " | " also goes when
 * it is short, since pipes in headlines are rare and in <title> suffixes common.
 */
export function stripSiteName(title: string | null, siteNames: readonly string[]): string | null {
  if (title === null) return null;
  const pieces: { text: string; separator: string }[] = [];
  let last = 0;
  for (const match of title.matchAll(TITLE_SEPARATOR)) {
    pieces.push({ text: title.slice(last, match.index), separator: match[0].trim() });
    last = match.index + match[0].length;
  }
  pieces.push({ text: title.slice(last), separator: '' });
  const isSite = (text: string) => siteNames.includes(nameKey(text));
  while (pieces.length > 1) {
    const tail = pieces[pieces.length - 1] as { text: string };
    const before = pieces[pieces.length - 2] as { separator: string };
    if (isSite(tail.text) || (before.separator === '|' && tail.text.length <= 30)) pieces.pop();
    else break;
  }
  if (pieces.length > 1 && isSite((pieces[0] as { text: string }).text)) pieces.shift();
  const stripped = pieces
    .map((piece, index) =>
      index < pieces.length - 1 ? `${piece.text} ${piece.separator} ` : piece.text,
    )
    .join('')
    .trim();
  return stripped === '' ? title : stripped;
}

// --- Language ---

function findLanguage(
  signals: PageSignals,
  article: ArticleLd | null,
  text: string,
): string | null {
  for (const tag of [
    signals.lang,
    signals.metas['og:locale'],
    article?.inLanguage,
    signals.metas['content-language'],
    signals.metas['language'],
  ]) {
    const code = languageCode(tag);
    if (code !== null) return code;
  }
  return guessLanguage(text);
}

/** "en-US", "en_GB", "EN" -> "en"; anything else (a name, "x-default", a list) -> null. */
export function languageCode(tag: string | null | undefined): string | null {
  const first = tag?.split(',')[0]?.trim() ?? '';
  const match = /^([a-z]{2})(?:[-_][a-z0-9]{1,8})*$/i.exec(first);
  return match === null ? null : (match[1] ?? '').toLowerCase();
}

const STOP_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(
    'the of and to in is was that for on with by as at from said were has have it its he his this which who are be had been after an not their they'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le la les de des du et est une un que qui dans pour par sur au aux pas avec ont été son sa ses ce cette il elle selon après'.split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das und ist nicht mit von den dem des ein eine einer im auf sich auch wurde wurden zu für bei nach sind hat aus'.split(
      ' ',
    ),
  ),
  es: new Set(
    'el la los las de del y que en un una por con para es se su sus fue al como más según'.split(
      ' ',
    ),
  ),
  ru: new Set(
    'и в не на что с по как это из к у за от о для был была были который также его её они'.split(
      ' ',
    ),
  ),
  tg: new Set('ва дар ба аз ки бо ин он барои мебошад шуд буд аст намуд карда шуда'.split(' ')),
};
/** Letters Tajik Cyrillic has and Russian does not. */
const TAJIK_LETTERS = /[ҳқӣӯҷғ]/;

/**
 * A stop-word vote over the text's words, returned only when it is clear: enough
 * words, a fair share of stop words, and the winner well ahead of the runner-up.
 */
export function guessLanguage(text: string): string | null {
  const words =
    text
      .slice(0, LANGUAGE_SCAN_CHARS)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (words.length < 30) return null;
  const hits = new Map<string, number>(Object.keys(STOP_WORDS).map((code) => [code, 0]));
  for (const word of words) {
    for (const [code, stopWords] of Object.entries(STOP_WORDS)) {
      if (stopWords.has(word)) hits.set(code, (hits.get(code) ?? 0) + 1);
    }
    if (TAJIK_LETTERS.test(word)) hits.set('tg', (hits.get('tg') ?? 0) + 1);
  }
  const ranked = [...hits.entries()].toSorted((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best === undefined || second === undefined) return null;
  const confident = best[1] >= 10 && best[1] >= 2 * second[1] && best[1] >= 0.08 * words.length;
  return confident ? best[0] : null;
}
