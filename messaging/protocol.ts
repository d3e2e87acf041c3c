/**
 * The one protocol between the extension's contexts: every message type, who
 * sends it, what it carries and what comes back. Requests are validated with
 * valibot where they are received (the background trusts no page-derived
 * data), replies travel as { ok: true, data } or { ok: false, error }, and
 * `sendMessage`/`handleMessages` are the only typed way in and out.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { DATE_PRECISIONS, OUTCOMES, QUALIFIERS, SIDES } from '../core/schema';
import type { Actor, DatePrecision, Outcome, Qualifier, Side } from '../core/schema';
import type {
  AliasMatch,
  FigureComparison,
  IncidentBundle,
  LexiconEntry,
  LinkedIncident,
  PageFacts,
  PageResolution,
  PageSignals,
  Verdict,
} from '../core/types';
import type { OutletRef } from '../core/pageFacts';
import type { ResolvableEvidence } from '../core/resolve';
import type { EntityDetails } from '../core/popoverModel';
import type { DatasetStatus } from '../db/entities';
import { MAX_CLAIM_LENGTH, type ClaimCheck } from '../core/checkClaim';
import { MAX_QUERY_LENGTH, type IncidentSuggestion } from '../core/incidentSearch';
import { USER_SOURCE_LIMITS, type UserReportDraft, type UserSources } from '../core/userSources';
import { REQUEST_LIMITS } from './requestLimits';
import { SIGNAL_LIMITS } from '../page/signals';
import type { PackedMatcher } from '../entrypoints/background/reading/matcherWire';

// In modules of their own, free of valibot and the schemas, so the content script can import them alone.
export { fitEvidence, PAGE_READ_PORT, REQUEST_LIMITS } from './requestLimits';
export { sendMessage } from './send';

export interface LexiconReply {
  /** The installed dataset's version, or null when none is installed yet. */
  datasetVersion: number | null;
  entries: LexiconEntry[];
  outlets: OutletRef[];
  /**
   * The matcher compiled from `entries` once per dataset by the background,
   * packed for the message (entrypoints/background/reading/matcherWire.ts); absent when
   * there are no entries. The content script rebuilds from `entries` when it
   * is missing or cannot be read.
   */
  compiled?: PackedMatcher;
}

export type PageResolveReply = PageResolution & { bundles: IncidentBundle[] };

/** What the background read on a page and linked it to (page.read). */
export interface PageReadReply {
  /** What the page says about itself, for the popup. */
  facts: PageFacts;
  /**
   * The names found, confirmed and fitted to REQUEST_LIMITS, offsets into the
   * text sent; empty when the page is linked to no incident (nothing of it is
   * highlighted then).
   */
  matches: AliasMatch[];
  reply: PageResolveReply;
}

/** The installed dataset's meta and source, record counts per table, the last load or sync error. */
export type DatasetStatusReply = DatasetStatus;

/** What travels over a PAGE_READ_PORT from the page (see messaging/requestLimits.ts). */
export type PageReadPart = { type: 'text'; text: string } | { type: 'end'; signals: PageSignals };

/** The part of runtime.Port both ends use (passed in, so tests pair two in memory). */
export interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * The steps page.read takes, as messages of their own for extension pages
 * (diagnostics, tests): the lexicon the matcher is built from, and linking
 * evidence read elsewhere. Web pages may not send them: their content script
 * only needs page.read, and every type a page may send is attack surface.
 */
export interface StepsToBackground {
  'lexicon.get': { request: Record<string, never>; response: LexiconReply };
  /** pageUrl lets the background leave the page's own report out of the comparison. */
  'page.resolve': {
    request: { evidence: ResolvableEvidence; pageUrl?: string | null };
    response: PageResolveReply;
  };
}

