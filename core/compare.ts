/**
 * Puts a page's casualty figure beside every report of the same incident, and
 * sums up how the reports of one incident disagree with one another.
 *
 * Precision first, so only like is compared with like:
 * - the outcome must be the same (killed is never compared with wounded);
 * - a side compares only with the same side. 'all' (a stated total) compares
 *   only with totals the reports state themselves: adding up a report's
 *   per-side figures would invent a number no source gave, and would be wrong
 *   whenever a report leaves a side out. 'unknown' ("ten people") compares
 *   with figures of unknown side; it is read as a total only when it equals
 *   a stated total ("150,000 people" beside a report's 150,000 dead of the
 *   war), and then compares with every total. A count of unknown side that
 *   equals no total is never called above or below the totals: it may count
 *   one side only;
 * - numbers are compared as stated ([low, high]); a qualifier ("at least")
 *   is shown, not stretched into an open interval, or "at least eight" would
 *   agree with every larger count and hide the disagreement it should show.
 * - an increment ("five more border guards", Claim.relativeTo) is never
 *   compared: it is not a total, and "within range" would mislead.
 * One source is one report: a report stating the same figure twice counts
 * once, while different figures in one report (officials say 2, local
 * sources 7) stay apart because they are different people's words.
 */
import { formatDay } from './format';
import { OUTCOMES, SIDES } from './schema';
import type { DatePrecision, Figure, Outcome, Qualifier, Report, Side } from './schema';
import type { Claim, ComparedSource, FigureComparison, IncidentBundle } from './types';

/** The figure a comparison needs from a page: what and how many, and whether it is an increment. */
export type ComparableClaim = Pick<Claim, 'low' | 'high' | 'side' | 'outcome' | 'relativeTo'>;

export function compareClaim(claim: ComparableClaim, bundle: IncidentBundle): FigureComparison {
  // "five more" adds to a count the page gave earlier: no report's total compares with it.
  if (claim.relativeTo !== undefined) return { verdict: 'no-comparable', sources: [], range: null };
  const figures = comparableFigures(bundle, claim.side, claim.outcome);
  if (claim.side === 'unknown') {
    const totals = comparableFigures(bundle, 'all', claim.outcome);
    if (totals.some((total) => overlaps(claim, total))) figures.push(...totals);
  }
  const sources = figures.map((figure) => toSource(figure, bundle, overlaps(claim, figure)));
  if (sources.length === 0) return { verdict: 'no-comparable', sources, range: null };
  const range = {
    low: Math.min(...sources.map((s) => s.low)),
    high: Math.max(...sources.map((s) => s.high)),
  };
  if (sources.some((s) => s.agrees)) return { verdict: 'agrees', sources, range };
  if (claim.high < range.low) return { verdict: 'below-all', sources, range };
  if (claim.low > range.high) return { verdict: 'above-all', sources, range };
  return { verdict: 'within-range', sources, range };
}

