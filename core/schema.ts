/**
 * The reference dataset's schema (v1), the one source of truth for its shape.
 *
 * Every record that enters the extension - the bundled dataset, a synced
 * snapshot, a user's import - passes through `parseDataset`, so the types
 * below describe data that has been checked, not data we hope is right.
 * Strings and arrays are capped so a hostile dataset cannot exhaust memory,
 * and links must be http(s).
 */
import * as v from 'valibot';
import { RECORD_TABLES, ReferenceChecker, type DatasetRecords } from './references';

export const SCHEMA_VERSION = 1;

/** Limits a dataset must respect; generous for real data, fatal for abuse. */
export const LIMITS = {
  idLength: 80,
  shortText: 300,
  longText: 4_000,
  urlLength: 2_048,
  listItems: 200,
  records: 2_000_000,
} as const;

export const SIDES = ['security', 'militants', 'civilians', 'unknown', 'all'] as const;
export const OUTCOMES = ['killed', 'wounded', 'captured', 'detained', 'missing'] as const;
export const QUALIFIERS = ['exact', 'at-least', 'more-than', 'about', 'up-to'] as const;
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export const ACTOR_KINDS = ['person', 'organisation', 'state-body', 'armed-group'] as const;
export const OWNERSHIPS = ['state', 'public', 'private', 'unknown'] as const;
export const PLACE_KINDS = ['country', 'region', 'district', 'city', 'site'] as const;
export const INCIDENT_KINDS = ['attack', 'operation', 'clash', 'ambush', 'war'] as const;
export const ACTOR_ROLES = [
  'perpetrator',
  'accused',
  'claimant',
  'target',
  'responder',
  'leader',
  'party',
  'official',
] as const;
export const ATTRIBUTION_KINDS = [
  'official',
  'unnamed-source',
  'local-sources',
  'group-claim',
  'outlet',
  'other',
] as const;

export type Side = (typeof SIDES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Qualifier = (typeof QUALIFIERS)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

const Id = v.pipe(
  v.string(),
  v.maxLength(LIMITS.idLength),
  v.regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, dots and dashes'),
);
const ShortText = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.shortText));
const LongText = v.pipe(v.string(), v.maxLength(LIMITS.longText));
// No side effects: bundles that use none of the schemas (the content script) drop them all.
const list = /* @__NO_SIDE_EFFECTS__ */ <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item), v.maxLength(LIMITS.listItems));

/** Only http(s) links: a `javascript:` or `data:` URL in a dataset is an attack, not a link. */
export const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.urlLength),
  v.regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, 'links must be absolute http(s) URLs'),
);

/** A calendar day, YYYY-MM-DD, that exists. */
export const IsoDay = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD'),
  v.check(isRealDay, 'no such calendar day'),
);

function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000_000));

export const OutletSchema = v.strictObject({
  id: Id,
  name: ShortText,
  /** Other names the press uses for it ("RIA", "RIA Novosti"). */
  aliases: list(ShortText),
  /** Registrable domains whose pages this outlet publishes ("rferl.org"). */
  domains: list(v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]+$/))),
  /** ISO 3166-1 alpha-2, or null when it has none (a multinational wire). */
  country: v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/))),
  ownership: v.picklist(OWNERSHIPS),
  url: v.nullable(HttpUrl),
});

export const ActorSchema = v.strictObject({
  id: Id,
  name: ShortText,
  kind: v.picklist(ACTOR_KINDS),
  /** Spellings that identify this actor on their own (Latin and Cyrillic). */
  aliases: list(ShortText),
  /**
   * Spellings that are too short, partial or common to identify the actor
   * alone (a first name, a nickname, "IS"): they count only when a strong
   * alias of the same actor occurs nearby.
   */
  weakAliases: list(ShortText),
  description: LongText,
  links: list(HttpUrl),
});

export const PlaceSchema = v.strictObject({
  id: Id,
  name: ShortText,
  kind: v.picklist(PLACE_KINDS),
  aliases: list(ShortText),
  /** The administrative area it lies in, as text ("Districts of Republican Subordination"). */
  admin: v.nullable(ShortText),
  country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/)),
  lat: v.nullable(v.pipe(v.number(), v.minValue(-90), v.maxValue(90))),
  lon: v.nullable(v.pipe(v.number(), v.minValue(-180), v.maxValue(180))),
});