/** Messages the content script sends to the background. */
export interface ContentToBackground {
  /**
   * The page's visible text (at most REQUEST_LIMITS.textChars: a longer page
   * sends its beginning) and its markup's signals, read and linked in the
   * background, whose reading code stays loaded and warm across pages; the
   * text goes to the extension's own service worker and nowhere else.
   */
  'page.read': {
    request: { text: string; signals: PageSignals };
    response: PageReadReply;
  };
  /** An actor's or place's record and incidents, for a name the page's linked incidents do not hold; null when unknown. */
  'entity.get': {
    request: { kind: 'actor' | 'place'; id: string };
    response: EntityDetails | null;
  };
}

/** Messages the popup sends to the background. */
export interface PopupToBackground {
  'dataset.status': { request: Record<string, never>; response: DatasetStatusReply };
  /** Starts syncing every enabled source now; started is false when a sync is already running. */
  'sync.now': { request: Record<string, never>; response: { started: boolean } };
  /** The running or last sync: progress, when it ran and runs next, errors per source. */
  'sync.status': { request: Record<string, never>; response: SyncStatusReply };
}

/** One configured source as sync last saw it. */
export interface SyncSourceStatus {
  url: string;
  /** The version installed from it, or null when nothing from it is installed. */
  version: number | null;
  lastSyncAt: string | null;
  /** In plain words ("The dataset from data.example.org was refused: ..."), or null. */
  lastError: string | null;
}

export interface SyncStatusReply {
  running: boolean;
  /** 'idle', 'manifest', 'download', 'verify', 'apply' - or 'interrupted' after a worker restart mid-sync. */
  phase: string;
  /** Progress of the phase (bytes downloaded, records applied) out of total (0 when unknown). */
  done: number;
  total: number;
  lastSyncAt: string | null;
  nextSyncAt: string | null;
  lastError: string | null;
  sources: SyncSourceStatus[];
}

/** Where the content script is on this page: switched off, working, done, or failed. */
export type PageState = 'off' | 'running' | 'ready' | 'error';

/** One casualty figure the page states; `index` is its place among the page's figures, for page.reveal. */
export interface PageSummaryFigure {
  index: number;
  text: string;
  low: number;
  high: number;
  qualifier: Qualifier;
  side: Side;
  outcome: Outcome;
  attributedTo: string | null;
  /** The linked incident it was compared with, or null when it was not assigned to one. */
  incidentId: string | null;
  /** Null when the figure was not compared with any report. */
  verdict: Verdict | null;
}

/** What the content script found and drew on its page. Replaces the old data-triangulate* attributes. */
export interface PageSummaryReply {
  state: PageState;
  /** isEnabledFor(settings, host) for this page's host. */
  enabledForSite: boolean;
  error: string | null;
  incidents: LinkedIncident[];
  /** Actors named on a linked page; `name`/`kind` from the dataset when known, else the page's spelling and null. */
  actors: { id: string; name: string; kind: Actor['kind'] | null; count: number }[];
  /** Places of a linked incident the page names. */
  places: { id: string; name: string; count: number }[];
  figures: PageSummaryFigure[];
  /** Highlights drawn per kind (0 for a kind the user switched off; figures are the compared ones). */
  counts: { actor: number; place: number; incident: number; figure: number };
  /**
   * The page itself as the content script reads it (location.href and its
   * page facts). Optional: the popup cannot see a tab's address without the
   * tabs permission when it runs in a tab of its own, so it uses this for the
   * site switch and to prefill "Save this page" when present.
   */
  page?: {
    url: string;
    title: string | null;
    outletId: string | null;
    outletName: string | null;
    publishedAt: string | null;
    language: string | null;
  };
}

export type RevealRequest =
  { kind: 'figure'; index: number } | { kind: 'actor' | 'place' | 'incident'; id: string };

/**
 * Messages the popup or the background (or a test, from the service worker)
 * sends to the content script of one tab, with `sendToTab`.
 */
