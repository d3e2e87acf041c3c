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
import { pageLayout, type ResolvableEvidence } from './resolve';
import type { CandidateQuery, PageEvidence, PageSignals } from './types';

export function readPageEvidence(
  input: { text: string; signals: PageSignals },
  matcher: AliasMatcher,
  outlets: readonly OutletRef[],
): PageEvidence & Required<Pick<ResolvableEvidence, 'layout'>> {
  const { text, signals } = input;
  const facts = readPageFacts(signals, text, outlets);
  return {
    facts,
    matches: confirmWeakMatches(matcher.findAll(text), text),
    claims: extractClaims(text),
    dates: findDates(text, facts.publishedAt),
    layout: pageLayout(text),
  };
}

/** The ids of every actor, place and incident keyword the page names. */
export function candidateQuery(evidence: PageEvidence): CandidateQuery {
  const ids = (kind: string) => [
    ...new Set(evidence.matches.filter((m) => m.kind === kind).map((m) => m.targetId)),
  ];
  return { actorIds: ids('actor'), placeIds: ids('place'), incidentIds: ids('incident') };
}
