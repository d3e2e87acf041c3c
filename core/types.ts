/**
 * The plain-data contracts between the core's stages: what matching, claim
 * extraction, date resolution, incident resolution and comparison hand to one
 * another. Every offset is a UTF-16 index into the page's visible text (the
 * same string the stage was given), `end` exclusive, so `text.slice(start, end)`
 * is always what was found.
 */
import type {
  Actor,
  DatePrecision,
  Figure,
  Incident,
  Outcome,
  Outlet,
  Place,
  Qualifier,
  Report,
  Side,
} from './schema';

export interface Span {
  start: number;
  end: number;
}

export type EntityKind = 'actor' | 'place' | 'incident';

/** One spelling the matcher looks for, and what it stands for. */
export interface LexiconEntry {
  /** The id of the actor, place or incident (incident entries are its keywords). */
  targetId: string;
  kind: EntityKind;
  /** The spelling as the dataset gives it. */
  alias: string;
  /** Needs a strong alias of the same target nearby to count (see ActorSchema.weakAliases). */
  weak: boolean;
}

/** A dictionary hit in the text. */
export interface AliasMatch extends Span {
  targetId: string;
  kind: EntityKind;
  /** The dataset spelling that matched. */
  alias: string;
  weak: boolean;
}

/** A casualty figure read from the text. */
export interface Claim extends Span {
  /** text.slice(start, end): the phrase holding the number and what it counts. */
  text: string;
  low: number;
  high: number;
  qualifier: Qualifier;
  side: Side;
  /** The text's own word for whom it counts ("policemen"), or '' when none. */
  sideLabel: string;
  outcome: Outcome;
  /** Whose word it is, as the sentence or paragraph says ("the ministry"), or null. */
  attributedTo: string | null;
  /**
   * 'previous' when the figure adds to an earlier count ("five more border
   * guards", "another three", "two additional soldiers"): it is not a total
   * and must not be compared as one. Absent for an ordinary figure.
   */
  relativeTo?: 'previous';
  /**
   * 'operation' when the figure's sentence speaks of an operation, a hunt or
   * a sweep ("since the operation began", "в ходе спецоперации"): it more
   * likely counts the operation that followed an attack than the attack.
   * 'claimed' when a group claims responsibility for it in its own clause
   * ("claimed responsibility for killing 28 soldiers"): it counts that
   * group's attack, never an operation against it. Absent otherwise.
   */
  frame?: 'operation' | 'claimed';
}

/** A date the text mentions, resolved to the calendar. */
export interface DateMention extends Span {
  text: string;
  /** First day it can mean, YYYY-MM-DD. */
  date: string;
  /** Last day it can mean (equal to date for one day; a year range for "1992-97"). */
  endDate: string;
  precision: DatePrecision;
  /** True when it was resolved against the publication date ("on Friday"). */
  relative: boolean;
  /**
   * What governs it, when its neighbours tell (core/dateRoles.ts): a verb of
   * saying ("said on Friday") dates words; a casualty verb ("killed Saturday")
   * dates the event.
   */
  role?: 'speech' | 'event';
}

/** What the page itself tells about itself, read from its markup. */
export interface PageSignals {
  url: string | null;
  /** document.title */
  title: string | null;
  /** <html lang> */
  lang: string | null;
  /** meta tags by lower-cased name or property ("og:site_name", "article:published_time"). */
  metas: Record<string, string>;
  /** Raw text of each <script type="application/ld+json">. */
  jsonLd: string[];
  /** datetime attributes of <time> elements, in document order. */
  times: string[];
}

export interface PageFacts {
  title: string | null;
  /** The dataset outlet the page belongs to, or null when unknown: never guessed. */
  outletId: string | null;
  outletName: string | null;
  /** YYYY-MM-DD, or null when the page does not say. */
  publishedAt: string | null;
  /** Where publishedAt came from: 'meta', 'json-ld', 'time', 'dateline' or null. */
  publishedAtSource: 'meta' | 'json-ld' | 'time' | 'dateline' | null;
  /** ISO 639-1 code, or null. */
  language: string | null;
}

/** Everything read from one page, before anything is looked up in the dataset. */
export interface PageEvidence {
  facts: PageFacts;
  /** Confirmed matches only (weak aliases without a cue are dropped). */
  matches: AliasMatch[];
  claims: Claim[];
  dates: DateMention[];
}

export type Verdict = 'agrees' | 'within-range' | 'above-all' | 'below-all' | 'no-comparable';

/** One incident with everything the resolver, the comparison and the popover need. */
export interface IncidentBundle {
  incident: Incident;
  reports: Report[];
  figures: Figure[];
  /** The outlets of these reports and of the wires they carry. */
  outlets: Outlet[];
  places: Place[];
  /** The actors the incident names. */
  actors: Actor[];
  /**
   * Which of `reports` are the user's own saved sources (pages they saved
   * from the popup), not the dataset's. Their figures sit in `figures` like
   * any other, so they are compared like any other; their outlet is in
   * `outlets` (a dataset outlet, or one named by the user with an id starting
   * 'user-'). Absent or empty when there are none.
   */
  userReportIds?: string[];
}

/** Which incidents to load for a page: anything sharing an actor, a place or a keyword with it. */
export interface CandidateQuery {
  actorIds: string[];
  placeIds: string[];
  incidentIds: string[];
}

export interface LinkedIncident {
  incidentId: string;
  title: string;
  startDate: string;
  endDate: string;
  datePrecision: DatePrecision;
  score: number;
  /** Human-readable evidence, e.g. ["Nazarzoda", "Vahdat", "4 Sept 2015", "8 police killed"]. */
  reasons: string[];
}

/** One report's figure set beside a figure from the page. */
export interface ComparedSource {
  reportId: string;
  figureId: string;
  outletId: string;
  outletName: string;
  publishedAt: string;
  url: string | null;
  low: number;
  high: number;
  qualifier: Qualifier;
  attributedTo: string;
  quote: string;
  /** This source's figure is compatible with the page's. */
  agrees: boolean;
}

export interface FigureComparison {
  verdict: Verdict;
  sources: ComparedSource[];
  /** Lowest low and highest high among the sources, or null when there are none. */
  range: { low: number; high: number } | null;
}

export interface ResolvedClaim extends Claim {
  incidentId: string | null;
  comparison: FigureComparison | null;
}

export interface PageResolution {
  incidents: LinkedIncident[];
  claims: ResolvedClaim[];
}
