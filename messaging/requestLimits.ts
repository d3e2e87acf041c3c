/**
 * How much a page may send the background (page.resolve), and the trimming
 * that keeps a page's evidence within it. Kept apart from messaging/protocol.ts
 * (which re-exports both) because the content script needs these and not the
 * protocol's valibot schemas, which would be a tenth of its size.
 */
import type { ResolvableEvidence } from '../core/resolve';

/** Caps on what a page may send: generous for a long article, fatal for abuse. */
export const REQUEST_LIMITS = {
  matches: 5_000,
  claims: 2_000,
  dates: 2_000,
  idLength: 80,
  shortText: 300,
  longText: 2_000,
  offset: 10_000_000,
  urlLength: 2_048,
  /**
   * The visible text a page sends with page.read (UTF-16 units): a long book
   * is about 1 million; a longer page is read from its beginning up to this.
   */
  textChars: 3_000_000,
  /** A text longer than this is sent in parts of at most this size (see PAGE_READ_PORT). */
  textPartChars: 250_000,
} as const;

/**
 * A page text longer than REQUEST_LIMITS.textPartChars travels over a port of
 * this name (runtime.connect) instead of one page.read message: part by part,
 * each sent in a task of its own, because a message is serialised whole in
 * the sending page's main thread (51 ms for 3 MB). The page sends
 * `{ type: 'text' }` parts, then `{ type: 'end' }` with its signals; the
 * background joins them, checks them as one page.read request, answers with
 * one Reply<PageReadReply> and closes the port.
 */
export const PAGE_READ_PORT = 'triangulate:page.read';

/**
 * Trims page evidence to what page.resolve accepts, so a huge or odd page is
 * annotated in part rather than refused whole: the first matches, claims and
 * dates up to the caps; items with over-long strings dropped (never cut: a
 * claim's text must stay the exact slice of the page it points at). The
 * layout, when there is one, keeps the sentences and paragraphs that hold a
 * figure, up to the claims' cap.
 */
export function fitEvidence<T extends ResolvableEvidence>(evidence: T): T {
  const fitted: ResolvableEvidence = {
    facts: {
      ...evidence.facts,
      title: clip(evidence.facts.title, REQUEST_LIMITS.longText),
      outletName: clip(evidence.facts.outletName, REQUEST_LIMITS.shortText),
    },
    matches: evidence.matches
      .filter((match) => short(match.alias) && match.targetId.length <= REQUEST_LIMITS.idLength)
      .slice(0, REQUEST_LIMITS.matches),
    claims: evidence.claims
      .filter(
        (claim) =>
          claim.text.length <= REQUEST_LIMITS.longText &&
          short(claim.sideLabel) &&
          short(claim.attributedTo),
      )
      .slice(0, REQUEST_LIMITS.claims),
    dates: evidence.dates.filter((date) => short(date.text)).slice(0, REQUEST_LIMITS.dates),
  };
  if (evidence.layout !== undefined) {
    fitted.layout = {
      paragraphs: evidence.layout.paragraphs.slice(0, REQUEST_LIMITS.claims),
      sentences: evidence.layout.sentences.slice(0, REQUEST_LIMITS.claims),
    };
  }
  return fitted as T;
}

const short = (text: string | null): boolean =>
  text === null || text.length <= REQUEST_LIMITS.shortText;
const clip = (text: string | null, max: number): string | null =>
  text === null ? null : text.slice(0, max);
