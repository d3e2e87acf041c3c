/**
 * One pass over the page: read its visible text and markup, ask the
 * background for the lexicon, match, gather evidence, ask the background to
 * resolve it against the dataset, then paint. Returns what it did so the
 * entrypoint can report it; it never touches the database itself.
 */
import { readPageEvidence } from '../../core/evidence';
import { AliasMatcher } from '../../core/matcher';
import type { PageEvidence, PageSignals } from '../../core/types';
import {
  fitEvidence,
  REQUEST_LIMITS,
  sendMessage,
  type PageResolveReply,
} from '../../messaging/protocol';
import { collectPageSignals } from '../../page/signals';
import { extractVisibleText } from '../../page/visibleText';
import { paintHighlights, type PaintedCounts } from './highlights';
import { planHighlights } from './plan';

export interface AnnotationResult {
  evidence: PageEvidence;
  reply: PageResolveReply;
  painted: PaintedCounts;
}

const EMPTY_REPLY: PageResolveReply = { incidents: [], claims: [], bundles: [] };

/** `isCancelled` is checked after every await: a dead content script must not paint. */
export async function annotatePage(
  doc: Document,
  isCancelled: () => boolean,
): Promise<AnnotationResult | null> {
  const visible = extractVisibleText(doc.body);
  const signals = collectPageSignals(doc);
  const lexicon = await sendMessage('lexicon.get', {});
  if (isCancelled()) return null;

  const matcher = AliasMatcher.build(lexicon.entries);
  const evidence = fitEvidence(
    readPageEvidence({ text: visible.text, signals }, matcher, lexicon.outlets),
  );
  // Nothing known on the page: nothing to link, no need to ask.
  const reply =
    evidence.matches.length === 0
      ? EMPTY_REPLY
      : await sendMessage('page.resolve', { evidence, pageUrl: pageUrlOf(signals) });
  if (isCancelled()) return null;

  const painted = paintHighlights(doc, visible, planHighlights(evidence, reply));
  return { evidence, reply, painted };
}

/** The page's own address as it states it (canonical / og:url), else where it was loaded from. */
function pageUrlOf(signals: PageSignals): string | null {
  const url = signals.url ?? signals.metas['og:url'] ?? null;
  return url === null ? null : url.slice(0, REQUEST_LIMITS.urlLength);
}
