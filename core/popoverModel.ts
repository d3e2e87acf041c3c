/**
 * What the popover shows, as plain data: the components only render this
 * view, so every sentence, row and number a reader sees is decided (and
 * tested) here in Node. Input is what the background already sent the page
 * (the resolution and the linked incidents' bundles); nothing is fetched.
 *
 * All strings stay strings: components render them as text. Links survive
 * only when they pass the dataset's own http(s) URL rule.
 */
import * as v from 'valibot';
import { comparableFigures, countText, outletNameOf, summarizeIncident } from './compare';
import type { FigureSpread } from './compare';
import { formatDay, formatSpan } from './format';
import { rangeChartView, type ChartCount, type RangeChartView } from './rangeChartView';
import { HttpUrl } from './schema';
import type { Actor, Figure, Outcome, Place, Side } from './schema';
import type {
  IncidentBundle,
  LinkedIncident,
  PageResolution,
  ResolvedClaim,
  Verdict,
} from './types';

/** What the background replied to 'page.resolve' (messaging/protocol.ts PageResolveReply). */
export type PageResolveReply = PageResolution & { bundles: IncidentBundle[] };

/** What was hovered or focused on the page. */
export type PopoverTarget =
  | { kind: 'figure'; claim: ResolvedClaim; resolution: PageResolveReply }
  | { kind: 'incident'; incidentId: string; resolution: PageResolveReply }
  | { kind: 'actor' | 'place'; id: string; name: string; resolution: PageResolveReply };

/** How a page's figure stands: the colour of its verdict line. */
export type Tone = 'agrees' | 'disputed' | 'outside' | 'none';

export interface PopoverView {
  /** The dialog's accessible name. */
  label: string;
  /** The small line above the title: "Figure on this page", "Incident", "Person". */
  eyebrow: string;
  title: string;
  /** "4 Sept 2015 · Dushanbe, Vahdat" */
  subtitle: string | null;
  /** For a figure: where it stands, in words, first. */
  verdict: { tone: Tone; text: string } | null;
  incident: IncidentView | null;
  entity: EntityView | null;
}

export interface IncidentView {
  id: string;
  /** Why the page was linked to it (LinkedIncident.reasons); empty when not linked itself. */
  reasons: string[];
  /** Distinct reports of the incident in the dataset (the page's own left out). */
  sourceCount: number;
  charts: RangeChartView[];
  /** summarizeIncident's sentences for counts that disagree. */
  disagreements: string[];
  dateDisagreements: string[];
  reports: ReportRow[];
  timelines: TimelineView[];
}

export interface ReportRow {
  reportId: string;
  outlet: string;
  /** "5 Sept 2015", "8 Nov 2019 (inferred)" */
  published: string;
  /** Only an http(s) address, else null. */
  url: string | null;
  title: string;
  /** One of the user's own saved sources (IncidentBundle.userReportIds), not the dataset's. */
  userSource: boolean;
  figures: FigureCell[];
}

export interface FigureCell {
  figureId: string;
  /** "at least 8" */
  count: string;
  /** "policemen killed" */
  what: string;
  attributedTo: string;
  /** The report's own words for it, verbatim; the popover shows it on demand. */
  quote: string;
  /** Beside a page's figure: whether this one counts the same and agrees; null when not compared. */
  match: 'agrees' | 'differs' | null;
}

export interface TimelineView {
  /** "Security forces killed" */
  title: string;
  steps: { date: string; outlet: string; counts: string }[];
}

export interface EntityView {
  kind: 'actor' | 'place';
  /** "Person", "Armed group", "District in Tajikistan" */
  kindLabel: string;
  description: string | null;
  /** Every other spelling that names it on its own. */
  aliases: string[];
  /** Short or partial names that count only beside a full one ("Khalim"). */
  partialNames: string[];
  links: { href: string; text: string }[];
  incidents: EntityIncident[];
}

export interface EntityIncident {
  id: string;
  title: string;
  when: string;
  /** The actor's role in it ("perpetrator"), or null for a place. */
  role: string | null;
  /** True when this page is linked to it. */
  linked: boolean;
}