export interface PopupToContent {
  'page.summary': { request: Record<string, never>; response: PageSummaryReply };
  /** Scrolls to the first annotation of it, focuses it and opens its popover; ok is false when the page has none. */
  'page.reveal': { request: RevealRequest; response: { ok: boolean } };
  /** Moves the keyboard focus to the next or previous annotation (the background forwards the shortcut commands). */
  'page.step': { request: { direction: 'next' | 'previous' }; response: { ok: boolean } };
}

/** A dataset incident as the popup names it beside a verdict. */
export interface CheckedIncident {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  datePrecision: DatePrecision;
  placeNames: string[];
  /** Reports of it that are the user's own saved sources. */
  userReportIds: string[];
}

/** A typed claim checked: what was understood, the candidates, the verdict (see core/checkClaim.ts). */
export type ClaimCheckReply = ClaimCheck & { incident: CheckedIncident | null };

/** One saved page, as the popup lists the user's sources. */
export interface UserSourceSummary {
  id: string;
  title: string;
  url: string | null;
  outletName: string;
  incidentId: string;
  incidentTitle: string | null;
  figures: number;
  createdAt: string;
}

/** Messages the popup and options send to the background: checking figures, the user's own sources. */
export interface PopupChecksToBackground {
  /** Up to 8 incidents for what the user typed (name, alias, place, keyword, year, month). */
  'incident.search': { request: { query: string }; response: IncidentSuggestion[] };
  /** A free-text claim; incidentId is the user's pick among the candidates (or from search). */
  'claim.check': {
    request: { text: string; incidentId?: string | null };
    response: ClaimCheckReply;
  };
  /** A number, side and outcome for an incident picked by search. */
  'figure.check': {
    request: { incidentId: string; low: number; high: number; side: Side; outcome: Outcome };
    response: { incident: CheckedIncident; comparison: FigureComparison };
  };
  /** The text the context menu stored for the popup to check ("Check this figure"), taken once. */
  'claim.pending': { request: Record<string, never>; response: { text: string | null } };
  /** Saves a reviewed page as the user's own source; validated here with the dataset's shapes. */
  'user.saveReport': { request: { draft: UserReportDraft }; response: { id: string } };
  'user.sources': { request: Record<string, never>; response: UserSourceSummary[] };
  'user.delete': { request: { id: string }; response: { deleted: boolean } };
  'user.export': { request: Record<string, never>; response: UserSources };
  /** The text of an exported file; refused whole (nothing written) when anything in it is bad. */
  'user.import': { request: { text: string }; response: { reports: number; figures: number } };
}

export type Protocol = ContentToBackground &
  StepsToBackground &
  PopupToBackground &
  PopupToContent &
  PopupChecksToBackground;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = Protocol[T]['request'];
export type ResponseOf<T extends MessageType> = Protocol[T]['response'];

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: RequestOf<T>;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

// --- Request schemas (what the receiving end accepts) -----------------------

const Offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(REQUEST_LIMITS.offset));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000_000));
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(REQUEST_LIMITS.idLength));
const ShortText = v.pipe(v.string(), v.maxLength(REQUEST_LIMITS.shortText));
const LongText = v.pipe(v.string(), v.maxLength(REQUEST_LIMITS.longText));
const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD'));
const spanFields = { start: Offset, end: Offset };
const capped = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max, `at most ${max} items`));

const AliasMatchSchema = v.object({
  ...spanFields,
  targetId: Id,
  kind: v.picklist(['actor', 'place', 'incident']),
  alias: ShortText,
  weak: v.boolean(),
});

const ClaimSchema = v.object({
  ...spanFields,
  text: LongText,
  low: Count,
  high: Count,
  qualifier: v.picklist(QUALIFIERS),
  side: v.picklist(SIDES),
  sideLabel: ShortText,
  outcome: v.picklist(OUTCOMES),
  attributedTo: v.nullable(ShortText),
  // An increment ("five more") must reach the background, or it would be compared as a total.
  relativeTo: v.optional(v.literal('previous')),
  // A figure said of an operation must reach the background, or it would go to the attack before it.
  frame: v.optional(v.picklist(['operation', 'claimed'])),
});

