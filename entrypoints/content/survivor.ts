/**
 * Which annotation of a new pass is one the reader is looking at: live blogs
 * and tickers make the page read again every second or two, and the open
 * popover and the keyboard focus must stay on their annotation when it
 * survives, and go only when it is gone.
 */
import type { PlannedAnnotation } from './plan';

/**
 * The annotation of a new pass that is `old` again: the same kind and target
 * over the same stretch of the page. Ranges follow the page's edits, so text
 * added above does not move it; marks (no Highlight API) re-split the text
 * nodes, so there the same words at the same offsets of an unchanged opening
 * count too. Undefined when it is gone.
 */
export function survivorOf<T extends PlannedAnnotation & { range: Range }>(
  old: T | undefined,
  built: readonly T[],
  texts: { before: string; after: string },
): T | undefined {
  if (old === undefined) return undefined;
  const live = !old.range.collapsed && old.range.startContainer.isConnected;
  const opening = texts.before.slice(0, old.end);
  return built.find(
    (candidate) =>
      candidate.kind === old.kind &&
      candidate.targetId === old.targetId &&
      ((live && sameRange(candidate.range, old.range)) ||
        (candidate.start === old.start &&
          candidate.end === old.end &&
          texts.after.startsWith(opening))),
  );
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}