/** What 'entity.get' adds when the page's bundles do not hold the actor or place. */
export interface EntityDetails {
  actor: Actor | null;
  place: Place | null;
  incidents: { id: string; title: string; startDate: string; role: string | null }[];
}

export function buildPopoverView(target: PopoverTarget, details?: EntityDetails): PopoverView {
  if (target.kind === 'figure') return figureView(target.claim, target.resolution);
  if (target.kind === 'incident') return incidentPopover(target.incidentId, target.resolution);
  return entityView(target.kind, target.id, target.name, target.resolution, details);
}

// --- Figures and incidents --------------------------------------------------

function figureView(claim: ResolvedClaim, resolution: PageResolveReply): PopoverView {
  const bundle = bundleOf(resolution, claim.incidentId);
  const quoted = `“${claim.text}”`;
  if (bundle === undefined || claim.comparison === null) {
    return {
      label: `Figure ${quoted}`,
      eyebrow: 'Figure on this page',
      title: quoted,
      subtitle: null,
      verdict: {
        tone: 'none',
        text: `This page: ${claimWords(claim)}. It is not tied to an incident this page was linked to, so it is not compared.`,
      },
      incident: null,
      entity: null,
    };
  }
  return {
    label: `Figure ${quoted}: ${bundle.incident.title}`,
    eyebrow: `Figure on this page: ${quoted}`,
    title: bundle.incident.title,
    subtitle: incidentSubtitle(bundle),
    verdict: { tone: TONES[claim.comparison.verdict], text: verdictText(claim) },
    incident: incidentView(bundle, resolution, claim),
    entity: null,
  };
}

function incidentPopover(incidentId: string, resolution: PageResolveReply): PopoverView {
  const bundle = bundleOf(resolution, incidentId);
  const linked = linkedOf(resolution, incidentId);
  const title = bundle?.incident.title ?? linked?.title ?? incidentId;
  return {
    label: `Incident: ${title}`,
    eyebrow: 'Incident',
    title,
    subtitle:
      bundle !== undefined
        ? incidentSubtitle(bundle)
        : linked !== undefined
          ? formatSpan(linked.startDate, linked.endDate, linked.datePrecision)
          : null,
    verdict: null,
    incident: bundle === undefined ? null : incidentView(bundle, resolution, null),
    entity: null,
  };
}

const TONES: Record<Verdict, Tone> = {
  agrees: 'agrees',
  'within-range': 'disputed',
  'above-all': 'outside',
  'below-all': 'outside',
  'no-comparable': 'none',
};

/** "This page: at least 8 policemen killed. Reports range 8-9; 1 of 2 sources agrees." */
export function verdictText(claim: ResolvedClaim): string {
  const page = `This page: ${claimWords(claim)}.`;
  const comparison = claim.comparison;
  if (comparison === null) return page;
  const { sources, range } = comparison;
  if (range === null || sources.length === 0) {
    return `${page} No report of this incident gives a count of ${sideOutcome(claim.side, claim.outcome)} to compare it with.`;
  }
  const span = range.low === range.high ? `${range.low}` : `${range.low}-${range.high}`;
  const count = `${sources.length} source${sources.length === 1 ? '' : 's'}`;
  const said = sources.length === 1 ? `The one report gives ${span}` : `Reports range ${span}`;
  switch (comparison.verdict) {
    case 'agrees': {
      const agreeing = sources.filter((source) => source.agrees).length;
      if (sources.length === 1) return `${page} ${said}; it agrees.`;
      return `${page} ${said}; ${agreeing} of ${count} agree${agreeing === 1 ? 's' : ''}.`;
    }
    case 'within-range':
      return `${page} ${said}; none of ${count} gives this count, it lies within their range.`;
    case 'above-all':
      return `${page} Higher than every report: ${count} ${give(sources.length)} ${span}.`;
    case 'below-all':
      return `${page} Lower than every report: ${count} ${give(sources.length)} ${span}.`;
    default:
      return page;
  }
}

const give = (n: number) => (n === 1 ? 'gives' : 'give');

