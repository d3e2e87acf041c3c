/**
 * Pass 1 of reading a page (run by the background for the content script:
 * entrypoints/background/pageReading.ts, page.read): the names the
 * dataset knows (actors, places, incident keywords), matched chunk by chunk
 * and then confirmed on the whole text (a weak spelling counts only where a
 * strong one names the same target). Chunks are runs of whole paragraphs (cut
 * only at "\n", which no name, figure or date crosses), so the result equals
 * one pass over the whole text; a 20,000-paragraph page never blocks for long.
 */
import {
  confirmWeakMatches,
  WEAK_CONFIRMATION_DISTANCE,
  type AliasMatcher,
} from '../../../core/matcher';
import type { AliasMatch, Span } from '../../../core/types';
import { forEachSliced, type Slicer } from '../../../page/scheduler';

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

/** The chunk's text (the whole text itself when the chunk is all of it). */
export const chunkText = (text: string, { start, end }: Span): string =>
  start === 0 && end === text.length ? text : text.slice(start, end);

/** Items read from a chunk, moved to page offsets. */
export const shiftSpans = <T extends Span>(items: readonly T[], by: number): T[] =>
  by === 0
    ? [...items]
    : items.map((item) => ({ ...item, start: item.start + by, end: item.end + by }));

/** The page's confirmed matches, as readPageEvidence finds them; null when cancelled. */
export async function matchSliced(
  text: string,
  matcher: AliasMatcher,
  slicer: Slicer,
  isCancelled: () => boolean,
  chunkChars: number = CHUNK_CHARS,
): Promise<AliasMatch[] | null> {
  const chunks = chunksOf(text, chunkChars);
  const matches: AliasMatch[] = [];
  const finished = await forEachSliced(
    chunks,
    (chunk) => {
      matches.push(...shiftSpans(matcher.findAll(chunkText(text, chunk)), chunk.start));
    },
    slicer,
    isCancelled,
  );
  return finished ? confirmWeakSliced(matches, text, chunks, slicer, isCancelled) : null;
}

/**
 * confirmWeakMatches chunk by chunk, with the same result: a weak match is
 * confirmed by a strong one in its paragraph (inside its chunk, since chunks
 * are whole paragraphs) or within WEAK_CONFIRMATION_DISTANCE characters, so
 * each chunk is confirmed against the matches in a window reaching that far
 * (plus the longest match) on either side, on that window's text. One call
 * over a 2 MB page compares every weak match with every strong one of its
 * target and ran as one 85 ms task.
 */
export async function confirmWeakSliced(
  matches: readonly AliasMatch[],
  text: string,
  chunks: readonly Span[],
  slicer: Slicer,
  isCancelled: () => boolean,
): Promise<AliasMatch[] | null> {
  if (!matches.some((match) => match.weak)) return [...matches];
  let longest = 0;
  for (const match of matches) longest = Math.max(longest, match.end - match.start);
  const reach = WEAK_CONFIRMATION_DISTANCE + longest + 1;
  const confirmed: AliasMatch[] = [];
  // Matches are in text order: each chunk's and each window's are a run of them.
  let first = 0;
  let windowFirst = 0;
  const finished = await forEachSliced(
    chunks,
    (chunk) => {
      while (first < matches.length && (matches[first] as AliasMatch).start < chunk.start) first++;
      let last = first;
      while (last < matches.length && (matches[last] as AliasMatch).start <= chunk.end) last++;
      const own = matches.slice(first, last);
      if (!own.some((match) => match.weak)) {
        confirmed.push(...own);
        return;
      }
      const from = Math.max(0, chunk.start - reach);
      const to = Math.min(text.length, chunk.end + reach);
      while (windowFirst < matches.length && (matches[windowFirst] as AliasMatch).start < from) {
        windowFirst++;
      }
      const window: AliasMatch[] = [];
      const original = new Map<AliasMatch, AliasMatch>();
      for (let i = windowFirst; i < matches.length; i++) {
        const match = matches[i] as AliasMatch;
        if (match.start > to) break;
        if (match.end > to) continue;
        const shifted = { ...match, start: match.start - from, end: match.end - from };
        if (i >= first && i < last) original.set(shifted, match);
        window.push(shifted);
      }
      for (const kept of confirmWeakMatches(window, text.slice(from, to))) {
        const match = original.get(kept);
        if (match !== undefined) confirmed.push(match);
      }
    },
    slicer,
    isCancelled,
  );
  return finished ? confirmed : null;
}
