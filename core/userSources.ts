/**
 * The user's own sources: pages they saved as reports of an incident, with
 * the figures they reviewed. Kept apart from the synced dataset (sync never
 * writes them), checked with the dataset's own Report and Figure shapes, and
 * moved between browsers as a small versioned JSON file. Everything that
 * enters - a save from the popup, an imported file - passes through here, and
 * a file with one bad record is refused whole: nothing half-imported.
 */
import * as v from 'valibot';
import {
  FigureSchema,
  ReportSchema,
  type Figure,
  type Outcome,
  type Qualifier,
  type Report,
  type Side,
} from './schema';
import type { IncidentBundle } from './types';

export const USER_SOURCES_FORMAT = 'triangulate-user-sources';
export const USER_SOURCES_VERSION = 1;

/** Caps on an import: a lifetime of saved pages fits; a hostile file does not. */
export const USER_SOURCE_LIMITS = {
  bytes: 5_000_000,
  reports: 10_000,
  figures: 50_000,
  figuresPerReport: 200,
} as const;

/** An outlet id for a page whose outlet the dataset does not know. */
export const USER_OUTLET_PREFIX = 'user-';

const Timestamp = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());
const OutletName = v.pipe(v.string(), v.minLength(1), v.maxLength(300));

/** A saved page: a dataset Report plus when it was saved and the outlet's name as the user gave it. */
export const UserReportSchema = v.strictObject({
  ...ReportSchema.entries,
  createdAt: Timestamp,
  outletName: OutletName,
});

export const UserFigureSchema = v.pipe(
  v.strictObject({ ...FigureSchema.pipe[0].entries, createdAt: Timestamp }),
  v.check((figure) => figure.low <= figure.high, 'a figure needs low <= high'),
);

export type UserReport = v.InferOutput<typeof UserReportSchema>;
export type UserFigure = v.InferOutput<typeof UserFigureSchema>;

export const UserSourcesSchema = v.strictObject({
  format: v.literal(USER_SOURCES_FORMAT),
  version: v.literal(USER_SOURCES_VERSION),
  exportedAt: Timestamp,
  reports: v.pipe(v.array(UserReportSchema), v.maxLength(USER_SOURCE_LIMITS.reports)),
  figures: v.pipe(v.array(UserFigureSchema), v.maxLength(USER_SOURCE_LIMITS.figures)),
});

export type UserSources = v.InferOutput<typeof UserSourcesSchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function exportUserSources(
  reports: readonly UserReport[],
  figures: readonly UserFigure[],
  now: Date,
): UserSources {
  return {
    format: USER_SOURCES_FORMAT,
    version: USER_SOURCES_VERSION,
    exportedAt: now.toISOString(),
    reports: [...reports],
    figures: [...figures],
  };
}

/**
 * Reads an exported file's text. The error says in plain words what is wrong
 * (and where), so the user knows the file, not the extension, is at fault.
 */