/** "at least 8 policemen killed, per the ministry", "at least 10 people killed in all" */
function claimWords(claim: ResolvedClaim): string {
  const who =
    claim.sideLabel !== ''
      ? claim.sideLabel
      : claim.side === 'all'
        ? 'people'
        : SIDE_WORDS[claim.side];
  const total = claim.side === 'all' ? ' in all' : '';
  const by = claim.attributedTo === null ? '' : `, per ${claim.attributedTo}`;
  return `${countText(claim)} ${who} ${claim.outcome}${total}${by}`;
}

const SIDE_WORDS: Record<Side, string> = {
  security: 'security forces',
  militants: 'militants',
  civilians: 'civilians',
  unknown: 'people',
  all: 'people in all',
};

/** "security forces killed", "people killed in all" */
function sideOutcome(side: Side, outcome: Outcome): string {
  if (side === 'all') return `people ${outcome} in all`;
  if (side === 'unknown') return `people ${outcome} (side not stated)`;
  return `${SIDE_WORDS[side]} ${outcome}`;
}

/** "Security forces killed", "Killed in all", "Killed, side not stated" */
export function spreadTitle(side: Side, outcome: Outcome): string {
  const Outcome = `${outcome.charAt(0).toUpperCase()}${outcome.slice(1)}`;
  if (side === 'all') return `${Outcome} in all`;
  if (side === 'unknown') return `${Outcome}, side not stated`;
  const words = SIDE_WORDS[side];
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} ${outcome}`;
}

function incidentSubtitle(bundle: IncidentBundle): string {
  const { incident } = bundle;
  const when = formatSpan(incident.startDate, incident.endDate, incident.datePrecision);
  const places = incident.placeIds.flatMap((id) => {
    const place = bundle.places.find((p) => p.id === id);
    return place === undefined ? [] : [place.name];
  });
  return places.length === 0 ? when : `${when} · ${places.join(', ')}`;
}

function incidentView(
  bundle: IncidentBundle,
  resolution: PageResolveReply,
  claim: ResolvedClaim | null,
): IncidentView {
  const summary = summarizeIncident(bundle);
  const pageClaims = resolution.claims.filter(
    (c) => c.incidentId === bundle.incident.id && c.comparison !== null,
  );
  let spreads = summary.spreads;
  const charts: RangeChartView[] = [];
  if (claim !== null && claim.comparison !== null) {
    // The figure's own chart first, drawn from its comparison; the spreads it
    // covers (a count of unknown side compared with stated totals) are not drawn twice.
    const compared = new Set(claim.comparison.sources.map((source) => source.figureId));
    spreads = spreads.filter(
      (s) =>
        !(s.side === claim.side && s.outcome === claim.outcome) &&
        !s.figures.every((entry) => compared.has(entry.figureId)),
    );
    charts.push(claimChart(claim, bundle));
  }
  charts.push(...spreads.map((spread) => spreadChart(spread, pageClaims)));
  return {
    id: bundle.incident.id,
    reasons: linkedOf(resolution, bundle.incident.id)?.reasons ?? [],
    sourceCount: summary.sources,
    charts,
    disagreements: summary.spreads.flatMap((s) => (s.sentence === null ? [] : [s.sentence])),
    dateDisagreements: summary.dateDisagreements.map((d) => d.sentence),
    reports: reportRows(bundle, claim),
    timelines: summary.spreads.flatMap((spread) => {
      const timeline = timelineOf(bundle, spread.side, spread.outcome);
      return timeline === null ? [] : [timeline];
    }),
  };
}

function spreadChart(spread: FigureSpread, pageClaims: readonly ResolvedClaim[]): RangeChartView {
  const page: ChartCount[] = pageClaims
    .filter((c) => c.side === spread.side && c.outcome === spread.outcome)
    .map(({ low, high, qualifier }) => ({ low, high, qualifier }));
  return rangeChartView({
    title: spreadTitle(spread.side, spread.outcome),
    bars: spread.figures.map((entry) => ({
      low: entry.low,
      high: entry.high,
      qualifier: entry.qualifier,
      source: entry.outletName,
      label: `${entry.outletName}: ${countText(entry)} (${entry.attributedTo})`,
      agrees: null,
    })),
    page: uniqueCounts(page),
  });
}

function claimChart(claim: ResolvedClaim, bundle: IncidentBundle): RangeChartView {
  const sources = claim.comparison?.sources ?? [];
  // "tens of thousands" of unknown side compared with the war's stated totals is drawn as totals.
  const sides = new Set(
    sources.map((source) => bundle.figures.find((f) => f.id === source.figureId)?.side),
  );
  const side = sides.size === 1 && sides.has('all') ? 'all' : claim.side;
  return rangeChartView({
    title: spreadTitle(side, claim.outcome),
    bars: sources.map((source) => ({
      low: source.low,
      high: source.high,
      qualifier: source.qualifier,
      source: source.outletName,
      label: `${source.outletName}: ${countText(source)} (${source.attributedTo})`,
      agrees: source.agrees,
    })),
    page: [{ low: claim.low, high: claim.high, qualifier: claim.qualifier }],
  });
}

function uniqueCounts(counts: readonly ChartCount[]): ChartCount[] {
  const seen = new Set<string>();
  return counts.filter((count) => {
    const key = `${count.low}-${count.high}-${count.qualifier}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every report of the incident, oldest first, each with all its figures. */
