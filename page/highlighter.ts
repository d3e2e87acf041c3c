/**
 * Draws annotations on the page without touching its text.
 *
 * Where the CSS Custom Highlight API exists (Chromium 105+, Firefox 140+,
 * Safari 17.2+), each highlight name is one Highlight holding Ranges: no
 * element is added and no text node changes. The styles come from a
 * constructed stylesheet in document.adoptedStyleSheets, so not even a <style>
 * element is added (a <style> is the fallback where that is refused), and
 * only once a page has something to highlight.
 *
 * Elsewhere, marks: each annotated run of text is wrapped in a plain
 * <span data-triangulate-mark> styled inline (all: initial, every declaration
 * !important). A built-in element, so a page that defines a custom element of
 * the same name cannot run its code on it. clear() unwraps them and merges the
 * text nodes it split back into the original node, so the page gets its exact
 * text nodes back.
 */

export interface PaintItem {
  /** The annotation's id, for focus and for finding it from a mark. */
  id: number;
  /** The highlight name, e.g. "triangulate-actor". */
  name: string;
  range: Range;
}

export interface Highlighter {
  readonly mode: 'highlight-api' | 'marks';
  /** Replaces everything painted with `items`. */
  paint(items: readonly PaintItem[]): void;
  /**
   * Gets the styles in place ahead of a first paint that is coming (the page
   * restyles in a frame of its own, not in the one that draws highlights).
   */
  prepare(): void;
  /** Marks one annotation as the current one (triangulate-focus), or none. */
  focus(id: number | null): void;
  /** Marks mode: the annotation ids of the mark `element` is in (innermost first); [] otherwise. */
  idsAt(element: Element | null): number[];
  /** A live anchor for the annotation (a Range), or null when it is no longer on the page. */
  anchorOf(id: number): Range | null;
  /** Removes every highlight, mark and style it added. */
  clear(): void;
}

export const FOCUS_HIGHLIGHT = 'triangulate-focus';
/** The attribute that makes a <span> one of Triangulate's marks. */
export const MARK_ATTRIBUTE = 'data-triangulate-mark';
export const MARK_SELECTOR = `span[${MARK_ATTRIBUTE}]`;

export function highlightApiAvailable(win: typeof globalThis = globalThis): boolean {
  return (
    typeof win.CSS !== 'undefined' &&
    'highlights' in win.CSS &&
    typeof (win as { Highlight?: unknown }).Highlight === 'function'
  );
}

/**
 * `css` styles the ::highlight() names (Highlight API); `markStyles` gives the
 * inline style of a mark per highlight name (fallback).
 */
export function createHighlighter(
  doc: Document,
  styles: { css: string; markStyles: Readonly<Record<string, string>>; focusStyle: string },
): Highlighter {
  return highlightApiAvailable(doc.defaultView ?? globalThis)
    ? createHighlightApiPainter(doc, styles.css)
    : createMarkPainter(doc, styles.markStyles, styles.focusStyle);
}

// --- CSS Custom Highlight API ------------------------------------------------

export function createHighlightApiPainter(doc: Document, css: string): Highlighter {
  const win = (doc.defaultView ?? globalThis) as typeof globalThis;
  const registry = win.CSS.highlights;
  const names = new Set<string>();
  const ranges = new Map<number, Range>();
  // Added when the first highlights are coming, not before: a new sheet restyles
  // the whole document (33 ms on a 2 MB page), and most pages never get one.
  let removeStyle: (() => void) | null = null;
  const addStyle = () => {
    removeStyle ??= addStyleSheet(doc, css);
  };

  return {
    mode: 'highlight-api',
    prepare: addStyle,
    paint(items) {
      if (items.length > 0) addStyle();
      const byName = new Map<string, Range[]>();
      ranges.clear();
      for (const item of items) {
        ranges.set(item.id, item.range);
        const list = byName.get(item.name);
        if (list === undefined) byName.set(item.name, [item.range]);
        else list.push(item.range);
      }
      for (const name of names) if (!byName.has(name)) registry.delete(name);
      names.clear();
      for (const [name, list] of byName) {
        registry.set(name, new win.Highlight(...list));
        names.add(name);
      }
    },
    focus(id) {
      const range = id === null ? undefined : ranges.get(id);
      if (range === undefined) registry.delete(FOCUS_HIGHLIGHT);
      else {
        const focus = new win.Highlight(range);
        focus.priority = 1; // drawn over the annotation's own colour
        registry.set(FOCUS_HIGHLIGHT, focus);
      }
    },
    idsAt: () => [],
    anchorOf(id) {
      const range = ranges.get(id);
      return range !== undefined && !range.collapsed && range.startContainer.isConnected
        ? range
        : null;
    },
    clear() {
      for (const name of names) registry.delete(name);
      registry.delete(FOCUS_HIGHLIGHT);
      names.clear();
      ranges.clear();
      removeStyle?.();
      removeStyle = null;
    },
  };
}

/** Adds `css` as a constructed stylesheet (no DOM change), or as a <style> where that is refused. */
function addStyleSheet(doc: Document, css: string): () => void {
  const win = doc.defaultView as
    (typeof globalThis & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
  try {
    if (win === null || !('adoptedStyleSheets' in doc)) throw new Error('no adoptedStyleSheets');
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((item) => item !== sheet);
    };
  } catch {
    const style = doc.createElement('style');
    style.setAttribute('data-triangulate', 'style');
    style.textContent = css;
    (doc.head ?? doc.documentElement).append(style);
    return () => style.remove();
  }
}

// --- Marks (no Highlight API) -----------------------------------------------

