/**
 * The text position under a point, for hit-testing highlights that have no
 * element: caretPositionFromPoint where it exists (Firefox, Chromium 128+),
 * caretRangeFromPoint otherwise (older Chromium, Safari).
 */

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const caretDoc = doc as CaretDocument;
  if (typeof caretDoc.caretPositionFromPoint === 'function') {
    const position = caretDoc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof caretDoc.caretRangeFromPoint === 'function') {
    const range = caretDoc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** True when (x, y) lies inside one of the range's line boxes (a caret snaps to the nearest text even in margins). */
export function rangeContainsPoint(range: Range, x: number, y: number, slop = 1): boolean {
  for (const rect of range.getClientRects()) {
    if (
      x >= rect.left - slop &&
      x <= rect.right + slop &&
      y >= rect.top - slop &&
      y <= rect.bottom + slop
    ) {
      return true;
    }
  }
  return false;
}
