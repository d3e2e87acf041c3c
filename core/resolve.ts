/**
 * Decides which incidents a page is about, and which incident each of its
 * figures counts.
 *
 * A wrong link is worse than none, so an incident is linked only when
 * several kinds of evidence agree: who is named and in what role, where,
 * when (the dates the page mentions and when it was published), the phrases
 * that point at the incident, and figures that match its reports. A place
 * alone or a minor name alone never links; a page published before the
 * incident cannot be about it; a page whose dates all lie far from the
 * incident counts against it. Every point of the score is kept with a short
 * reason so the popover can say why.
 */
import { compareClaim } from './compare';
import { formatDay, formatSpan } from './format';
import type { Incident } from './schema';
import type {
  AliasMatch,
  Claim,
  DateMention,
  IncidentBundle,
  LinkedIncident,
  PageEvidence,
  PageResolution,
  ResolvedClaim,
  Span,
  Verdict,
} from './types';

/** Paragraph and sentence spans of the page text, to tell which evidence sits near a figure. */
export interface PageLayout {
  paragraphs: Span[];
  sentences: Span[];
}

/** Evidence, with the page's layout when the text was at hand (else nearby means within a window). */
export type ResolvableEvidence = PageEvidence & { layout?: PageLayout };

/** Points needed to link an incident. */
export const LINK_THRESHOLD = 3;
/** Points needed when nothing on the page places it in time near the incident (no date, no publication date). */
export const UNDATED_LINK_THRESHOLD = 4.5;

const ROLE_WEIGHT: Record<Incident['actors'][number]['role'], number> = {
  perpetrator: 2,
  accused: 2,
  claimant: 1.5,
  leader: 1.5,
  party: 1,
  target: 0.75,
  responder: 0.5,
  official: 0.25,
};
/** Roles that identify an incident; officials and responders appear in every incident of their country. */
const IDENTIFYING_ROLES = new Set(['perpetrator', 'accused', 'claimant', 'leader', 'party']);
/**
 * An operation is named by whom it hunts: the man or group an operation
 * targets identifies it as an attacker identifies an attack. (The targets of
 * an attack - its dead, the ministry it struck - do not.)
 */
const isHunted = (incident: Incident, role: Incident['actors'][number]['role']) =>
  incident.kind === 'operation' && role === 'target';
const ACTOR_KIND_WEIGHT = { person: 1, 'armed-group': 1, organisation: 0.75, 'state-body': 0.4 };
const PLACE_KIND_WEIGHT = { site: 1.25, district: 1, city: 0.75, region: 0.5, country: 0.1 };

/** A date as exact as the incident's own and on it: a month naming a month-long clash, a day on the day. */
const EXACT_DATE_WEIGHT = 1;
/** Dates within this many days of a day-precise incident are near it... */
const NEAR_DAYS = 2;
/** ...and beyond this many, far from it. */
const FAR_DAYS = 45;
/**
 * A page published before the incident began cannot be about it. No slack
 * for time zones: linking a page to an operation that began the day after
 * it was written is the worse mistake.
 */
const PUBLISHED_BEFORE_TOLERANCE = 0;

export type EvidenceKind = 'actor' | 'place' | 'keyword' | 'date' | 'figure' | 'published';

