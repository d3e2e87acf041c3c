/**
 * Pass 1 of reading a page, in the start-up content script: the names the
 * dataset knows (actors, places, incident keywords), matched chunk by chunk
 * and then confirmed on the whole text (a weak spelling counts only where a
 * strong one names the same target). Chunks are runs of whole paragraphs (cut
 * only at "\n", which no name, figure or date crosses), so the result equals
 * one pass over the whole text; a 20,000-paragraph page never blocks for long.
 */
import { confirmWeakMatches, type AliasMatcher } from '../../core/matcher';
import type { AliasMatch, Span } from '../../core/types';
import { forEachSliced, type Slicer } from '../../page/scheduler';

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
  const matches: AliasMatch[] = [];
  const finished = await forEachSliced(
    chunksOf(text, chunkChars),
    (chunk) => {
      matches.push(...shiftSpans(matcher.findAll(chunkText(text, chunk)), chunk.start));
    },
    slicer,
    isCancelled,
  );
  return finished ? confirmWeakMatches(matches, text) : null;
}
