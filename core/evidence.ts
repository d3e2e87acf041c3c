/**
 * Reads everything the resolver needs from one page, before anything is
 * looked up in the dataset: what the page says about itself, the names it
 * mentions (weak spellings only where a strong one confirms them), its
 * casualty figures and its dates. Also says which incidents to load for it.
 */
import { extractClaims } from './claims';
import { findDates } from './dates';
import { confirmWeakMatches, type AliasMatcher } from './matcher';
import { readPageFacts, type OutletRef } from './pageFacts';
import { pageLayout, type PageLayout, type ResolvableEvidence } from './resolve';
import { markDateRoles } from './dateRoles';
import type {
  AliasMatch,
  CandidateQuery,
  Claim,
  DateMention,
  PageEvidence,
  PageSignals,
  Span,
} from './types';

/** What one stretch of text says besides the names in it: the reading half of the evidence. */
export interface TextFigures {
  claims: Claim[];
  dates: DateMention[];
  /** Only the sentences and paragraphs that hold a figure: all the resolver looks at. */
  layout: PageLayout;
}

export interface TextEvidence extends TextFigures {
  /** Before weak-alias confirmation, which needs the whole page. */
  matches: AliasMatch[];
}

/**
 * The figures and dates in one stretch of text, offsets relative to it. Kept
 * apart from the matching because it is most of the code: the content script
 * matches first and loads this reading only on a page that names something the
 * dataset knows. Chunks end at line breaks, so sentences and paragraphs stay whole.
 */
export function readTextFigures(text: string, publishedAt: string | null): TextFigures {
  const claims = extractClaims(text);
  return {
    claims,
    dates: markDateRoles(text, findDates(text, publishedAt)),
    layout: layoutAround(pageLayout(text), claims),
  };
}

/** The evidence in one stretch of text, offsets relative to it: the names and the figures. */
export function readTextEvidence(
  text: string,
  publishedAt: string | null,
  matcher: AliasMatcher,
): TextEvidence {
  return { matches: matcher.findAll(text), ...readTextFigures(text, publishedAt) };
}

export function readPageEvidence(
  input: { text: string; signals: PageSignals },
  matcher: AliasMatcher,
  outlets: readonly OutletRef[],
): PageEvidence & Required<Pick<ResolvableEvidence, 'layout'>> {
  const { text, signals } = input;
  const facts = readPageFacts(signals, text, outlets);
  const { matches, claims, dates, layout } = readTextEvidence(text, facts.publishedAt, matcher);
  return { facts, matches: confirmWeakMatches(matches, text), claims, dates, layout };
}

function layoutAround(layout: PageLayout, claims: readonly Claim[]): PageLayout {
  const starts = claims.map((claim) => claim.start).toSorted((a, b) => a - b);
  const ends = new Map<number, number>();
  for (const claim of claims)
    ends.set(claim.start, Math.min(ends.get(claim.start) ?? Infinity, claim.end));
  // A span holds a claim when the first claim starting inside it also ends inside it
  // (claims do not nest); binary search keeps this O((spans + claims) log claims).
  const holdsClaim = (span: Span) => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! < span.start) low = middle + 1;
      else high = middle;
    }
    const start = starts[low];
    return start !== undefined && (ends.get(start) ?? Infinity) <= span.end;
  };
  return {
    paragraphs: layout.paragraphs.filter(holdsClaim),
    sentences: layout.sentences.filter(holdsClaim),
  };
}

/** The ids of every actor, place and incident keyword the page names. */
export function candidateQuery(evidence: PageEvidence): CandidateQuery {
  const ids = (kind: string) => [
    ...new Set(evidence.matches.filter((m) => m.kind === kind).map((m) => m.targetId)),
  ];
  return { actorIds: ids('actor'), placeIds: ids('place'), incidentIds: ids('incident') };
}
