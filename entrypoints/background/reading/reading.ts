/**
 * Pass 2 of reading a page: what the page says about itself (title, outlet,
 * date, language), its casualty figures, its dates and the layout around the
 * figures, read chunk by chunk like pass 1 (./matching.ts) and equal to
 * readPageEvidence's. The background runs it for the content script
 * (entrypoints/background/pageReading.ts, page.read), only on pages that name
 * something the dataset knows.
 */
import { readTextFigures } from '../../../core/evidence';
import { readPageFacts, type OutletRef } from '../../../core/pageFacts';
import type { PageLayout } from '../../../core/resolve';
import type { Claim, DateMention, PageFacts, PageSignals } from '../../../core/types';
import { forEachSliced, type Slicer } from '../../../page/scheduler';
import { CHUNK_CHARS, chunksOf, chunkText, shiftSpans } from './matching';

export interface PageFigures {
  facts: PageFacts;
  claims: Claim[];
  dates: DateMention[];
  layout: PageLayout;
}

/** The page's facts: they read its opening (dateline, language), which the first chunk holds. */
export function readFactsOf(
  input: { text: string; signals: PageSignals },
  outlets: readonly OutletRef[],
  chunkChars: number = CHUNK_CHARS,
): PageFacts {
  const first = chunksOf(input.text, chunkChars)[0];
  const opening = first === undefined ? input.text : chunkText(input.text, first);
  return readPageFacts(input.signals, opening, outlets);
}

/** The page's facts, figures, dates and layout, as readPageEvidence reads them; null when cancelled. */
export async function readFiguresSliced(
  input: { text: string; signals: PageSignals },
  outlets: readonly OutletRef[],
  slicer: Slicer,
  isCancelled: () => boolean,
  chunkChars: number = CHUNK_CHARS,
): Promise<PageFigures | null> {
  const { text } = input;
  const facts = readFactsOf(input, outlets, chunkChars);
  const claims: Claim[] = [];
  const dates: DateMention[] = [];
  const layout: PageLayout = { paragraphs: [], sentences: [] };
  const finished = await forEachSliced(
    chunksOf(text, chunkChars),
    (chunk) => {
      const part = readTextFigures(chunkText(text, chunk), facts.publishedAt);
      claims.push(...shiftSpans(part.claims, chunk.start));
      dates.push(...shiftSpans(part.dates, chunk.start));
      layout.paragraphs.push(...shiftSpans(part.layout.paragraphs, chunk.start));
      layout.sentences.push(...shiftSpans(part.layout.sentences, chunk.start));
    },
    slicer,
    isCancelled,
  );
  return finished ? { facts, claims, dates, layout } : null;
}
