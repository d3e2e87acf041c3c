/**
 * What the popup (and the end-to-end tests) learn about the page through
 * 'page.summary': the linked incidents, the actors and places named, every
 * figure with its verdict, and how many highlights of each kind are drawn.
 * Plain data built from the last annotation pass; the page's DOM is not read.
 */
import type { PageFacts } from '../../core/types';
import type { PageSummaryReply, PageResolveReply, PageState } from '../../messaging/protocol';
import type { AnnotationKind, PlannedAnnotation } from './plan';

export interface SummaryInput {
  state: PageState;
  enabledForSite: boolean;
  error: string | null;
  reply: PageResolveReply | null;
  annotations: readonly PlannedAnnotation[];
  /** The page's text, for the spelling of a name the dataset sent no record of. */
  text: string;
  /** Which annotations are drawn (the user's highlight kinds). */
  drawn: (annotation: PlannedAnnotation) => boolean;
  /** The page itself (pageOf), for the popup's site switch and "Save this page". */
  page: PageSummaryReply['page'];
}

/**
 * The page as the popup needs it: its address, and its facts once read (null
 * before the first pass or while Triangulate is off; the title then falls
 * back to the document's).
 */
export function pageOf(
  url: string,
  facts: PageFacts | null,
  documentTitle: string,
): NonNullable<PageSummaryReply['page']> {
  return {
    url,
    title: facts?.title ?? (documentTitle.trim() || null),
    outletId: facts?.outletId ?? null,
    outletName: facts?.outletName ?? null,
    publishedAt: facts?.publishedAt ?? null,
    language: facts?.language ?? null,
  };
}

export function buildSummary(input: SummaryInput): PageSummaryReply {
  const { reply, annotations } = input;
  const actorsById = new Map(reply?.bundles.flatMap((b) => b.actors.map((a) => [a.id, a])) ?? []);
  const placesById = new Map(reply?.bundles.flatMap((b) => b.places.map((p) => [p.id, p])) ?? []);
  const counts = { actor: 0, place: 0, incident: 0, figure: 0 } satisfies Record<
    AnnotationKind,
    number
  >;
  const actors = new Map<string, PageSummaryReply['actors'][number]>();
  const places = new Map<string, PageSummaryReply['places'][number]>();
  for (const annotation of annotations) {
    if (input.drawn(annotation)) counts[annotation.kind] += 1;
    const id = annotation.targetId;
    if (annotation.kind === 'actor') {
      const known = actorsById.get(id);
      const entry = actors.get(id) ?? {
        id,
        name: known?.name ?? input.text.slice(annotation.start, annotation.end),
        kind: known?.kind ?? null,
        count: 0,
      };
      entry.count += 1;
      actors.set(id, entry);
    } else if (annotation.kind === 'place') {
      const entry = places.get(id) ?? {
        id,
        name: placesById.get(id)?.name ?? input.text.slice(annotation.start, annotation.end),
        count: 0,
      };
      entry.count += 1;
      places.set(id, entry);
    }
  }
  return {
    state: input.state,
    enabledForSite: input.enabledForSite,
    error: input.error,
    incidents: reply?.incidents ?? [],
    actors: [...actors.values()],
    places: [...places.values()],
    figures: (reply?.claims ?? []).map((claim, index) => ({
      index,
      text: claim.text,
      low: claim.low,
      high: claim.high,
      qualifier: claim.qualifier,
      side: claim.side,
      outcome: claim.outcome,
      attributedTo: claim.attributedTo,
      incidentId: claim.incidentId,
      verdict: claim.comparison?.verdict ?? null,
    })),
    counts,
    page: input.page,
  };
}

/**
 * The summary when no session runs: 'off' once the settings are read and say
 * so, 'running' before they are (whether it runs here is not known yet, and
 * a popup opened at page load must not report the site as switched off).
 */
export function summaryWithoutSession(
  settingsRead: boolean,
  enabledForSite: boolean,
  page: PageSummaryReply['page'],
): PageSummaryReply {
  return {
    state: settingsRead ? 'off' : 'running',
    enabledForSite,
    error: null,
    incidents: [],
    actors: [],
    places: [],
    figures: [],
    counts: { actor: 0, place: 0, incident: 0, figure: 0 },
    page,
  };
}