const DateMentionSchema = v.object({
  ...spanFields,
  text: ShortText,
  date: Day,
  endDate: Day,
  precision: v.picklist(DATE_PRECISIONS),
  relative: v.boolean(),
  role: v.optional(v.picklist(['speech', 'event'])),
});

const PageFactsSchema = v.object({
  title: v.nullable(LongText),
  outletId: v.nullable(Id),
  outletName: v.nullable(ShortText),
  publishedAt: v.nullable(Day),
  publishedAtSource: v.nullable(v.picklist(['meta', 'json-ld', 'time', 'dateline'])),
  language: v.nullable(v.pipe(v.string(), v.maxLength(16))),
});

const PageEvidenceSchema = v.object({
  facts: PageFactsSchema,
  matches: capped(AliasMatchSchema, REQUEST_LIMITS.matches),
  claims: capped(ClaimSchema, REQUEST_LIMITS.claims),
  dates: capped(DateMentionSchema, REQUEST_LIMITS.dates),
  // Only the sentences and paragraphs that hold a figure (core/evidence.ts): at most two per claim.
  layout: v.optional(
    v.object({
      paragraphs: capped(v.object(spanFields), REQUEST_LIMITS.claims),
      sentences: capped(v.object(spanFields), REQUEST_LIMITS.claims),
    }),
  ),
});

const NullableText = (max: number) => v.nullable(v.pipe(v.string(), v.maxLength(max)));

const PageSignalsSchema = v.object({
  url: NullableText(SIGNAL_LIMITS.urlLength),
  title: NullableText(SIGNAL_LIMITS.titleLength),
  lang: NullableText(40),
  metas: v.pipe(
    v.record(
      v.pipe(v.string(), v.maxLength(SIGNAL_LIMITS.metaKeyLength)),
      v.pipe(v.string(), v.maxLength(SIGNAL_LIMITS.metaValueLength)),
    ),
    v.check(
      (metas) => Object.keys(metas).length <= SIGNAL_LIMITS.metas,
      `at most ${SIGNAL_LIMITS.metas} meta tags`,
    ),
  ),
  jsonLd: capped(
    v.pipe(v.string(), v.maxLength(SIGNAL_LIMITS.jsonLdBytes)),
    SIGNAL_LIMITS.jsonLdBlocks,
  ),
  times: capped(v.pipe(v.string(), v.maxLength(SIGNAL_LIMITS.timeLength)), SIGNAL_LIMITS.times),
});

const Empty = v.object({});

const PageReadPartSchema = v.variant('type', [
  v.object({
    type: v.literal('text'),
    text: v.pipe(v.string(), v.maxLength(REQUEST_LIMITS.textPartChars)),
  }),
  v.object({ type: v.literal('end'), signals: PageSignalsSchema }),
]);

/** Checks one part received on a PAGE_READ_PORT; the error says what is wrong with it. */
export function parsePageReadPart(
  message: unknown,
): { ok: true; part: PageReadPart } | { ok: false; error: string } {
  const parsed = v.safeParse(PageReadPartSchema, message, { abortEarly: true });
  return parsed.success
    ? { ok: true, part: parsed.output }
    : { ok: false, error: `Invalid page.read part: ${describeIssues(parsed.issues)}` };
}

