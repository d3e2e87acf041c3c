/**
 * Which spans of the page get which highlight, decided from what the page
 * itself contains and what the background linked it to. Precision first:
 * a page linked to no incident gets no highlight at all (a "Rahmon" on a page
 * about a chef is not the president, and there would be no incident to show);
 * on a linked page actors are marked wherever named, a place or an incident
 * keyword only when it belongs to a linked incident, and a figure only when it
 * was compared with that incident's reports.
 */
import type { PageEvidence, Span, Verdict } from '../../core/types';
import type { PageResolveReply } from '../../messaging/protocol';

export const HIGHLIGHT_NAMES = [
  'triangulate-actor',
  'triangulate-place',
  'triangulate-incident',
  'triangulate-figure-agrees',
  'triangulate-figure-disputed',
  'triangulate-figure-outside',
] as const;
export type HighlightName = (typeof HIGHLIGHT_NAMES)[number];
export type HighlightPlan = Record<HighlightName, Span[]>;

const FIGURE_HIGHLIGHT: Record<Verdict, HighlightName | null> = {
  agrees: 'triangulate-figure-agrees',
  'within-range': 'triangulate-figure-disputed',
  'above-all': 'triangulate-figure-outside',
  'below-all': 'triangulate-figure-outside',
  'no-comparable': null,
};

export function planHighlights(evidence: PageEvidence, reply: PageResolveReply): HighlightPlan {
  const plan = Object.fromEntries(
    HIGHLIGHT_NAMES.map((name) => [name, []]),
  ) as unknown as HighlightPlan;
  const linkedIncidents = new Set(reply.incidents.map((incident) => incident.incidentId));
  if (linkedIncidents.size === 0) return plan;
  const linkedPlaces = new Set(
    reply.bundles
      .filter((bundle) => linkedIncidents.has(bundle.incident.id))
      .flatMap((bundle) => bundle.incident.placeIds),
  );
  for (const match of evidence.matches) {
    const span = { start: match.start, end: match.end };
    if (match.kind === 'actor') plan['triangulate-actor'].push(span);
    else if (match.kind === 'place' && linkedPlaces.has(match.targetId))
      plan['triangulate-place'].push(span);
    else if (match.kind === 'incident' && linkedIncidents.has(match.targetId))
      plan['triangulate-incident'].push(span);
  }
  for (const claim of reply.claims) {
    if (!claim.incidentId || !claim.comparison) continue;
    const name = FIGURE_HIGHLIGHT[claim.comparison.verdict];
    if (name) plan[name].push({ start: claim.start, end: claim.end });
  }
  return plan;
}
