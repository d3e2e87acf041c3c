/**
 * readPageEvidence (core/evidence.ts) in slices: matching, claims and dates
 * run per chunk of the page's text, each chunk a run of whole paragraphs (cut
 * only at "\n", which no name, figure or date crosses), pausing between
 * chunks. The result is exactly readPageEvidence's (test/unit/contentEvidence
 * checks every fixture page down to 300-character chunks); a 20,000-paragraph
 * page never blocks the page for long.
 */
import { readTextEvidence } from '../../core/evidence';
import { confirmWeakMatches, type AliasMatcher } from '../../core/matcher';
import { readPageFacts, type OutletRef } from '../../core/pageFacts';
import type { PageLayout, ResolvableEvidence } from '../../core/resolve';
import type {
  AliasMatch,
  Claim,
  DateMention,
  PageEvidence,
  PageSignals,
  Span,
} from '../../core/types';
import type { Slicer } from '../../page/scheduler';
import { forEachSliced } from '../../page/scheduler';

/**
 * About 2 ms of matching, claims and dates once the code is warm (matching
 * costs about 0.5 µs a character); the first, cold chunk costs several times more.
 */
export const CHUNK_CHARS = 4_000;

/** Cuts `text` into spans of whole lines, each about `size` characters (a longer line stays whole). */
export function chunksOf(text: string, size: number = CHUNK_CHARS): Span[] {
  const chunks: Span[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const cut = text.lastIndexOf('\n', end);
      end = cut > start ? cut : text.indexOf('\n', end);
      if (end === -1) end = text.length;
    }
    chunks.push({ start, end });
    start = end + 1;
  }
  return chunks;
}

const shift = <T extends Span>(items: readonly T[], by: number): T[] =>
  by === 0
    ? [...items]
    : items.map((item) => ({ ...item, start: item.start + by, end: item.end + by }));

/** Same result as readPageEvidence, or null when cancelled. */
export async function readEvidenceSliced(
  input: { text: string; signals: PageSignals },
  matcher: AliasMatcher,
  outlets: readonly OutletRef[],
  slicer: Slicer,
  isCancelled: () => boolean,
  chunkChars: number = CHUNK_CHARS,
): Promise<(PageEvidence & Required<Pick<ResolvableEvidence, 'layout'>>) | null> {
  const { text, signals } = input;
  const chunks = chunksOf(text, chunkChars);
  // The facts read the page's opening (dateline, language): the first chunk holds it.
  const facts = readPageFacts(
    signals,
    chunks.length <= 1 ? text : text.slice(0, chunks[0]!.end),
    outlets,
  );
  const matches: AliasMatch[] = [];
  const claims: Claim[] = [];
  const dates: DateMention[] = [];
  const layout: PageLayout = { paragraphs: [], sentences: [] };
  const finished = await forEachSliced(
    chunks,
    ({ start, end }) => {
      const chunk = start === 0 && end === text.length ? text : text.slice(start, end);
      const part = readTextEvidence(chunk, facts.publishedAt, matcher);
      matches.push(...shift(part.matches, start));
      claims.push(...shift(part.claims, start));
      dates.push(...shift(part.dates, start));
      layout.paragraphs.push(...shift(part.layout.paragraphs, start));
      layout.sentences.push(...shift(part.layout.sentences, start));
    },
    slicer,
    isCancelled,
  );
  if (!finished) return null;
  return { facts, matches: confirmWeakMatches(matches, text), claims, dates, layout };
}
