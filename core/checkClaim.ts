/**
 * Checks a figure someone types or selects ("33 soldiers killed in
 * Dushanbe") against the dataset, with the same core that reads pages: the
 * claim extractor reads the number, side and outcome; the matcher finds the
 * names; the date reader finds the dates; the resolver's evidence scores say
 * which incident the words point at. Split in two so the database stays in
 * the background: `readClaimText` says what to load, `judgeClaim` decides.
 *
 * Precision first: the figure itself never helps choose the incident (that
 * would make every claim agree with the incident that happens to share its
 * number), and when two incidents fit about as well, none is chosen and the
 * user is asked to pick.
 */
import { extractClaims } from './claims';
import { compareClaim } from './compare';
import { findDates } from './dates';
import { candidateQuery } from './evidence';
import { confirmWeakMatches, type AliasMatcher } from './matcher';
import { explainCandidates } from './resolve';
import type { DatePrecision } from './schema';
import type {
  CandidateQuery,
  Claim,
  DateMention,
  EntityKind,
  FigureComparison,
  IncidentBundle,
  PageEvidence,
} from './types';

/** Claims longer than this are cut: a claim is a sentence, not an article. */
export const MAX_CLAIM_LENGTH = 500;

/** What was read from the claim's words, before anything is looked up. */
export interface ClaimReading {
  text: string;
  /** The first figure of the text, or null when it states none. */
  figure: Claim | null;
  evidence: PageEvidence;
  /** Which incidents to load for it. */
  query: CandidateQuery;
}

export function readClaimText(input: string, matcher: AliasMatcher): ClaimReading {
  const text = input.slice(0, MAX_CLAIM_LENGTH);
  const claims = extractClaims(text);
  const evidence: PageEvidence = {
    facts: {
      title: null,
      outletId: null,
      outletName: null,
      publishedAt: null,
      publishedAtSource: null,
      language: null,
    },
    matches: confirmWeakMatches(matcher.findAll(text), text),
    claims,
    dates: findDates(text, null),
  };
  return { text, figure: claims[0] ?? null, evidence, query: candidateQuery(evidence) };
}

/** A name the claim mentions, as the dataset calls it. */
export interface UnderstoodName {
  kind: EntityKind;
  id: string;
  /** The dataset's name for it (an incident keyword shows the incident's title). */
  name: string;
  /** The words of the claim that named it. */
  text: string;
}

export interface ClaimCandidate {
  incidentId: string;
  title: string;
  startDate: string;
  endDate: string;
  datePrecision: DatePrecision;
  score: number;
  /** The claim's words that point at it ("Dushanbe", "4 Sept 2015"). */
  reasons: string[];
}

export interface ClaimCheck {
  understood: {
    figure: Claim | null;
    names: UnderstoodName[];
    dates: Pick<DateMention, 'text' | 'date' | 'endDate' | 'precision'>[];
  };
  /** Incidents the claim's words point at, best first. */
  candidates: ClaimCandidate[];
  /** The incident checked against, or null ("unknown incident", or too close to call). */
  incidentId: string | null;
  /** 'words' when the claim's own words chose it, 'user' when the user picked it. */
  chosenBy: 'words' | 'user' | null;
  /** The verdict against every report of that incident; null without a figure or an incident. */
  comparison: FigureComparison | null;
}

/** The best candidate must lead the next by this much to be chosen without asking. */
export const CHOOSE_MARGIN = 0.5;
/** ...and score at least this much on names, places, keywords and dates alone. */
export const CHOOSE_MIN_SCORE = 0.5;
export const MAX_CANDIDATES_SHOWN = 5;

/**
 * Decides which incident the claim is about (or takes the user's pick, if it
 * is among the loaded bundles) and compares its figure with every report.
 */
export function judgeClaim(
  reading: ClaimReading,
  bundles: readonly IncidentBundle[],
  pickedIncidentId: string | null = null,
): ClaimCheck {
  const candidates = rankCandidates(reading, bundles);
  const picked = pickedIncidentId === null ? undefined : bundleOf(bundles, pickedIncidentId);
  const chosenId = picked ? picked.incident.id : chooseByWords(candidates);
  const chosen = chosenId === null ? undefined : bundleOf(bundles, chosenId);
  const { figure } = reading;
  return {
    understood: {
      figure,
      names: understoodNames(reading, bundles),
      dates: reading.evidence.dates.map(({ text, date, endDate, precision }) => ({
        text,
        date,
        endDate,
        precision,
      })),
    },
    candidates: candidates.slice(0, MAX_CANDIDATES_SHOWN),
    incidentId: chosen?.incident.id ?? null,
    chosenBy: chosen === undefined ? null : picked ? 'user' : 'words',
    comparison: chosen && figure ? compareClaim(figure, chosen) : null,
  };
}