/** Each request's schema; typed so a drift between schema and type fails to compile. */
export const requestSchemas: {
  [T in MessageType]: v.GenericSchema<unknown, RequestOf<T>>;
} = {
  'lexicon.get': Empty as v.GenericSchema<unknown, Record<string, never>>,
  'page.resolve': v.object({
    evidence: PageEvidenceSchema,
    pageUrl: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(REQUEST_LIMITS.urlLength)))),
  }),
  'page.read': v.object({
    text: v.pipe(v.string(), v.maxLength(REQUEST_LIMITS.textChars)),
    signals: PageSignalsSchema,
  }),
  'entity.get': v.object({ kind: v.picklist(['actor', 'place']), id: Id }),
  'dataset.status': Empty as v.GenericSchema<unknown, Record<string, never>>,
  'sync.now': Empty as v.GenericSchema<unknown, Record<string, never>>,
  'sync.status': Empty as v.GenericSchema<unknown, Record<string, never>>,
  'page.summary': Empty as v.GenericSchema<unknown, Record<string, never>>,
  'page.reveal': v.variant('kind', [
    v.object({
      kind: v.literal('figure'),
      index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(REQUEST_LIMITS.claims)),
    }),
    v.object({ kind: v.picklist(['actor', 'place', 'incident']), id: Id }),
  ]),
  'page.step': v.object({ direction: v.picklist(['next', 'previous']) }),
  'incident.search': v.object({ query: v.pipe(v.string(), v.maxLength(MAX_QUERY_LENGTH)) }),
  'claim.check': v.object({
    text: v.pipe(v.string(), v.maxLength(MAX_CLAIM_LENGTH)),
    incidentId: v.optional(v.nullable(Id)),
  }),
  'figure.check': v.object({
    incidentId: Id,
    low: Count,
    high: Count,
    side: v.picklist(SIDES),
    outcome: v.picklist(OUTCOMES),
  }),
  'claim.pending': Empty as v.GenericSchema<unknown, Record<string, never>>,
  // Caps only: user.saveReport checks the draft with the dataset's Report and Figure shapes.
  'user.saveReport': v.object({
    draft: v.object({
      incidentId: Id,
      url: v.pipe(v.string(), v.maxLength(REQUEST_LIMITS.urlLength)),
      title: LongText,
      outletId: v.nullable(Id),
      outletName: ShortText,
      publishedAt: ShortText,
      language: ShortText,
      figures: capped(
        v.object({
          low: Count,
          high: Count,
          qualifier: v.picklist(QUALIFIERS),
          side: v.picklist(SIDES),
          sideLabel: ShortText,
          outcome: v.picklist(OUTCOMES),
          attributedTo: ShortText,
          quote: LongText,
        }),
        USER_SOURCE_LIMITS.figuresPerReport,
      ),
    }),
  }),
  'user.sources': Empty as v.GenericSchema<unknown, Record<string, never>>,
  'user.delete': v.object({ id: Id }),
  'user.export': Empty as v.GenericSchema<unknown, Record<string, never>>,
  'user.import': v.object({ text: v.pipe(v.string(), v.maxLength(USER_SOURCE_LIMITS.bytes)) }),
};

// The PURE marks let a bundle that only sends (the content script) drop every schema.
const EnvelopeSchema = v.object({
  type: v.picklist(/* @__PURE__ */ Object.keys(requestSchemas) as MessageType[]),
  payload: v.unknown(),
});

