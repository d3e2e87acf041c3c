/**
 * Finds incidents by what a person types into the popup's search box: part
 * of a title, an alias of an actor or place, a keyword, a year or a date
 * ("nazarz", "Ramit 2015", "border post Nov 2019"). Every word typed must
 * be found (a prefix of a word of the incident's names, or a date the
 * incident spans), so suggestions narrow as the user types instead of
 * drifting to loosely related incidents.
 */
import { findDates, monthNumber } from './dates';
import { normalizeKey } from './normalize';
import type { Actor, DatePrecision, Incident, Place } from './schema';

/** One incident as the search box suggests it. */
export interface IncidentSuggestion {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  datePrecision: DatePrecision;
  placeNames: string[];
}

/** An incident prepared for search: its suggestion and the normalised words it answers to. */
export interface SearchableIncident {
  suggestion: IncidentSuggestion;
  /** Words of the title (weighted higher). */
  titleWords: string[];
  /** Words of every actor, place and keyword spelling. */
  otherWords: string[];
  /** The title and every spelling whole, normalised: a query typed as a phrase ranks higher. */
  phrases: string[];
}

export const MAX_SUGGESTIONS = 8;
/** Queries longer than this are cut: nobody types more into a search box. */
export const MAX_QUERY_LENGTH = 200;

/** Prepares incidents once (the background keeps the result until the data changes). */
export function buildSearchIndex(data: {
  incidents: readonly Incident[];
  places: readonly Place[];
  actors: readonly Actor[];
}): SearchableIncident[] {
  const places = new Map(data.places.map((place) => [place.id, place]));
  const actors = new Map(data.actors.map((actor) => [actor.id, actor]));
  return data.incidents.map((incident) => {
    const incidentPlaces = incident.placeIds.flatMap((id) => places.get(id) ?? []);
    const incidentActors = incident.actors.flatMap(({ actorId }) => actors.get(actorId) ?? []);
    const spellings = [
      ...incident.keywords,
      ...incidentPlaces.flatMap((place) => [place.name, ...place.aliases]),
      ...incidentActors.flatMap((actor) => [actor.name, ...actor.aliases]),
    ];
    return {
      suggestion: {
        id: incident.id,
        title: incident.title,
        startDate: incident.startDate,
        endDate: incident.endDate,
        datePrecision: incident.datePrecision,
        placeNames: incidentPlaces.map((place) => place.name),
      },
      titleWords: wordsOf([incident.title]),
      otherWords: wordsOf(spellings),
      phrases: [...new Set([incident.title, ...spellings].map(normalizeKey))],
    };
  });
}

function wordsOf(texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of normalizeKey(text).split(/\s+/)) if (word !== '') words.add(word);
  }
  return [...words];
}

/** A day span the query names: a date ("4 Sept 2015", "Nov 2019") or a bare year. */
interface QueryDate {
  start: string;
  end: string;
}

const YEAR = /^(1[89]|20)\d\d$/;

function monthSpan(year: number, month: number): QueryDate {
  const start = `${year}-${String(month).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { start, end };
}

interface ParsedQuery {
  words: string[];
  dates: QueryDate[];
}

/** Splits a query into the dates it names and the remaining words. */
export function parseSearchQuery(query: string): ParsedQuery {
  const text = query.slice(0, MAX_QUERY_LENGTH);
  const dates: QueryDate[] = [];
  let rest = '';
  let from = 0;
  for (const mention of findDates(text, null)) {
    dates.push({ start: mention.date, end: mention.endDate });
    rest += ` ${text.slice(from, mention.start)} `;
    from = mention.end;
  }
  rest += text.slice(from);
  const words: string[] = [];
  const tokens = rest.split(/[\s,.;:/]+/).filter((token) => token !== '');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const month = monthNumber(token);
    const next = tokens[i + 1] ?? '';
    if (month > 0 && YEAR.test(next)) {
      dates.push(monthSpan(Number(next), month));
      i++;
    } else if (YEAR.test(token)) {
      dates.push({ start: `${token}-01-01`, end: `${token}-12-31` });
    } else {
      for (const word of normalizeKey(token).split(/\s+/)) if (word !== '') words.push(word);
    }
  }
  return { words, dates };
}

const EXACT_TITLE = 3;
const PREFIX_TITLE = 2;
const EXACT_OTHER = 2;
const PREFIX_OTHER = 1;
const DATE_MATCH = 2;
const PHRASE_MATCH = 2;

/** How well one typed word fits the incident; 0 when it does not. */
function wordScore(word: string, entry: SearchableIncident): number {
  if (entry.titleWords.includes(word)) return EXACT_TITLE;
  if (entry.otherWords.includes(word)) return EXACT_OTHER;
  if (entry.titleWords.some((w) => w.startsWith(word))) return PREFIX_TITLE;
  if (entry.otherWords.some((w) => w.startsWith(word))) return PREFIX_OTHER;
  return 0;
}

/**
 * The best incidents for a query, at most `limit`: every word and date must
 * fit; ranked by how well, then the most recent first, then by id. An empty
 * query suggests nothing.
 */
export function searchIncidents(
  query: string,
  index: readonly SearchableIncident[],
  limit: number = MAX_SUGGESTIONS,
): IncidentSuggestion[] {
  const { words, dates } = parseSearchQuery(query);
  if (words.length === 0 && dates.length === 0) return [];
  const phrase = words.join(' ');
  const scored: { entry: SearchableIncident; score: number }[] = [];
  for (const entry of index) {
    let score = 0;
    let fits = true;
    for (const word of words) {
      const points = wordScore(word, entry);
      if (points === 0) {
        fits = false;
        break;
      }
      score += points;
    }
    if (!fits) continue;
    const { startDate, endDate } = entry.suggestion;
    if (!dates.every((date) => date.start <= endDate && startDate <= date.end)) continue;
    if (words.length > 1 && entry.phrases.some((p) => p.startsWith(phrase))) score += PHRASE_MATCH;
    scored.push({ entry, score: score + dates.length * DATE_MATCH });
  }
  return scored
    .toSorted(
      (a, b) =>
        b.score - a.score ||
        b.entry.suggestion.startDate.localeCompare(a.entry.suggestion.startDate) ||
        a.entry.suggestion.id.localeCompare(b.entry.suggestion.id),
    )
    .slice(0, limit)
    .map(({ entry }) => entry.suggestion);
}