export interface Point {
  kind: EvidenceKind;
  weight: number;
  reason: string;
  /** Names what sets the incident apart: its own phrase, or an actor in a defining role. */
  identifying: boolean;
  /** Ties the page to the incident's place or time: its phrase, a place smaller than a country, its date. */
  anchoring: boolean;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/** Days between two spans of days; 0 when they overlap. */
export function daysApart(
  a: { start: string; end: string },
  b: { start: string; end: string },
): number {
  const gap = Math.max(
    dayNumber(b.start) - dayNumber(a.end),
    dayNumber(a.start) - dayNumber(b.end),
  );
  return Math.max(0, gap);
}

const incidentSpan = (incident: Incident) => ({ start: incident.startDate, end: incident.endDate });
const mentionSpan = (date: DateMention) => ({ start: date.date, end: date.endDate });

/** How close a date mention is to an incident: near (with a weight), far, or neither. */
export function dateProximity(
  date: DateMention,
  incident: Incident,
): { near: number; far: boolean } {
  const apart = daysApart(mentionSpan(date), incidentSpan(incident));
  const farDays =
    incident.datePrecision === 'day' ? FAR_DAYS : incident.datePrecision === 'month' ? 60 : 365;
  if (apart > farDays) return { near: 0, far: true };
  if (date.precision === 'day') {
    if (apart === 0) return { near: 1.25, far: false };
    return { near: apart <= NEAR_DAYS ? 0.5 : 0, far: false };
  }
  if (apart > 0) return { near: 0, far: false };
  if (date.precision === 'month') {
    const near = { day: 0.6, month: EXACT_DATE_WEIGHT, year: 0.5 }[incident.datePrecision];
    return { near, far: false };
  }
  // A year covering a day-precise incident says little; a year range naming a war says much,
  // but one year inside a long war ("president since 1994") is only a hint.
  if (incident.datePrecision !== 'year') return { near: 0.2, far: false };
  return { near: coverage(date, incident) >= 0.5 ? EXACT_DATE_WEIGHT : 0.5, far: false };
}

/** The share of the incident's days that the mention covers. */
function coverage(date: DateMention, incident: Incident): number {
  const from = Math.max(dayNumber(date.date), dayNumber(incident.startDate));
  const to = Math.min(dayNumber(date.endDate), dayNumber(incident.endDate));
  const length = dayNumber(incident.endDate) - dayNumber(incident.startDate) + 1;
  return Math.max(0, to - from + 1) / length;
}

/** Scores one incident against the whole page. */
function scoreIncident(
  bundle: IncidentBundle,
  evidence: PageEvidence,
  featuredIn: Map<string, number>,
  verdicts: VerdictCache = new VerdictCache(),
): { points: Point[]; excluded: boolean } {
  const { incident } = bundle;
  const points: Point[] = [];
  const published = evidence.facts.publishedAt;
  if (
    published !== null &&
    dayNumber(published) < dayNumber(incident.startDate) - PUBLISHED_BEFORE_TOLERANCE
  ) {
    return { points, excluded: true };
  }
  const byTarget = groupBy(evidence.matches, (m) => m.targetId);

  for (const { actorId, role } of incident.actors) {
    const mentions = byTarget.get(actorId)?.length ?? 0;
    const actor = bundle.actors.find((a) => a.id === actorId);
    if (mentions === 0 || actor === undefined) continue;
    const specificity = ACTOR_KIND_WEIGHT[actor.kind] / Math.sqrt(featuredIn.get(actorId) ?? 1);
    const repetition = 1 + 0.5 * Math.min(mentions - 1, 4);
    points.push({
      kind: 'actor',
      weight: ROLE_WEIGHT[role] * specificity * repetition,
      reason: actor.name,
      identifying:
        (IDENTIFYING_ROLES.has(role) || isHunted(incident, role)) && actor.kind !== 'state-body',
      anchoring: false,
    });
  }
  for (const placeId of incident.placeIds) {
    const mentions = byTarget.get(placeId)?.length ?? 0;
    const place = bundle.places.find((p) => p.id === placeId);
    if (mentions === 0 || place === undefined) continue;
    const specificity = PLACE_KIND_WEIGHT[place.kind] / Math.sqrt(featuredIn.get(placeId) ?? 1);
    points.push({
      kind: 'place',
      weight: specificity * (1 + 0.25 * Math.min(mentions - 1, 4)),
      reason: place.name,
      identifying: false,
      anchoring: place.kind !== 'country',
    });
  }
  const keywords = groupBy(
    (byTarget.get(incident.id) ?? []).filter((m) => m.kind === 'incident'),
    (m) => m.alias.toLowerCase(),
  );
  for (const [, mentions] of keywords) {
    const first = mentions[0];
    if (first === undefined) continue;
    points.push({
      kind: 'keyword',
      weight: Math.min(1 + 0.25 * (mentions.length - 1), 1.5),
      reason: first.alias,
      identifying: true,
      anchoring: true,
    });
  }
  points.push(...datePoints(evidence.dates, incident));
  points.push(...figurePoints(evidence.claims, bundle, verdicts));
  if (published !== null) points.push(...publishedPoints(published, incident));
  return { points: capKeywords(points), excluded: false };
}

/** Distinct dates near the incident count for it; dates that are all far count against it. */
function datePoints(dates: readonly DateMention[], incident: Incident): Point[] {
  const seen = new Map<string, Point>();
  let far = 0;
  for (const date of dates) {
    const { near, far: isFar } = dateProximity(date, incident);
    if (isFar) far += 1;
    if (near === 0) continue;
    const reason = formatSpan(date.date, date.endDate, date.precision);
    const known = seen.get(reason);
    if (known === undefined || known.weight < near) {
      const anchoring = near >= EXACT_DATE_WEIGHT;
      seen.set(reason, { kind: 'date', weight: near, reason, identifying: false, anchoring });
    }
  }
  const near = [...seen.values()];
  // A bare year around a day-precise incident ("since 2015") does not outweigh dates far from it.
  if (far > 0 && !near.some((p) => p.weight >= 0.5)) {
    return [
      ...near,
      {
        kind: 'date',
        weight: -1.5,
        reason: 'dates far from it',
        identifying: false,
        anchoring: false,
      },
    ];
  }
  return capTotal(near, 2.5);
}

/** A page figure equal to one of the incident's reported figures. */
function figurePoints(
  claims: readonly Claim[],
  bundle: IncidentBundle,
  verdicts: VerdictCache,
): Point[] {
  const seen = new Set<string>();
  const points: Point[] = [];
  for (const claim of claims) {
    const key = `${claim.low}-${claim.high}-${claim.side}-${claim.outcome}`;
    if (seen.has(key) || verdicts.verdict(claim, bundle) !== 'agrees') continue;
    seen.add(key);
    // Small counts (one, two) match by chance far more often than 28 or 33.
    points.push({
      kind: 'figure',
      weight: claim.high <= 2 ? 0.3 : 0.75,
      reason: claimReason(claim),
      identifying: false,
      anchoring: false,
    });
  }
  return capTotal(points, 2);
}

/** "8 policemen killed" */
export function claimReason(
  claim: Pick<Claim, 'low' | 'high' | 'side' | 'sideLabel' | 'outcome'>,
): string {
  const count = claim.low === claim.high ? `${claim.low}` : `${claim.low}-${claim.high}`;
  const who =
    claim.sideLabel !== ''
      ? claim.sideLabel
      : claim.side === 'all' || claim.side === 'unknown'
        ? ''
        : claim.side;
  return [count, who, claim.outcome].filter((part) => part !== '').join(' ');
}

/** News is published within days of the event; a page years later is rarely about it. */
function publishedPoints(published: string, incident: Incident): Point[] {
  if (incident.datePrecision === 'year') return [];
  const after = dayNumber(published) - dayNumber(incident.endDate);
  const reason = `published ${formatDay(published)}`;
  if (after <= 7)
    return [{ kind: 'published', weight: 1, reason, identifying: false, anchoring: false }];
  if (after <= 30)
    return [{ kind: 'published', weight: 0.5, reason, identifying: false, anchoring: false }];
  if (after > 365)
    return [
      {
        kind: 'published',
        weight: -0.5,
        reason: 'published years later',
        identifying: false,
        anchoring: false,
      },
    ];
  return [];
}

function capKeywords(points: Point[]): Point[] {
  const keywords = points.filter((p) => p.kind === 'keyword');
  return [...points.filter((p) => p.kind !== 'keyword'), ...capTotal(keywords, 3)];
}

/** Scales positive points down so they sum to at most `cap`. */
function capTotal(points: Point[], cap: number): Point[] {
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  if (total <= cap) return points;
  return points.map((p) => ({ ...p, weight: (p.weight * cap) / total }));
}

/**
 * compareClaim's verdict per incident and distinct figure (count, side,
 * outcome, increment or not: all it reads of a claim), for one page: a long
 * page repeats the same few figures many times over.
 */
class VerdictCache {
  private readonly byBundle = new Map<IncidentBundle, Map<string, Verdict>>();