interface TextPiece {
  node: Text;
  start: number;
  end: number;
}

export function createMarkPainter(
  doc: Document,
  markStyles: Readonly<Record<string, string>>,
  focusStyle: string,
): Highlighter {
  let marks: HTMLElement[] = [];
  const marksById = new Map<number, HTMLElement[]>();
  const idOfMark = new WeakMap<Element, number>();
  /** Text nodes created by splitText, to merge back into their original on clear. */
  const splitOff = new WeakSet<Text>();
  let focused: number | null = null;

  const unwrapAll = () => {
    const touched = new Set<Text>();
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (parent === null) continue; // the page removed it
      const text = mark.firstChild;
      if (text !== null) parent.insertBefore(text, mark);
      mark.remove();
      if (text?.nodeType === 3) touched.add(text as Text);
    }
    for (const start of touched) mergeSplits(start, splitOff);
    marks = [];
    marksById.clear();
    focused = null;
  };

  return {
    mode: 'marks',
    // Marks carry their styles inline.
    prepare: () => undefined,
    paint(items) {
      unwrapAll();
      // Per text node, pieces that do not overlap (the first painted wins), right to left.
      const byNode = new Map<Text, (TextPiece & { id: number; name: string })[]>();
      for (const item of items) {
        for (const piece of textPiecesOf(item.range)) {
          const list = byNode.get(piece.node) ?? [];
          if (list.some((other) => other.start < piece.end && piece.start < other.end)) continue;
          list.push({ ...piece, id: item.id, name: item.name });
          byNode.set(piece.node, list);
        }
      }
      for (const [node, pieces] of byNode) {
        for (const piece of pieces.toSorted((a, b) => b.start - a.start)) {
          const mark = wrap(doc, node, piece.start, piece.end, splitOff);
          mark.setAttribute('style', markStyles[piece.name] ?? '');
          idOfMark.set(mark, piece.id);
          marks.push(mark);
          const list = marksById.get(piece.id) ?? [];
          list.unshift(mark);
          marksById.set(piece.id, list);
        }
      }
    },
    focus(id) {
      for (const mark of marksById.get(focused ?? -1) ?? []) {
        mark.style.removeProperty('outline');
      }
      focused = id;
      for (const mark of marksById.get(id ?? -1) ?? []) {
        mark.style.setProperty('outline', focusStyle, 'important');
      }
    },
    idsAt(element) {
      const ids: number[] = [];
      for (let node = element; node !== null; node = node.parentElement) {
        const id = idOfMark.get(node);
        if (id !== undefined) ids.push(id);
      }
      return ids;
    },
    anchorOf(id) {
      const list = (marksById.get(id) ?? []).filter((mark) => mark.isConnected);
      const first = list[0];
      const last = list.at(-1);
      if (first === undefined || last === undefined) return null;
      const range = doc.createRange();
      range.setStartBefore(first);
      range.setEndAfter(last);
      return range;
    },
    clear: unwrapAll,
  };
}

/** Wraps node.data[start, end) in a mark; `node` keeps the text before it. */
function wrap(doc: Document, node: Text, start: number, end: number, splitOff: WeakSet<Text>) {
  const middle = start > 0 ? split(node, start) : node;
  if (middle !== node) splitOff.add(middle);
  if (end - start < middle.length) splitOff.add(split(middle, end - start));
  const mark = doc.createElement('span');
  mark.setAttribute(MARK_ATTRIBUTE, '');
  middle.parentNode?.insertBefore(mark, middle);
  mark.append(middle);
  return mark;
}

/** Text.splitText, by hand where a DOM lacks it (linkedom). */
function split(node: Text, offset: number): Text {
  if (typeof node.splitText === 'function') return node.splitText(offset);
  const rest = (node.ownerDocument as Document).createTextNode(node.data.slice(offset));
  node.data = node.data.slice(0, offset);
  node.parentNode?.insertBefore(rest, node.nextSibling);
  return rest;
}

/** Appends the split-off text nodes after `start` back into it, restoring the original node. */
function mergeSplits(start: Text, splitOff: WeakSet<Text>): void {
  let node: Text = start;
  // Walk back to the original (a node we did not split off).
  while (splitOff.has(node) && node.previousSibling?.nodeType === 3) {
    node = node.previousSibling as Text;
  }
  let next = node.nextSibling;
  while (next !== null && next.nodeType === 3 && splitOff.has(next as Text)) {
    node.appendData((next as Text).data);
    splitOff.delete(next as Text);
    next.remove();
    next = node.nextSibling;
  }
}

/** The text-node pieces a range covers, in document order. */
export function textPiecesOf(range: Range): TextPiece[] {
  const { startContainer, endContainer, startOffset, endOffset } = range;
  if (startContainer === endContainer) {
    return startContainer.nodeType === 3 && startOffset < endOffset
      ? [{ node: startContainer as Text, start: startOffset, end: endOffset }]
      : [];
  }
  const pieces: TextPiece[] = [];
  let node: Node | null = startContainer;
  while (node !== null) {
    if (node.nodeType === 3) {
      const text = node as Text;
      const start = node === startContainer ? startOffset : 0;
      const end = node === endContainer ? endOffset : text.length;
      if (start < end) pieces.push({ node: text, start, end });
    }
    if (node === endContainer) break;
    node = nextInOrder(node);
  }
  return pieces;
}

function nextInOrder(node: Node): Node | null {
  if (node.firstChild !== null) return node.firstChild;
  let current: Node | null = node;
  while (current !== null && current.nextSibling === null) current = current.parentNode;
  return current?.nextSibling ?? null;
}
