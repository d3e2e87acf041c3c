/**
 * Which spans of the page get which annotation, decided from what the page
 * itself contains and what the background linked it to. Precision first:
 * a page linked to no incident gets no annotation at all (a "Rahmon" on a page
 * about a chef is not the president, and there would be no incident to show);
 * on a linked page actors are marked wherever named, a place or an incident
 * keyword only when it belongs to a linked incident, and a figure only when it
 * was compared with that incident's reports.
 */
import type { HighlightKind } from '../../core/settings';
import type { AliasMatch, Verdict } from '../../core/types';
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

export type AnnotationKind = 'actor' | 'place' | 'incident' | 'figure';

/** One annotated span of the page's visible text, in document order. */
export interface PlannedAnnotation {
  kind: AnnotationKind;
  highlight: HighlightName;
  start: number;
  end: number;
  /** The actor, place or incident id (for a figure, its incident). */
  targetId: string;
  /** For a figure: its index in reply.claims; -1 otherwise. */
  claimIndex: number;
}

/** The settings' highlight switch that covers each kind. */
export const KIND_SETTING: Record<AnnotationKind, HighlightKind> = {
  actor: 'actors',
  place: 'places',
  incident: 'incidents',
  figure: 'figures',
};

const MATCH_HIGHLIGHT: Record<'actor' | 'place' | 'incident', HighlightName> = {
  actor: 'triangulate-actor',
  place: 'triangulate-place',
  incident: 'triangulate-incident',
};

const FIGURE_HIGHLIGHT: Record<Verdict, HighlightName | null> = {
  agrees: 'triangulate-figure-agrees',
  'within-range': 'triangulate-figure-disputed',
  'above-all': 'triangulate-figure-outside',
  'below-all': 'triangulate-figure-outside',
  'no-comparable': null,
};

/** `matches`: the page's confirmed names (page.read's, or a PageEvidence's). */
export function planAnnotations(
  matches: readonly AliasMatch[],
  reply: PageResolveReply,
): PlannedAnnotation[] {
  const linkedIncidents = new Set(reply.incidents.map((incident) => incident.incidentId));
  if (linkedIncidents.size === 0) return [];
  const linkedPlaces = new Set(
    reply.bundles
      .filter((bundle) => linkedIncidents.has(bundle.incident.id))
      .flatMap((bundle) => bundle.incident.placeIds),
  );
  const planned: PlannedAnnotation[] = [];
  for (const match of matches) {
    const shown =
      match.kind === 'actor' ||
      (match.kind === 'place' && linkedPlaces.has(match.targetId)) ||
      (match.kind === 'incident' && linkedIncidents.has(match.targetId));
    if (!shown) continue;
    planned.push({
      kind: match.kind,
      highlight: MATCH_HIGHLIGHT[match.kind],
      start: match.start,
      end: match.end,
      targetId: match.targetId,
      claimIndex: -1,
    });
  }
  reply.claims.forEach((claim, claimIndex) => {
    if (!claim.incidentId || !claim.comparison) return;
    const highlight = FIGURE_HIGHLIGHT[claim.comparison.verdict];
    if (highlight === null) return;
    planned.push({
      kind: 'figure',
      highlight,
      start: claim.start,
      end: claim.end,
      targetId: claim.incidentId,
      claimIndex,
    });
  });
  return planned.toSorted((a, b) => a.start - b.start || b.end - a.end);
}