  verdict(claim: Claim, bundle: IncidentBundle): Verdict {
    let known = this.byBundle.get(bundle);
    if (known === undefined) {
      known = new Map();
      this.byBundle.set(bundle, known);
    }
    const key = `${claim.low}\u0000${claim.high}\u0000${claim.side}\u0000${claim.outcome}\u0000${claim.relativeTo ?? ''}`;
    let verdict = known.get(key);
    if (verdict === undefined) {
      verdict = compareClaim(claim, bundle).verdict;
      known.set(key, verdict);
    }
    return verdict;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

/** How many candidate incidents feature each actor and place: names shared by many say less. */
function countFeatures(candidates: readonly IncidentBundle[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { incident } of candidates) {
    for (const id of new Set([...incident.actors.map((a) => a.actorId), ...incident.placeIds])) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Linked when the points reach the threshold (a higher one when nothing
 * dates the page near the incident), something identifying is
 * named (a keyword of the incident, or an actor in a defining role),
 * something anchors the page in the incident's place or time (a keyword, a
 * place smaller than a country, a date on the incident), and at least two
 * different kinds of evidence agree. A group that acts in many countries
 * (Islamic State) thus never links a page about another of its attacks.
 */
export function isLinked(points: readonly Point[]): boolean {
  const score = points.reduce((sum, p) => sum + p.weight, 0);
  const kinds = new Set(points.filter((p) => p.weight > 0).map((p) => p.kind));
  const dated = kinds.has('date') || kinds.has('published');
  return (
    score >= (dated ? LINK_THRESHOLD : UNDATED_LINK_THRESHOLD) &&
    points.some((p) => p.identifying) &&
    points.some((p) => p.anchoring) &&
    kinds.size >= 2
  );
}

/** Every candidate's score and evidence, linked or not: for tuning and for "why not this one?". */
export function explainCandidates(
  evidence: PageEvidence,
  candidates: readonly IncidentBundle[],
): { incidentId: string; score: number; linked: boolean; excluded: boolean; points: Point[] }[] {
  const featuredIn = countFeatures(candidates);
  return candidates.map((bundle) => {
    const { points, excluded } = scoreIncident(bundle, evidence, featuredIn);
    const score = round(points.reduce((sum, p) => sum + p.weight, 0));
    return {
      incidentId: bundle.incident.id,
      score,
      linked: !excluded && isLinked(points),
      excluded,
      points,
    };
  });
}

export function resolvePage(
  evidence: ResolvableEvidence,
  candidates: readonly IncidentBundle[],
): PageResolution {
  const featuredIn = countFeatures(candidates);
  const verdicts = new VerdictCache();
  const linked: { bundle: IncidentBundle; link: LinkedIncident }[] = [];
  const rivals: IncidentBundle[] = [];
  for (const bundle of candidates) {
    const { points, excluded } = scoreIncident(bundle, evidence, featuredIn, verdicts);
    if (excluded) continue;
    if (!isLinked(points)) {
      // A candidate the page names in its own terms can claim a figure, so that figure
      // stays unassigned rather than go to the wrong incident.
      const score = points.reduce((sum, p) => sum + p.weight, 0);
      if (score > 0 && points.some((p) => p.identifying)) rivals.push(bundle);
      continue;
    }
    const { incident } = bundle;
    linked.push({
      bundle,
      link: {
        incidentId: incident.id,
        title: incident.title,
        startDate: incident.startDate,
        endDate: incident.endDate,
        datePrecision: incident.datePrecision,
        score: round(points.reduce((sum, p) => sum + p.weight, 0)),
        reasons: reasonsOf(points),
      },
    });
  }
  const ranked = linked.toSorted(
    (a, b) => b.link.score - a.link.score || a.link.incidentId.localeCompare(b.link.incidentId),
  );
  const bundles = ranked.map((l) => l.bundle);
  const layout = evidence.layout ?? null;
  const context =
    bundles.length === 0
      ? null
      : assignmentContext([...bundles, ...rivals], bundles.length, evidence, layout, verdicts);
  const claims = evidence.claims.map((claim): ResolvedClaim => {
    const bundle = context === null ? null : assignClaim(claim, context);
    return {
      ...claim,
      incidentId: bundle?.incident.id ?? null,
      comparison: bundle ? compareClaim(claim, bundle) : null,
    };
  });
  return { incidents: ranked.map((l) => l.link), claims };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The popover has room for a few reasons, not a list of everything. */
const MAX_REASONS = 8;

function reasonsOf(points: readonly Point[]): string[] {
  const best = new Map<string, number>();
  for (const p of points)
    if (p.weight > 0) best.set(p.reason, Math.max(best.get(p.reason) ?? 0, p.weight));
  return [...best.entries()]
    .toSorted((a, b) => b[1] - a[1])
    .slice(0, MAX_REASONS)
    .map(([reason]) => reason);
}

// ---- which linked incident a figure counts ----

/** Without a layout, evidence within these many characters shares a sentence or a paragraph. */
const SENTENCE_WINDOW = 150;
const PARAGRAPH_WINDOW = 400;
/** The best incident must lead the next by this much, or the figure stays unassigned. */
const ASSIGN_MARGIN = 0.5;
/**
 * The page's main incident is the default home of a figure nothing else
 * places - unless the page also links an incident that follows from it or
 * that it follows from (an attack and the operation after it): such a figure
 * could count either, and a wrong home is worse than none.
 */
const MAIN_INCIDENT_BONUS = 0.5;
/**
 * A figure equal to one an incident's reports give (28 soldiers) says more
 * about which incident it counts than the dates and phrases around it.
 */
const FIGURE_AGREES_WEIGHT = 4;
/** A figure whose sentence speaks of an operation ("since the operation began") leans to a linked operation. */
const OPERATION_FRAME_WEIGHT = 2;

/**
 * The linked incident a figure most likely counts: dates, keywords and names
 * in its sentence and paragraph, whether its number is one the incident's
 * reports give, and a small preference for the page's main incident. Null
 * when nothing points anywhere, when two incidents are too close to call, or
 * when the figure's surroundings point at a candidate the page was not
 * linked to (the operation the page speaks of but could not be tied to):
 * the main incident is no home for another incident's figures.
 */
function assignClaim(claim: Claim, context: AssignmentContext): IncidentBundle | null {
  const { incidents, linkedCount } = context;
  if (linkedCount === 0) return null;
  const scored = scoreAssignments(claim, context);
  const [best, second] = scored.toSorted((a, b) => b.score - a.score);
  if (best === undefined || best.score <= 0 || incidents.indexOf(best.bundle) >= linkedCount) {
    return null;
  }
  if (second !== undefined && best.score - second.score < ASSIGN_MARGIN) return null;
  return best.bundle;
}

/**
 * What scoring every figure of one page against the same incidents shares,
 * worked out once per page: a 1 MB page has thousands of figures, matches and
 * dates, so each figure looks only at the matches and dates inside its own
 * sentence and paragraph (a binary search away).
 */
interface AssignmentContext {
  /** Linked incidents in rank order, then the candidates that were not linked. */
  incidents: readonly IncidentBundle[];
  linkedCount: number;
  layout: PageLayout | null;
  sentences: SpanLookup | null;
  paragraphs: SpanLookup | null;
  matches: SpanWindow<AliasMatch>;
  dates: SpanWindow<DateMention>;
  sharedIds: Set<string>;
  mainBonus: number;
  /** Per incident (same order): its actors and the places smaller than a country. */
  ownIds: Set<string>[];
  verdicts: VerdictCache;
}

function assignmentContext(
  incidents: readonly IncidentBundle[],
  linkedCount: number,
  evidence: PageEvidence,
  layout: PageLayout | null,
  verdicts: VerdictCache = new VerdictCache(),
): AssignmentContext {
  return {
    incidents,
    linkedCount,
    layout,
    sentences: layout === null ? null : new SpanLookup(layout.sentences),
    paragraphs: layout === null ? null : new SpanLookup(layout.paragraphs),
    matches: new SpanWindow(evidence.matches),
    dates: new SpanWindow(evidence.dates),
    sharedIds: sharedEntityIds(incidents),
    mainBonus: hasLinkedRelative(incidents.slice(0, linkedCount)) ? 0 : MAIN_INCIDENT_BONUS,
    ownIds: incidents.map(ownEntityIds),
    verdicts,
  };
}

/**
 * How strongly the figure's surroundings point at each incident, given in
 * rank order: the first `linkedCount` are linked (the first one is the main
 * incident), the rest are candidates that were not.
 */
export function assignmentScores(
  claim: Claim,
  incidents: readonly IncidentBundle[],
  linkedCount: number,
  evidence: PageEvidence,
  layout: PageLayout | null,
): { bundle: IncidentBundle; score: number }[] {
  return scoreAssignments(claim, assignmentContext(incidents, linkedCount, evidence, layout));
}

function scoreAssignments(
  claim: Claim,
  context: AssignmentContext,
): { bundle: IncidentBundle; score: number }[] {
  const { incidents, linkedCount, sharedIds, mainBonus } = context;
  const sentence = context.sentences?.enclosing(claim) ?? windowAround(claim, SENTENCE_WINDOW);
  const paragraph = context.paragraphs?.enclosing(claim) ?? windowAround(claim, PARAGRAPH_WINDOW);
  // Only what lies inside the sentence or the paragraph counts: the union of the two spans bounds it.
  const from = Math.min(sentence.start, paragraph.start);
  const to = Math.max(sentence.end, paragraph.end);
  const dates = context.dates.within(from, to);
  const matches = context.matches.within(from, to);
  const scored = incidents.map((bundle, rank) => {
    let score = rank === 0 && linkedCount > 0 ? mainBonus : 0;
    const verdict = context.verdicts.verdict(claim, bundle);
    if (verdict === 'agrees') score += claim.high <= 2 ? 1 : FIGURE_AGREES_WEIGHT;
    if (claim.frame === 'operation' && bundle.incident.kind === 'operation')
      score += OPERATION_FRAME_WEIGHT;
    // A toll a group claims is its own attack's: never an operation against it.
    if (claim.frame === 'claimed') {
      if (bundle.incident.kind === 'operation') return { bundle, score: -Infinity };
      score += OPERATION_FRAME_WEIGHT;
    }
    for (const date of dates) {
      const inSentence = inside(date, sentence);
      if (!inSentence && !inside(date, paragraph)) continue;
      const { near, far } = dateProximity(date, bundle.incident);
      // "said on Thursday" dates the statement, "killed Saturday" the event (core/dateRoles.ts).
      const role = date.role === 'speech' ? 0.5 : date.role === 'event' ? 2 : 1;
      const factor = (inSentence ? 1.6 : 0.8) * role;
      if (near > 0) score += near * factor;
      if (far) score -= 1.25 * factor;
    }
    score += localMatches(matches, bundle, context.ownIds[rank]!, sharedIds, sentence, paragraph);
    return { bundle, score };
  });
  return scored;
}

/** Whether the main (first) linked incident has a parent or child among the other linked ones. */
function hasLinkedRelative(linked: readonly IncidentBundle[]): boolean {
  const [main, ...others] = linked;
  if (main === undefined) return false;
  return others.some(
    ({ incident }) =>
      incident.parentId === main.incident.id || main.incident.parentId === incident.id,
  );
}

/** An incident's actors and places, less its countries: a country is where every incident of it happens, it tells none apart. */
function ownEntityIds(bundle: IncidentBundle): Set<string> {
  const places = bundle.places.filter((p) => p.kind !== 'country').map((p) => p.id);
  return new Set([...bundle.incident.actors.map((a) => a.actorId), ...places]);
}

/** Keywords, and names that only this incident among the linked ones has, near the figure. */
function localMatches(
  matches: readonly AliasMatch[],
  bundle: IncidentBundle,
  own: Set<string>,
  sharedIds: Set<string>,
  sentence: Span,
  paragraph: Span,
): number {
  const { incident } = bundle;
  let keyword = 0;
  let names = 0;
  for (const match of matches) {
    const inSentence = inside(match, sentence);
    if (!inSentence && !inside(match, paragraph)) continue;
    if (match.kind === 'incident' && match.targetId === incident.id)
      keyword += inSentence ? 1.5 : 0.75;
    else if (
      match.kind !== 'incident' &&
      own.has(match.targetId) &&
      !sharedIds.has(match.targetId)
    ) {
      names += inSentence ? 0.5 : 0.25;
    }
  }
  return Math.min(keyword, 3) + Math.min(names, 1);
}

/** Actors and places that more than one linked incident names: they cannot tell them apart. */
function sharedEntityIds(linked: readonly IncidentBundle[]): Set<string> {
  const counts = new Map<string, number>();
  for (const { incident } of linked) {
    for (const id of new Set([...incident.actors.map((a) => a.actorId), ...incident.placeIds])) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n > 1).map(([id]) => id));
}

const inside = (span: Span, outer: Span) => span.start >= outer.start && span.end <= outer.end;

/** Without a layout, or outside every span of it: the characters around the figure. */
function windowAround(span: Span, window: number): Span {
  return { start: Math.max(0, span.start - window), end: span.end + window };
}

/** First index whose start is at or after `offset` (`after`: past it), in items sorted by start. */
function firstStartingAt(items: readonly Span[], offset: number, after = false): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = items[mid]!.start;
    if (start < offset || (after && start === offset)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Page evidence (matches, dates) that may lie inside a span. The core's
 * readers give it in text order; then the candidates are one binary search
 * away, in their original order. Evidence in another order (or a reversed
 * span) is simply all returned, and the caller's own test decides.
 */
class SpanWindow<T extends Span> {
  private readonly ordered: boolean;

  constructor(private readonly items: readonly T[]) {
    this.ordered = items.every(
      (item, i) => item.start <= item.end && (i === 0 || items[i - 1]!.start <= item.start),
    );
  }

  /** Every item that can lie inside [from, to): a superset of those that do, in the original order. */
  within(from: number, to: number): readonly T[] {
    if (!this.ordered) return this.items;
    const first = firstStartingAt(this.items, from);
    let last = first;
    while (last < this.items.length && this.items[last]!.start <= to) last++;
    return this.items.slice(first, last);
  }
}

/**
 * The first span of a layout that encloses another, as Array.find gives it.
 * Layout spans come sorted and disjoint (pageLayout, or the content script's
 * copy of it): then only the last span starting at or before the figure, and
 * the ones just before it that end where it ends, can enclose it. Any other
 * layout is searched from the start.
 */
class SpanLookup {
  private readonly disjoint: boolean;

  constructor(private readonly spans: readonly Span[]) {
    this.disjoint = spans.every(
      (s, i) => s.start <= s.end && (i === 0 || spans[i - 1]!.end <= s.start),
    );
  }

  enclosing(span: Span): Span | undefined {
    const encloses = (s: Span) => s.start <= span.start && span.end <= s.end;
    if (!this.disjoint || span.start > span.end) return this.spans.find(encloses);
    // The last span starting at or before span.start...
    let k = firstStartingAt(this.spans, span.start, true) - 1;
    let found: Span | undefined;
    // ...and, walking back, earlier ones that still enclose it (only an empty span on a boundary).
    while (k >= 0 && encloses(this.spans[k]!)) found = this.spans[k--];
    return found;
  }
}

// ---- page layout ----

/** Words after which a full stop does not end a sentence ("Mr. Nazarzoda", "Sept. 4"). */
const ABBREVIATIONS =
  /(?:^|[\s(])(?:mr|mrs|ms|dr|gen|col|maj|capt|lt|sgt|st|no|vs|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.s|u\.k|u\.n|e\.g|i\.e|[a-z])\.$/i;

/** Paragraphs are the text's lines; sentences end at . ! ? followed by a space. */
export function pageLayout(text: string): PageLayout {
  const paragraphs: Span[] = [];
  const sentences: Span[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    if (line.trim() !== '') {
      paragraphs.push({ start, end });
      sentences.push(...splitSentences(line, start));
    }
    start = end + 1;
  }
  return { paragraphs, sentences };
}

function splitSentences(line: string, offset: number): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const boundary of line.matchAll(/[.!?]["'”’»)\]]*\s+(?=["'“‘«([]?[\p{Lu}\d])/gu)) {
    const stop = boundary.index + boundary[0].trimEnd().length;
    if (ABBREVIATIONS.test(line.slice(Math.max(0, stop - 6), stop))) continue;
    spans.push({ start: offset + start, end: offset + stop });
    start = boundary.index + boundary[0].length;
  }
  if (start < line.length) spans.push({ start: offset + start, end: offset + line.length });
  return spans;
}