function bundleOf(bundles: readonly IncidentBundle[], id: string): IncidentBundle | undefined {
  return bundles.find((bundle) => bundle.incident.id === id);
}

/** Candidates scored on everything but the figure, positive scores only, best first. */
function rankCandidates(
  reading: ClaimReading,
  bundles: readonly IncidentBundle[],
): ClaimCandidate[] {
  const explained = explainCandidates(reading.evidence, bundles);
  const ranked: ClaimCandidate[] = [];
  for (const { incidentId, excluded, points } of explained) {
    const bundle = bundleOf(bundles, incidentId);
    if (excluded || bundle === undefined) continue;
    const kept = points.filter((point) => point.kind !== 'figure');
    const score = Math.round(kept.reduce((sum, point) => sum + point.weight, 0) * 100) / 100;
    const pointsAt = kept.some(
      (point) => point.weight > 0 && (point.identifying || point.anchoring),
    );
    if (score <= 0 || !pointsAt) continue;
    const { incident } = bundle;
    ranked.push({
      incidentId,
      title: incident.title,
      startDate: incident.startDate,
      endDate: incident.endDate,
      datePrecision: incident.datePrecision,
      score,
      reasons: [...new Set(kept.filter((p) => p.weight > 0).map((p) => p.reason))],
    });
  }
  return ranked.toSorted(
    (a, b) =>
      b.score - a.score ||
      b.startDate.localeCompare(a.startDate) ||
      a.incidentId.localeCompare(b.incidentId),
  );
}

function chooseByWords(candidates: readonly ClaimCandidate[]): string | null {
  const [best, second] = candidates;
  if (best === undefined || best.score < CHOOSE_MIN_SCORE) return null;
  if (second !== undefined && best.score - second.score < CHOOSE_MARGIN) return null;
  return best.incidentId;
}

/** Each named actor, place or incident once, in the order the claim names them. */
function understoodNames(
  reading: ClaimReading,
  bundles: readonly IncidentBundle[],
): UnderstoodName[] {
  const names: UnderstoodName[] = [];
  const seen = new Set<string>();
  for (const match of reading.evidence.matches) {
    const key = `${match.kind}:${match.targetId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    names.push({
      kind: match.kind,
      id: match.targetId,
      name: nameOf(match.kind, match.targetId, bundles) ?? match.alias,
      text: reading.text.slice(match.start, match.end),
    });
  }
  return names;
}

function nameOf(kind: EntityKind, id: string, bundles: readonly IncidentBundle[]): string | null {
  for (const bundle of bundles) {
    if (kind === 'incident' && bundle.incident.id === id) return bundle.incident.title;
    if (kind === 'actor') {
      const actor = bundle.actors.find((a) => a.id === id);
      if (actor) return actor.name;
    }
    if (kind === 'place') {
      const place = bundle.places.find((p) => p.id === id);
      if (place) return place.name;
    }
  }
  return null;
}

const plural = (n: number) => (n === 1 ? 'source' : 'sources');

/**
 * The verdict in plain words: "Matches 2 of 4 sources", "Outside every
 * report (they say 8-33)", "Within the range of reports (8-33) but matches
 * none", "No report gives this count".
 */
export function verdictSentence(comparison: FigureComparison): string {
  const { verdict, sources, range } = comparison;
  const total = new Set(sources.map((source) => source.reportId)).size;
  const agreeing = new Set(sources.filter((s) => s.agrees).map((s) => s.reportId)).size;
  const span =
    range === null ? '' : range.low === range.high ? `${range.low}` : `${range.low}-${range.high}`;
  switch (verdict) {
    case 'agrees':
      return `Matches ${agreeing} of ${total} ${plural(total)}`;
    case 'within-range':
      return `Within the range of reports (${span}) but matches none`;
    case 'above-all':
      return `Outside every report: higher than all (they say ${span})`;
    case 'below-all':
      return `Outside every report: lower than all (they say ${span})`;
    case 'no-comparable':
      return 'No report gives this count';
  }
}
