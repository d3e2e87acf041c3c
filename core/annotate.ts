/**
 * The whole pipeline on one page, in plain data: read the evidence, load the
 * candidate incidents, resolve, compare, and return the object the command
 * line prints with --json. The extension runs the same stages split between
 * the content script and the background.
 */
import type { DatasetIndex } from './datasetIndex';
import { candidateQuery, readPageEvidence } from './evidence';
import { AliasMatcher } from './matcher';
import type { Outcome, Qualifier, Report, Side } from './schema';
import { resolvePage } from './resolve';
import type { IncidentBundle, PageSignals, Verdict } from './types';

export interface AnnotatedSource {
  outletId: string;
  outlet: string;
  reportId: string;
  publishedAt: string;
  url: string | null;
  low: number;
  high: number;
  qualifier: Qualifier;
  attributedTo: string;
  agrees: boolean;
}

export interface AnnotatedFigure {
  text: string;
  start: number;
  end: number;
  low: number;
  high: number;
  qualifier: Qualifier;
  side: Side;
  outcome: Outcome;
  attributedTo: string | null;
  /** The linked incident this figure counts, or null when the page does not say clearly. */
  incidentId: string | null;
  /** A figure of no known incident has nothing to compare with: 'no-comparable', no sources. */
  comparison: { verdict: Verdict; sources: AnnotatedSource[] };
}

export interface Annotation {
  page: {
    title: string | null;
    outlet: string | null;
    publishedAt: string | null;
    language: string | null;
  };
  actors: { id: string; name: string; mentions: { text: string; start: number; end: number }[] }[];
  incidents: { id: string; title: string; startDate: string; score: number; reasons: string[] }[];
  figures: AnnotatedFigure[];
}

const matchers = new WeakMap<DatasetIndex, AliasMatcher>();

/** The matcher for an index, compiled once. */
export function matcherFor(index: DatasetIndex): AliasMatcher {
  let matcher = matchers.get(index);
  if (matcher === undefined) {
    matcher = AliasMatcher.build(index.lexicon());
    matchers.set(index, matcher);
  }
  return matcher;
}

export function annotate(
  input: { text: string; signals: PageSignals },
  index: DatasetIndex,
): Annotation {
  const { text, signals } = input;
  const evidence = readPageEvidence(input, matcherFor(index), index.outletRefs());
  const page = {
    url: signals.url ?? signals.metas['og:url'] ?? null,
    outletId: evidence.facts.outletId,
    publishedAt: evidence.facts.publishedAt,
  };
  const candidates = index.candidates(candidateQuery(evidence)).map((b) => withoutPage(b, page));
  const resolution = resolvePage(evidence, candidates);

  const actors = new Map<string, Annotation['actors'][number]>();
  for (const match of evidence.matches) {
    if (match.kind !== 'actor') continue;
    const entry = actors.get(match.targetId) ?? {
      id: match.targetId,
      name: index.actor(match.targetId)?.name ?? match.alias,
      mentions: [],
    };
    entry.mentions.push({
      text: text.slice(match.start, match.end),
      start: match.start,
      end: match.end,
    });
    actors.set(match.targetId, entry);
  }

  return {
    page: {
      title: evidence.facts.title,
      outlet: evidence.facts.outletId,
      publishedAt: evidence.facts.publishedAt,
      language: evidence.facts.language,
    },
    actors: [...actors.values()],
    incidents: resolution.incidents.map(({ incidentId, title, startDate, score, reasons }) => ({
      id: incidentId,
      title,
      startDate,
      score,
      reasons,
    })),
    figures: resolution.claims.map((claim) => ({
      text: claim.text,
      start: claim.start,
      end: claim.end,
      low: claim.low,
      high: claim.high,
      qualifier: claim.qualifier,
      side: claim.side,
      outcome: claim.outcome,
      attributedTo: claim.attributedTo,
      incidentId: claim.incidentId,
      comparison:
        claim.comparison === null
          ? { verdict: 'no-comparable', sources: [] }
          : {
              verdict: claim.comparison.verdict,
              sources: claim.comparison.sources.map((s) => ({
                outletId: s.outletId,
                outlet: s.outletName,
                reportId: s.reportId,
                publishedAt: s.publishedAt,
                url: s.url,
                low: s.low,
                high: s.high,
                qualifier: s.qualifier,
                attributedTo: s.attributedTo,
                agrees: s.agrees,
              })),
            },
    })),
  };
}

/**
 * The bundle without the page's own report: a page agreeing with itself is
 * no confirmation, and its figures must not vote for its own link. The page
 * is recognised by its address, or as the same outlet on the same day (a
 * sibling article of one newsroom is no independent source either).
 */
function withoutPage(bundle: IncidentBundle, page: OwnPage): IncidentBundle {
  const ownIds = new Set(bundle.reports.filter((r) => isOwnReport(r, page)).map((r) => r.id));
  if (ownIds.size === 0) return bundle;
  return {
    ...bundle,
    reports: bundle.reports.filter((r) => !ownIds.has(r.id)),
    figures: bundle.figures.filter((f) => !ownIds.has(f.reportId)),
  };
}

interface OwnPage {
  url: string | null;
  outletId: string | null;
  publishedAt: string | null;
}

export function isOwnReport(report: Report, page: OwnPage): boolean {
  const pageUrl = page.url === null ? null : comparableUrl(page.url);
  if (pageUrl !== null && report.url !== null && comparableUrl(report.url) === pageUrl) return true;
  return (
    page.outletId !== null &&
    page.outletId === report.outletId &&
    page.publishedAt !== null &&
    page.publishedAt === report.publishedAt
  );
}

/** "rferl.org/a/x" from "https://www.rferl.org/a/x/?utm=1#top". */
export function comparableUrl(url: string): string | null {
  const match = /^https?:\/\/(?:www\.)?([^/?#]+)([^?#]*)/i.exec(url.trim());
  if (match === null) return null;
  return `${(match[1] ?? '').toLowerCase()}${(match[2] ?? '').replace(/\/+$/, '')}`;
}
