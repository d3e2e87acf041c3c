/**
 * The page's readable text as one string, with a map back to the DOM.
 *
 * The core reads plain text; highlights and popovers need DOM ranges. This
 * module builds the text once from the page's text nodes and remembers where
 * each node's characters landed, so any span the core reports can be turned
 * back into a Range that covers exactly those characters.
 *
 * Choices:
 * - Text nodes are copied with their length unchanged, so offsets map back
 *   one to one. Tabs, carriage returns and line breaks inside a text node
 *   become spaces (same length): in prose they render as spaces, and "\n" is
 *   kept for the one thing the core splits on, the break between blocks.
 *   Inside <pre> line breaks are kept, since they render.
 * - Block elements and <br> put one "\n" between the texts they separate
 *   (never at the start or end, never two in a row). Whitespace-only text
 *   nodes at a block boundary (source indentation) are left out.
 * - Skipped: code, form controls, embedded documents, editable regions,
 *   hidden and aria-hidden subtrees, inline display:none, and the extension's
 *   own UI (triangulate-* elements, [data-triangulate]). <pre> is read (it is
 *   visible prose on some sites); <pre><code> is skipped through <code>.
 * - One manual walk over firstChild/nextSibling: it works the same on a
 *   browser DOM and on linkedom, can skip whole subtrees and knows when a
 *   block ends, which a TreeWalker's filter cannot tell us.
 */

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in VisibleText.text. */
  start: number;
  end: number;
}

export interface VisibleText {
  text: string;
  /** In text order; separators between blocks belong to no segment. */
  segments: TextSegment[];
}

/** One end of a span, as a DOM boundary point. */
export interface TextBoundary {
  node: Text;
  offset: number;
}

const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'head',
  'title',
  'meta',
  'link',
]);

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const INLINE_HIDDEN =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
const LINE_BREAKS = /[\t\n\r\f\v]/g;

/** Blocks put a line break between the texts they separate. */
export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

/**
 * True for an element whose whole subtree is not page prose. The extension's
 * own UI is skipped, except <triangulate-mark>: where the Highlight API is
 * missing, marks wrap the page's own text, which stays readable.
 */
export function isSkipped(element: Element, tag: string): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  if (tag.startsWith('triangulate-') && tag !== 'triangulate-mark') return true;
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden') || element.hasAttribute('data-triangulate')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const style = element.getAttribute('style');
  return style !== null && INLINE_HIDDEN.test(style);
}

/** Builds the visible text of `root` (a document, element or text node). */
export function extractVisibleText(root: Node): VisibleText {
  const start = root.nodeType === DOCUMENT_NODE ? bodyOf(root as Document) : root;
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let breakPending = false;
  let preDepth = 0;

  const markBreak = () => {
    if (length > 0) breakPending = true;
  };
  const emitText = (node: Text) => {
    const data = node.data;
    if (data.length === 0) return;
    const atBoundary = length === 0 || breakPending;
    if (atBoundary && preDepth === 0 && data.trim() === '') return;
    if (breakPending) {
      parts.push('\n');
      length += 1;
      breakPending = false;
    }
    parts.push(preDepth > 0 ? data.replace(/[\t\r\f\v]/g, ' ') : data.replace(LINE_BREAKS, ' '));
    segments.push({ node, start: length, end: length + data.length });
    length += data.length;
  };
  const leave = (node: Node) => {
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).localName.toLowerCase();
    if (tag === 'pre') preDepth -= 1;
    if (BLOCK_TAGS.has(tag)) markBreak();
  };

  if (start === null) return { text: '', segments };
  let node: Node | null = start;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      emitText(node as Text);
    } else if (node.nodeType === ELEMENT_NODE) {
      const tag = (node as Element).localName.toLowerCase();
      if (!isSkipped(node as Element, tag)) {
        if (BLOCK_TAGS.has(tag)) markBreak();
        if (tag === 'pre') preDepth += 1;
        descend = node.firstChild !== null;
        if (!descend) leave(node);
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling exists, closing the elements we leave.
    while (node !== null && node !== start && node.nextSibling === null) {
      node = node.parentNode;
      if (node !== null) leave(node);
    }
    node = node === null || node === start ? null : node.nextSibling;
  }
  // A separator pending at the very end is dropped: the text never ends in "\n".
  return { text: parts.join(''), segments };
}

function bodyOf(doc: Document): Node | null {
  return doc.body ?? doc.documentElement;
}

/** Index of the segment holding `offset`, or -1 when it falls on a separator or outside. */
export function segmentIndexAt(visible: VisibleText, offset: number): number {
  const index = firstSegmentEndingAfter(visible.segments, offset);
  const segment = visible.segments[index];
  return segment !== undefined && segment.start <= offset ? index : -1;
}

/** Binary search: the first segment whose end is greater than `offset`. */
function firstSegmentEndingAfter(segments: readonly TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((segments[middle] as TextSegment).end > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The DOM boundary points of text[start, end), clipped to the text nodes it
 * touches; null when the span covers no text node character.
 */
export function boundariesForSpan(
  visible: VisibleText,
  start: number,
  end: number,
): { start: TextBoundary; end: TextBoundary } | null {
  if (!(start < end)) return null;
  const segments = visible.segments;
  const first = firstSegmentEndingAfter(segments, start);
  const last = firstSegmentEndingAfter(segments, end - 1);
  const firstSegment = segments[first];
  const lastSegment = segments[Math.min(last, segments.length - 1)];
  if (firstSegment === undefined || lastSegment === undefined) return null;
  if (firstSegment.start >= end) return null;
  // end - 1 may sit on a separator: the span then ends with the segment before it.
  const endSegment = lastSegment.start <= end - 1 ? lastSegment : segments[last - 1];
  if (endSegment === undefined) return null;
  return {
    start: { node: firstSegment.node, offset: Math.max(0, start - firstSegment.start) },
    end: { node: endSegment.node, offset: Math.min(end, endSegment.end) - endSegment.start },
  };
}

/** A Range covering exactly text[start, end) (it may cross nodes), or null. */
export function rangeForSpan(visible: VisibleText, start: number, end: number): Range | null {
  const boundaries = boundariesForSpan(visible, start, end);
  if (boundaries === null) return null;
  const doc = boundaries.start.node.ownerDocument;
  if (doc === null) return null;
  const range = doc.createRange();
  // Clamped: the page may have shortened a text node since the text was read.
  const { start: from, end: to } = boundaries;
  range.setStart(from.node, Math.min(from.offset, from.node.length));
  range.setEnd(to.node, Math.min(to.offset, to.node.length));
  return range;
}