/** The figures of one side and outcome, one per report and value, in dataset order. */
export function comparableFigures(bundle: IncidentBundle, side: Side, outcome: Outcome): Figure[] {
  const seen = new Set<string>();
  const kept: Figure[] = [];
  for (const figure of bundle.figures) {
    if (figure.incidentId !== bundle.incident.id) continue;
    if (figure.side !== side || figure.outcome !== outcome) continue;
    const key = `${figure.reportId}\u0000${figure.low}\u0000${figure.high}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(figure);
  }
  return kept;
}

function overlaps(a: { low: number; high: number }, b: { low: number; high: number }): boolean {
  return a.low <= b.high && b.low <= a.high;
}

function toSource(figure: Figure, bundle: IncidentBundle, agrees: boolean): ComparedSource {
  const report = reportOf(bundle, figure.reportId);
  return {
    reportId: figure.reportId,
    figureId: figure.id,
    outletId: report?.outletId ?? '',
    outletName: outletNameOf(bundle, report),
    publishedAt: report?.publishedAt ?? '',
    url: report?.url ?? null,
    low: figure.low,
    high: figure.high,
    qualifier: figure.qualifier,
    attributedTo: figure.attributedTo,
    quote: figure.quote,
    agrees,
  };
}

function reportOf(bundle: IncidentBundle, reportId: string): Report | undefined {
  return bundle.reports.find((report) => report.id === reportId);
}

/** "VOA via Reuters" for a page carrying a wire, else the outlet's name. */
export function outletNameOf(bundle: IncidentBundle, report: Report | undefined): string {
  if (report === undefined) return 'unknown outlet';
  const name = (id: string) => bundle.outlets.find((outlet) => outlet.id === id)?.name ?? id;
  const own = name(report.outletId);
  return report.via.length === 0 ? own : `${own} via ${report.via.map(name).join(', ')}`;
}

/** One report's figure as the summary lists it. */
export interface SpreadEntry {
  reportId: string;
  figureId: string;
  outletName: string;
  low: number;
  high: number;
  qualifier: Qualifier;
  sideLabel: string;
  attributedTo: string;
}

/** How the reports of one incident count one side and outcome. */
export interface FigureSpread {
  side: Side;
  outcome: Outcome;
  low: number;
  high: number;
  /** Distinct reports giving a figure for this side and outcome. */
  sources: number;
  figures: SpreadEntry[];
  /** A figure far from all the others, which agree among themselves; null when none stands out. */
  outlier: SpreadEntry | null;
  /** A plain-words account of the disagreement, or null when the figures agree. */
  sentence: string | null;
}

/** Reports that place the incident on different days. */
export interface DateDisagreement {
  dates: {
    reportId: string;
    outletName: string;
    date: string;
    precision: DatePrecision;
    quote: string;
  }[];
  sentence: string;
}

export interface IncidentSummary {
  incidentId: string;
  /** Distinct reports of the incident. */
  sources: number;
  spreads: FigureSpread[];
  dateDisagreements: DateDisagreement[];
}

/** An outlier is at least this many times off the median of the others... */
const OUTLIER_RATIO = 2;
/** ...and at least this far off in absolute terms (3 vs 1 is not remarkable)... */
const OUTLIER_MIN_GAP = 3;
/** ...while the others agree among themselves within this ratio. */
const CLUSTER_RATIO = 1.25;

export function summarizeIncident(bundle: IncidentBundle): IncidentSummary {
  const spreads: FigureSpread[] = [];
  for (const outcome of OUTCOMES) {
    for (const side of SIDES) {
      const figures = comparableFigures(bundle, side, outcome);
      if (figures.length > 0) spreads.push(spreadOf(bundle, side, outcome, figures));
    }
  }
  const incidentId = bundle.incident.id;
  return {
    incidentId,
    sources: bundle.reports.filter((report) => report.incidentId === incidentId).length,
    spreads,
    dateDisagreements: dateDisagreements(bundle),
  };
}

function spreadOf(
  bundle: IncidentBundle,
  side: Side,
  outcome: Outcome,
  figures: Figure[],
): FigureSpread {
  const entries = figures.map((figure): SpreadEntry => ({
    reportId: figure.reportId,
    figureId: figure.id,
    outletName: outletNameOf(bundle, reportOf(bundle, figure.reportId)),
    low: figure.low,
    high: figure.high,
    qualifier: figure.qualifier,
    sideLabel: figure.sideLabel,
    attributedTo: figure.attributedTo,
  }));
  const low = Math.min(...entries.map((e) => e.low));
  const high = Math.max(...entries.map((e) => e.high));
  const disagree = Math.max(...entries.map((e) => e.low)) > Math.min(...entries.map((e) => e.high));
  const outlier = findOutlier(entries);
  return {
    side,
    outcome,
    low,
    high,
    sources: new Set(entries.map((e) => e.reportId)).size,
    figures: entries,
    outlier,
    sentence: disagree ? disagreementSentence(entries, outlier, outcome) : null,
  };
}

const midpoint = (e: { low: number; high: number }) => (e.low + e.high) / 2;

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The one figure far off a tight cluster of at least two others, if there is exactly one. */
export function findOutlier<T extends { low: number; high: number }>(
  entries: readonly T[],
): T | null {
  if (entries.length < 3) return null;
  const found = entries.filter((entry) => {
    const others = entries.filter((other) => other !== entry).map(midpoint);
    const othersMedian = median(others);
    const value = midpoint(entry);
    const ratio = Math.max(value, othersMedian) / Math.max(Math.min(value, othersMedian), 1);
    const clusterRatio = Math.max(...others) / Math.max(Math.min(...others), 1);
    return (
      ratio >= OUTLIER_RATIO &&
      Math.abs(value - othersMedian) >= OUTLIER_MIN_GAP &&
      clusterRatio <= CLUSTER_RATIO
    );
  });
  return found.length === 1 ? (found[0] ?? null) : null;
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  'at-least': 'at least ',
  'more-than': 'more than ',
  about: 'about ',
  'up-to': 'up to ',
};

/** "at least 8", "5-7": a count as the source states it. */
export function countText(figure: { low: number; high: number; qualifier: Qualifier }): string {
  const number = figure.low === figure.high ? `${figure.low}` : `${figure.low}-${figure.high}`;
  return `${QUALIFIER_WORDS[figure.qualifier]}${number}`;
}

/**
 * "RIA, citing an unidentified source (VOA via Reuters), reports 33 troops
 * killed; Tajikistan's interior ministry (AFP), 8 policemen; ...": the
 * outlier (or else the highest count) first, then every other account.
 */
function disagreementSentence(
  entries: SpreadEntry[],
  outlier: SpreadEntry | null,
  outcome: Outcome,
): string {
  const first = outlier ?? entries.toSorted((a, b) => midpoint(b) - midpoint(a))[0];
  if (first === undefined) return '';
  const who = (e: SpreadEntry) => `${e.attributedTo} (${e.outletName})`;
  const what = (e: SpreadEntry) => `${countText(e)} ${e.sideLabel}`;
  const rest = entries.filter((e) => e !== first).map((e) => `${who(e)}, ${what(e)}`);
  return `${who(first)} reports ${what(first)} ${outcome}; ${rest.join('; ')}.`;
}

/** The days a report's event date can mean. */
function daySpan(date: string, precision: DatePrecision): [string, string] {
  if (precision === 'day') return [date, date];
  if (precision === 'year') return [date, `${date.slice(0, 4)}-12-31`];
  const [year, month] = date.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 1970, month ?? 1, 0)).toISOString().slice(0, 10);
  return [date, last];
}

function dateDisagreements(bundle: IncidentBundle): DateDisagreement[] {
  const dated = bundle.reports.flatMap((report) =>
    report.incidentId === bundle.incident.id && report.eventDate !== null
      ? [{ report, eventDate: report.eventDate }]
      : [],
  );
  const spans = dated.map(({ eventDate }) => daySpan(eventDate.date, eventDate.precision));
  const conflict = spans.some(([aStart, aEnd], i) =>
    spans.some(([bStart, bEnd], j) => j > i && (aEnd < bStart || bEnd < aStart)),
  );
  if (!conflict) return [];
  const dates = dated.map(({ report, eventDate }) => ({
    reportId: report.id,
    outletName: outletNameOf(bundle, report),
    date: eventDate.date,
    precision: eventDate.precision,
    quote: eventDate.quote,
  }));
  const parts = dates.map(
    (d, i) =>
      `${d.outletName}${i === 0 ? ' dates it' : ','} ${formatDay(d.date, d.precision)} ("${d.quote}")`,
  );
  return [{ dates, sentence: `${parts.join('; ')}.` }];
}