function reportRows(bundle: IncidentBundle, claim: ResolvedClaim | null): ReportRow[] {
  const compared = new Map(
    (claim?.comparison?.sources ?? []).map((source) => [source.figureId, source.agrees]),
  );
  const mine = new Set(bundle.userReportIds ?? []);
  return bundle.reports
    .filter((report) => report.incidentId === bundle.incident.id)
    .toSorted((a, b) => a.publishedAt.localeCompare(b.publishedAt))
    .map((report) => ({
      reportId: report.id,
      outlet: outletNameOf(bundle, report),
      published: `${formatDay(report.publishedAt)}${report.publishedAtInferred ? ' (inferred)' : ''}`,
      url: safeUrl(report.url),
      title: report.title,
      userSource: mine.has(report.id),
      figures: bundle.figures
        .filter((figure) => figure.reportId === report.id)
        .map((figure) => figureCell(figure, compared)),
    }));
}

function figureCell(figure: Figure, compared: ReadonlyMap<string, boolean>): FigureCell {
  const agrees = compared.get(figure.id);
  return {
    figureId: figure.id,
    count: countText(figure),
    what: `${figure.sideLabel} ${figure.outcome}`,
    attributedTo: figure.attributedTo,
    quote: figure.quote,
    match: agrees === undefined ? null : agrees ? 'agrees' : 'differs',
  };
}

/**
 * How the count of one side and outcome moved as reports came out: one step
 * per report, oldest first. Only when the reports span more than one day:
 * a single day's reports are no sequence.
 */
