/**
 * readPageEvidence (core/evidence.ts) in slices: pass 1 matches names
 * (./matching.ts), pass 2 reads facts, figures, dates and layout
 * (./reading.ts). Here both passes run back to back, so
 * test/unit/contentEvidence can check, on every fixture page and down to
 * 300-character chunks, that the two halves put together are exactly
 * readPageEvidence. The background's page.read
 * (entrypoints/background/pageReading.ts) runs the same calls, with a stop
 * between them for a page naming nothing known.
 */
import type { AliasMatcher } from '../../../core/matcher';
import type { OutletRef } from '../../../core/pageFacts';
import type { ResolvableEvidence } from '../../../core/resolve';
import type { AliasMatch, PageEvidence, PageSignals } from '../../../core/types';
import type { Slicer } from '../../../page/scheduler';
import { CHUNK_CHARS, matchSliced } from './matching';
import { readFiguresSliced, type PageFigures } from './reading';

export { CHUNK_CHARS, chunksOf } from './matching';

export type SlicedEvidence = PageEvidence & Required<Pick<ResolvableEvidence, 'layout'>>;

/** Pass 1's matches and pass 2's reading as one evidence object. */
export function joinEvidence(matches: AliasMatch[], figures: PageFigures): SlicedEvidence {
  const { facts, claims, dates, layout } = figures;
  return { facts, matches, claims, dates, layout };
}

/** Same result as readPageEvidence, or null when cancelled. */
export async function readEvidenceSliced(
  input: { text: string; signals: PageSignals },
  matcher: AliasMatcher,
  outlets: readonly OutletRef[],
  slicer: Slicer,
  isCancelled: () => boolean,
  chunkChars: number = CHUNK_CHARS,
): Promise<SlicedEvidence | null> {
  const matches = await matchSliced(input.text, matcher, slicer, isCancelled, chunkChars);
  if (matches === null) return null;
  const figures = await readFiguresSliced(input, outlets, slicer, isCancelled, chunkChars);
  return figures === null ? null : joinEvidence(matches, figures);
}