export const IncidentSchema = v.strictObject({
  id: Id,
  title: ShortText,
  kind: v.picklist(INCIDENT_KINDS),
  startDate: IsoDay,
  endDate: IsoDay,
  /** How exact startDate and endDate are: a war known by years is 'year'. */
  datePrecision: v.picklist(DATE_PRECISIONS),
  placeIds: list(Id),
  actors: list(v.strictObject({ actorId: Id, role: v.picklist(ACTOR_ROLES) })),
  /** The incident this one follows from (an operation after an attack). */
  parentId: v.nullable(Id),
  /** Phrases that point at this incident ("border post", "Constitution Day"). */
  keywords: list(ShortText),
  summary: LongText,
});

export const ReportSchema = v.strictObject({
  id: Id,
  incidentId: Id,
  outletId: Id,
  /** The article's address; null when only a capture of its text is known. */
  url: v.nullable(HttpUrl),
  /** Where the captured text of the article lives in the curation sources, if anywhere. */
  capture: v.nullable(ShortText),
  publishedAt: IsoDay,
  /** True when the article states no date and publishedAt was inferred from its text. */
  publishedAtInferred: v.boolean(),
  title: ShortText,
  language: v.pipe(v.string(), v.regex(/^[a-z]{2}$/)),
  /** Outlets whose reporting this article carries (a wire such as Reuters). */
  via: list(Id),
  /** When the report says the incident happened, and in which words. */
  eventDate: v.nullable(
    v.strictObject({ date: IsoDay, precision: v.picklist(DATE_PRECISIONS), quote: ShortText }),
  ),
});

export const FigureSchema = v.pipe(
  v.strictObject({
    id: Id,
    reportId: Id,
    incidentId: Id,
    outcome: v.picklist(OUTCOMES),
    side: v.picklist(SIDES),
    /** The report's own word for whom the figure counts ("policemen", "border guards"). */
    sideLabel: ShortText,
    low: Count,
    high: Count,
    qualifier: v.picklist(QUALIFIERS),
    /** On whose word, as the report gives it ("Tajikistan's interior ministry"). */
    attributedTo: ShortText,
    attributionKind: v.picklist(ATTRIBUTION_KINDS),
    /** The sentence or phrase of the report that states the figure, verbatim. */
    quote: v.pipe(ShortText, v.maxLength(LIMITS.longText)),
  }),
  v.check((figure) => figure.low <= figure.high, 'a figure needs low <= high'),
);

export const MetaSchema = v.strictObject({
  datasetId: Id,
  schema: v.literal(SCHEMA_VERSION),
  /** Increases with every published change; sync refuses anything not newer. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  publishedAt: v.pipe(v.string(), v.isoTimestamp()),
  title: ShortText,
  license: ShortText,
});

const records = /* @__NO_SIDE_EFFECTS__ */ <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item), v.maxLength(LIMITS.records));

export const DatasetSchema = v.strictObject({
  meta: MetaSchema,
  outlets: records(OutletSchema),
  actors: records(ActorSchema),
  places: records(PlaceSchema),
  incidents: records(IncidentSchema),
  reports: records(ReportSchema),
  figures: records(FigureSchema),
});

export type Outlet = v.InferOutput<typeof OutletSchema>;
export type Actor = v.InferOutput<typeof ActorSchema>;
export type Place = v.InferOutput<typeof PlaceSchema>;
export type Incident = v.InferOutput<typeof IncidentSchema>;
export type Report = v.InferOutput<typeof ReportSchema>;
export type Figure = v.InferOutput<typeof FigureSchema>;
export type DatasetMeta = v.InferOutput<typeof MetaSchema>;
export type Dataset = v.InferOutput<typeof DatasetSchema>;

export type DatasetResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/**
 * Validates untrusted data as a dataset: shape first, then every reference
 * between records. Errors name the path ("figures[3].low: ...") so a curator
 * can find them; at most `maxErrors` are listed.
 */
export function parseDataset(input: unknown, maxErrors = 20): DatasetResult {
  const parsed = v.safeParse(DatasetSchema, input, { abortPipeEarly: true });
  if (!parsed.success) {
    const errors = parsed.issues.slice(0, maxErrors).map((issue) => {
      const path = (issue.path ?? [])
        .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
        .join('')
        .replace(/^\./, '');
      return `${path || '(root)'}: ${issue.message}`;
    });
    return { ok: false, errors };
  }
  const referenceErrors = checkReferences(parsed.output).slice(0, maxErrors);
  if (referenceErrors.length > 0) return { ok: false, errors: referenceErrors };
  return { ok: true, dataset: parsed.output };
}

/** Every id a record points at must exist, and ids must be unique per table. */
export function checkReferences(dataset: Dataset): string[] {
  const checker = new ReferenceChecker();
  for (const table of RECORD_TABLES) {
    for (const record of dataset[table]) checker.add(table, record as DatasetRecords[typeof table]);
  }
  return checker.finish();
}
