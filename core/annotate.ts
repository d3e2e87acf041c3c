/**
 * The whole pipeline on one page, in plain data: read the evidence, load the
 * candidate incidents, resolve, compare, and return the object the command
 * line prints with --json. The extension runs the same stages split between
 * the content script and the background.
 */
import type { DatasetIndex } from './datasetIndex';
import { candidateQuery, readPageEvidence } from './evidence';
import { AliasMatcher } from './matcher';
import { withoutOwnReports } from './ownReport';
import type { Outcome, Qualifier, Side } from './schema';
import { resolvePage } from './resolve';
import type { PageSignals, Verdict } from './types';

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
    title: evidence.facts.title,
  };
  const candidates = index
    .candidates(candidateQuery(evidence))
    .map((bundle) => withoutOwnReports(bundle, page));
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