export function parseUserSources(text: string): Parsed<UserSources> {
  if (text.length > USER_SOURCE_LIMITS.bytes) {
    return {
      ok: false,
      error: `The file is too large (over ${USER_SOURCE_LIMITS.bytes / 1e6} MB).`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not JSON.' };
  }
  if (!isRecord(json) || json.format !== USER_SOURCES_FORMAT) {
    return { ok: false, error: 'This is not a Triangulate sources file.' };
  }
  if (json.version !== USER_SOURCES_VERSION) {
    return {
      ok: false,
      error: `This file is version ${String(json.version)}; this Triangulate reads version ${USER_SOURCES_VERSION}.`,
    };
  }
  const parsed = v.safeParse(UserSourcesSchema, json, { abortEarly: true });
  if (!parsed.success)
    return { ok: false, error: `The file has a bad record: ${describe(parsed.issues)}` };
  const problem = referenceProblem(parsed.output.reports, parsed.output.figures);
  if (problem !== null) return { ok: false, error: `The file has a bad record: ${problem}` };
  return { ok: true, value: parsed.output };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const [issue] = issues;
  if (issue === undefined) return 'unknown problem';
  const path = (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/** Ids unique per table; every figure belongs to a report of the file, of the same incident. */
export function referenceProblem(
  reports: readonly UserReport[],
  figures: readonly UserFigure[],
): string | null {
  const incidentOf = new Map<string, string>();
  for (const report of reports) {
    if (incidentOf.has(report.id)) return `reports: duplicate id ${report.id}`;
    incidentOf.set(report.id, report.incidentId);
  }
  const figureIds = new Set<string>();
  for (const figure of figures) {
    if (figureIds.has(figure.id)) return `figures: duplicate id ${figure.id}`;
    figureIds.add(figure.id);
    const incidentId = incidentOf.get(figure.reportId);
    if (incidentId === undefined)
      return `figures.${figure.id}: no report ${figure.reportId} in the file`;
    if (incidentId !== figure.incidentId) {
      return `figures.${figure.id}: incident ${figure.incidentId} differs from its report's ${incidentId}`;
    }
  }
  return null;
}

/** What the popup sends when the user saves a page: the reviewed rows, before ids and dates. */
export interface UserReportDraft {
  incidentId: string;
  url: string;
  title: string;
  /** The dataset outlet the page belongs to, or null when the dataset does not know it. */
  outletId: string | null;
  outletName: string;
  publishedAt: string;
  language: string;
  figures: UserFigureDraft[];
}

export interface UserFigureDraft {
  low: number;
  high: number;
  qualifier: Qualifier;
  side: Side;
  sideLabel: string;
  outcome: Outcome;
  attributedTo: string;
  /** The page's words for the figure. */
  quote: string;
}

/**
 * Turns a reviewed draft into rows, checked with the dataset's shapes. `id`
 * is the new report's id (the caller makes it unique); figures get
 * `${id}-f1`, `${id}-f2`... An empty attribution reads "the page".
 */
export function buildUserReport(
  draft: UserReportDraft,
  id: string,
  now: Date,
): Parsed<{ report: UserReport; figures: UserFigure[] }> {
  if (draft.figures.length > USER_SOURCE_LIMITS.figuresPerReport) {
    return { ok: false, error: `At most ${USER_SOURCE_LIMITS.figuresPerReport} figures per page.` };
  }
  const createdAt = now.toISOString();
  const report = v.safeParse(UserReportSchema, {
    id,
    incidentId: draft.incidentId,
    outletId: draft.outletId ?? userOutletId(draft.url),
    url: draft.url,
    capture: null,
    publishedAt: draft.publishedAt,
    publishedAtInferred: false,
    title: draft.title.trim(),
    language: draft.language,
    via: [],
    eventDate: null,
    createdAt,
    outletName: draft.outletName.trim(),
  });
  if (!report.success) return { ok: false, error: `The page: ${describe(report.issues)}` };
  const figures: UserFigure[] = [];
  for (const [i, figure] of draft.figures.entries()) {
    const parsed = v.safeParse(UserFigureSchema, {
      id: `${id}-f${i + 1}`,
      reportId: id,
      incidentId: draft.incidentId,
      outcome: figure.outcome,
      side: figure.side,
      sideLabel: figure.sideLabel.trim() || figure.side,
      low: figure.low,
      high: figure.high,
      qualifier: figure.qualifier,
      attributedTo: figure.attributedTo.trim() || 'the page',
      attributionKind: figure.attributedTo.trim() === '' ? 'outlet' : 'other',
      quote: figure.quote.trim() || `${figure.low}`,
      createdAt,
    });
    if (!parsed.success) return { ok: false, error: `Figure ${i + 1}: ${describe(parsed.issues)}` };
    figures.push(parsed.output);
  }
  return { ok: true, value: { report: report.output, figures } };
}

/** "user-bbc-co-uk" for a page on www.bbc.co.uk: an outlet id the dataset never uses. */
export function userOutletId(url: string): string {
  let host = 'unknown';
  try {
    host = new URL(url).hostname.replace(/^www\./, '') || host;
  } catch {
    // Not a URL: the report's own check refuses it.
  }
  const slug = host
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${USER_OUTLET_PREFIX}${slug || 'unknown'}`.slice(0, 80);
}

/** The figure as the dataset's Figure (without createdAt), for comparison beside synced ones. */
export function asFigure(figure: UserFigure): Figure {
  const { createdAt: _createdAt, ...rest } = figure;
  return rest;
}

/** The report as the dataset's Report (without createdAt and outletName). */
export function asReport(report: UserReport): Report {
  const { createdAt: _createdAt, outletName: _outletName, ...rest } = report;
  return rest;
}

/**
 * Adds the user's saved reports of this incident to its bundle, marked in
 * `userReportIds`, with an outlet for each report the bundle lacks (the name
 * the user gave). A saved report whose id the dataset also uses is left out:
 * the dataset's record wins and nothing is counted twice.
 */
export function withUserSources(
  bundle: IncidentBundle,
  reports: readonly UserReport[],
  figures: readonly UserFigure[],
): IncidentBundle {
  const taken = new Set(bundle.reports.map((report) => report.id));
  const own = reports.filter((r) => r.incidentId === bundle.incident.id && !taken.has(r.id));
  if (own.length === 0) return bundle;
  const ids = new Set(own.map((report) => report.id));
  const outlets = [...bundle.outlets];
  for (const report of own) {
    if (outlets.some((outlet) => outlet.id === report.outletId)) continue;
    outlets.push({
      id: report.outletId,
      name: report.outletName,
      aliases: [],
      domains: [],
      country: null,
      ownership: 'unknown',
      url: null,
    });
  }
  return {
    ...bundle,
    reports: [...bundle.reports, ...own.map(asReport)],
    figures: [...bundle.figures, ...figures.filter((f) => ids.has(f.reportId)).map(asFigure)],
    outlets,
    userReportIds: [...(bundle.userReportIds ?? []), ...ids],
  };
}