function timelineOf(bundle: IncidentBundle, side: Side, outcome: Outcome): TimelineView | null {
  const figures = comparableFigures(bundle, side, outcome);
  const reports = bundle.reports
    .filter((report) => figures.some((figure) => figure.reportId === report.id))
    .toSorted((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  if (new Set(reports.map((report) => report.publishedAt)).size < 2) return null;
  return {
    title: spreadTitle(side, outcome),
    steps: reports.map((report) => ({
      date: formatDay(report.publishedAt),
      outlet: outletNameOf(bundle, report),
      counts: figures
        .filter((figure) => figure.reportId === report.id)
        .map((figure) => countText(figure))
        .join(', '),
    })),
  };
}

// --- Actors and places ------------------------------------------------------

const ACTOR_KIND_WORDS: Record<Actor['kind'], string> = {
  person: 'Person',
  organisation: 'Organisation',
  'state-body': 'State body',
  'armed-group': 'Armed group',
};

const PLACE_KIND_WORDS: Record<Place['kind'], string> = {
  country: 'Country',
  region: 'Region',
  district: 'District',
  city: 'City or town',
  site: 'Site',
};

function entityView(
  kind: 'actor' | 'place',
  id: string,
  name: string,
  resolution: PageResolveReply,
  details: EntityDetails | undefined,
): PopoverView {
  const linkedIds = new Set(resolution.incidents.map((incident) => incident.incidentId));
  const actor =
    kind === 'actor'
      ? (resolution.bundles.flatMap((b) => b.actors).find((a) => a.id === id) ??
        details?.actor ??
        null)
      : null;
  const place =
    kind === 'place'
      ? (resolution.bundles.flatMap((b) => b.places).find((p) => p.id === id) ??
        details?.place ??
        null)
      : null;
  const record = actor ?? place ?? null;
  const title = record?.name ?? name;
  const kindLabel =
    actor !== null
      ? ACTOR_KIND_WORDS[actor.kind]
      : place !== null
        ? PLACE_KIND_WORDS[place.kind]
        : kind === 'actor'
          ? 'Actor'
          : 'Place';

  const incidents = new Map<string, EntityIncident>();
  for (const bundle of resolution.bundles) {
    const { incident } = bundle;
    const role =
      kind === 'actor' ? (incident.actors.find((a) => a.actorId === id)?.role ?? null) : null;
    const tied = kind === 'actor' ? role !== null : incident.placeIds.includes(id);
    if (!tied || incidents.has(incident.id)) continue;
    incidents.set(incident.id, {
      id: incident.id,
      title: incident.title,
      when: formatSpan(incident.startDate, incident.endDate, incident.datePrecision),
      role,
      linked: linkedIds.has(incident.id),
    });
  }
  for (const incident of details?.incidents ?? []) {
    if (incidents.has(incident.id)) continue;
    incidents.set(incident.id, {
      id: incident.id,
      title: incident.title,
      when: formatDay(incident.startDate),
      role: incident.role,
      linked: linkedIds.has(incident.id),
    });
  }

  const aliases = new Set(record?.aliases ?? []);
  return {
    label: `${kindLabel}: ${title}`,
    eyebrow: kindLabel,
    title,
    subtitle: place === null ? null : placeWhere(place),
    verdict: null,
    incident: null,
    entity: {
      kind,
      kindLabel,
      description: actor !== null && actor.description !== '' ? actor.description : null,
      aliases: [...aliases].filter((alias) => alias !== title),
      partialNames: [...new Set(actor?.weakAliases ?? [])].filter((alias) => !aliases.has(alias)),
      links: (actor?.links ?? []).flatMap((href) => {
        const safe = safeUrl(href);
        return safe === null ? [] : [{ href: safe, text: hostText(safe) }];
      }),
      // Linked incidents first, then by date as the bundles hold them.
      incidents: [...incidents.values()].toSorted((a, b) => Number(b.linked) - Number(a.linked)),
    },
  };
}

/** "Rudaki district, Tajikistan": where a place lies; null for a country. */
function placeWhere(place: Place): string | null {
  if (place.kind === 'country') return null;
  return [place.admin, COUNTRY_NAMES[place.country] ?? place.country]
    .filter((part): part is string => part !== null && part !== '')
    .join(', ');
}

/** Countries the dataset's places lie in; any other shows its ISO code. */
const COUNTRY_NAMES: Record<string, string> = {
  TJ: 'Tajikistan',
  KG: 'Kyrgyzstan',
  UZ: 'Uzbekistan',
  AF: 'Afghanistan',
  RU: 'Russia',
  KZ: 'Kazakhstan',
};

// --- Helpers ----------------------------------------------------------------

function bundleOf(
  resolution: PageResolveReply,
  incidentId: string | null,
): IncidentBundle | undefined {
  if (incidentId === null) return undefined;
  return resolution.bundles.find((bundle) => bundle.incident.id === incidentId);
}

function linkedOf(resolution: PageResolveReply, incidentId: string): LinkedIncident | undefined {
  return resolution.incidents.find((incident) => incident.incidentId === incidentId);
}

/** The address when it is an absolute http(s) URL, as the dataset schema requires; else null. */
export function safeUrl(url: string | null | undefined): string | null {
  if (url === null || url === undefined) return null;
  return v.is(HttpUrl, url) ? url : null;
}

/** "rferl.org" for a link's visible text. */
function hostText(url: string): string {
  const match = /^https?:\/\/(?:www\.)?([^/?#:]+)/i.exec(url);
  return match?.[1] ?? url;
}
