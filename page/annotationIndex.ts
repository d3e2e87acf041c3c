/**
 * Which annotation is under a caret. With the CSS Highlight API there is no
 * element to hover, only a (text node, offset) from caretPositionFromPoint;
 * this index answers "which annotations cover this offset of this node" with
 * a binary search over that node's spans, so a pointermove costs O(log n).
 * Spans may nest (a name inside a figure phrase); the shortest comes first.
 */

interface Piece<T> {
  start: number;
  end: number;
  value: T;
}

interface NodeSpans<T> {
  pieces: Piece<T>[];
  /** maxEnd[i]: the largest end among pieces[0..i], to stop the backward scan early. */
  maxEnd: number[];
  sorted: boolean;
}

export class AnnotationIndex<K extends object, T> {
  private byNode = new Map<K, NodeSpans<T>>();

  /** Records that `value` covers offsets [start, end) of `node`. */
  add(node: K, start: number, end: number, value: T): void {
    if (!(start < end)) return;
    let spans = this.byNode.get(node);
    if (spans === undefined) {
      spans = { pieces: [], maxEnd: [], sorted: true };
      this.byNode.set(node, spans);
    }
    spans.pieces.push({ start, end, value });
    spans.sorted = false;
  }

  /** Every value covering `offset` of `node`, shortest span first. */
  at(node: K, offset: number): T[] {
    const spans = this.byNode.get(node);
    if (spans === undefined) return [];
    if (!spans.sorted) sortSpans(spans);
    const { pieces, maxEnd } = spans;
    const found: Piece<T>[] = [];
    for (let i = lastStartingAtOrBefore(pieces, offset); i >= 0; i -= 1) {
      if ((maxEnd[i] as number) <= offset) break;
      const piece = pieces[i] as Piece<T>;
      if (piece.end > offset) found.push(piece);
    }
    return found.toSorted((a, b) => a.end - a.start - (b.end - b.start)).map((p) => p.value);
  }

  /** Forgets a node (it left the document). */
  delete(node: K): void {
    this.byNode.delete(node);
  }

  clear(): void {
    this.byNode.clear();
  }

  get nodeCount(): number {
    return this.byNode.size;
  }

  nodes(): IterableIterator<K> {
    return this.byNode.keys();
  }
}

function sortSpans<T>(spans: NodeSpans<T>): void {
  spans.pieces.sort((a, b) => a.start - b.start || a.end - b.end);
  let max = -1;
  spans.maxEnd = spans.pieces.map((piece) => (max = Math.max(max, piece.end)));
  spans.sorted = true;
}

/** Binary search: index of the last piece with start <= offset, or -1. */
function lastStartingAtOrBefore<T>(pieces: readonly Piece<T>[], offset: number): number {
  let low = 0;
  let high = pieces.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((pieces[middle] as Piece<T>).start <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