/** Checks a received message; the error names the message type and the path of the first problems. */
export function parseRequest(
  message: unknown,
): { ok: true; envelope: Envelope } | { ok: false; error: string } {
  const envelope = v.safeParse(EnvelopeSchema, message);
  if (!envelope.success) {
    return { ok: false, error: `Not a Triangulate message: ${describeIssues(envelope.issues)}` };
  }
  const { type } = envelope.output;
  // abortEarly: a hostile payload costs one issue, not one per bad item.
  const payload = v.safeParse(requestSchemas[type], envelope.output.payload, { abortEarly: true });
  if (!payload.success) {
    return { ok: false, error: `Invalid ${type} request: ${describeIssues(payload.issues)}` };
  }
  return { ok: true, envelope: { type, payload: payload.output } as Envelope };
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

// --- Sending and handling ---------------------------------------------------

/** Sends a request to the content script of tab `tabId` (popup to content); a refusal becomes an Error. */
export async function sendToTab<T extends keyof PopupToContent>(
  tabId: number,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const envelope: Envelope<T> = { type, payload };
  const reply = (await browser.tabs.sendMessage(tabId, envelope)) as
    Reply<ResponseOf<T>> | undefined;
  if (reply === undefined || reply === null) throw new Error(`No reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

export type Handlers = {
  [T in MessageType]?: (payload: RequestOf<T>) => Promise<ResponseOf<T>> | ResponseOf<T>;
};

/**
 * Answers the message types `handlers` covers; returns a function that stops
 * listening. A Triangulate message of a type this context does not handle is
 * left for another listener; anything malformed is refused with a clear error.
 * Replies go through sendResponse + `return true`, which both Chromium (with
 * the polyfill) and WXT's fake browser honour.
 */
export function handleMessages(handlers: Handlers): () => void {
  const listener = (
    message: unknown,
    sender: MessageSender | undefined,
    sendResponse: (reply: Reply<unknown>) => void,
  ): true | undefined => {
    if (isForAnotherContext(message, handlers)) return undefined;
    const refusal = senderRefusal(message, sender);
    if (refusal !== null) {
      sendResponse({ ok: false, error: refusal });
      return true;
    }
    const parsed = parseRequest(message);
    if (!parsed.ok) {
      sendResponse({ ok: false, error: parsed.error });
      return true;
    }
    const { type, payload } = parsed.envelope;
    const handler = handlers[type] as (payload: unknown) => Promise<unknown> | unknown;
    Promise.resolve()
      .then(() => handler(payload))
      .then(
        (data) => sendResponse({ ok: true, data }),
        (error: unknown) =>
          sendResponse({
            ok: false,
            error: `${type} failed: ${error instanceof Error ? error.message : String(error)}`,
          }),
      );
    return true;
  };
  browser.runtime.onMessage.addListener(
    listener as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );
  return () =>
    browser.runtime.onMessage.removeListener(
      listener as Parameters<typeof browser.runtime.onMessage.removeListener>[0],
    );
}

/**
 * The only types a content script may send. It runs inside web pages, so it
 * is trusted least: it may have its page read and linked and read one
 * actor's or place's record, never read the whole lexicon, start a sync or
 * touch settings (a compromised page renderer could forge it).
 */
export const CONTENT_SENDABLE: ReadonlySet<MessageType> = /* @__PURE__ */ new Set(
  /* @__PURE__ */ Object.keys({
    'page.read': true,
    'entity.get': true,
  } satisfies Record<keyof ContentToBackground, true>) as MessageType[],
);

/** The part of runtime.MessageSender the check reads. */
export interface MessageSender {
  url?: string;
  tab?: unknown;
}

/** True when a message comes from a content script in a web page, not from an extension page. */
export function sentFromWebPage(sender: MessageSender | undefined, extensionBase: string): boolean {
  if (sender === undefined || sender === null) return false;
  if (typeof sender.url === 'string') return !sender.url.startsWith(extensionBase);
  return sender.tab !== undefined && sender.tab !== null;
}

/** Why this sender may not send this message (checked before its payload), or null. */
function senderRefusal(message: unknown, sender: MessageSender | undefined): string | null {
  if (typeof message !== 'object' || message === null || !('type' in message)) return null;
  const { type } = message;
  if (typeof type !== 'string' || !Object.hasOwn(requestSchemas, type)) return null;
  if (CONTENT_SENDABLE.has(type as MessageType)) return null;
  return sentFromWebPage(sender, browser.runtime.getURL('/'))
    ? `${type} is not accepted from a web page`
    : null;
}

/** A known message type that these handlers do not cover belongs to another listener. */
function isForAnotherContext(message: unknown, handlers: Handlers): boolean {
  if (typeof message !== 'object' || message === null || !('type' in message)) return false;
  const { type } = message;
  return typeof type === 'string' && type in requestSchemas && !(type in handlers);
}
