/**
 * The page's visible text read in slices, for pages too big to read in one
 * task. The page is cut into units (a subtree small enough to read at once);
 * each unit is read with extractVisibleText and the results are joined with
 * the same rules the single walk applies (one "\n" where a block begins or
 * ends, none at the ends, never two in a row; whitespace-only text at a break
 * left out), so the text and its offsets are the same as extractVisibleText's.
 * Only containers whose children are blocks of their own are cut (body, main,
 * article, div...), never a paragraph: inline runs stay whole.
 */
import { forEachSliced, type Slicer } from './scheduler';
import {
  extractVisibleText,
  isBlockTag,
  isSkipped,
  type TextSegment,
  type VisibleText,
} from './visibleText';

export interface UnitLimits {
  /** A container with more element children than this is cut into its children. */
  maxChildren: number;
  /** A container with more descendant elements than this is cut too. */
  maxDescendants: number;
}

export const DEFAULT_UNIT_LIMITS: UnitLimits = { maxChildren: 40, maxDescendants: 1500 };

const CUTTABLE = new Set([
  'body',
  'main',
  'article',
  'section',
  'div',
  'aside',
  'header',
  'footer',
  'nav',
  'ul',
  'ol',
  'dl',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'blockquote',
  'form',
  'figure',
  'details',
]);

/** A unit to read, or a block boundary between units. */
export type Unit = Node | 'break';

/** The units of `root`, in document order, with block boundaries between them. */
export function unitsOf(root: Node, limits: UnitLimits = DEFAULT_UNIT_LIMITS): Unit[] {
  const units: Unit[] = [];
  const visit = (node: Node, isRoot: boolean) => {
    if (node.nodeType !== 1) {
      units.push(node);
      return;
    }
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (!isRoot && !shouldCut(element, tag, limits)) {
      units.push(element);
      return;
    }
    if (isSkipped(element, tag) && !isRoot) return;
    const block = isBlockTag(tag);
    if (block) units.push('break');
    for (let child = element.firstChild; child !== null; child = child.nextSibling) {
      visit(child, false);
    }
    if (block) units.push('break');
  };
  visit(root, true);
  return units;
}

function shouldCut(element: Element, tag: string, limits: UnitLimits): boolean {
  if (!CUTTABLE.has(tag) || isSkipped(element, tag)) return false;
  if (element.childElementCount > limits.maxChildren) return true;
  return element.getElementsByTagName('*').length > limits.maxDescendants;
}

/** Joins units read one by one into one VisibleText, pausing between slices. Null when cancelled. */
export async function extractVisibleTextSliced(
  root: Node,
  slicer: Slicer,
  isCancelled: () => boolean,
  limits: UnitLimits = DEFAULT_UNIT_LIMITS,
): Promise<VisibleText | null> {
  const start =
    root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
  if (start === null) return { text: '', segments: [] };
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let breakPending = false;

  const append = (read: VisibleText, leadingBreak: boolean, trailingBreak: boolean) => {
    if (leadingBreak && length > 0) breakPending = true;
    if (read.text.length > 0) {
      if (breakPending) {
        parts.push('\n');
        length += 1;
        breakPending = false;
      }
      parts.push(read.text);
      for (const segment of read.segments) {
        segments.push({
          node: segment.node,
          start: segment.start + length,
          end: segment.end + length,
        });
      }
      length += read.text.length;
    }
    if (trailingBreak && length > 0) breakPending = true;
  };

  const finished = await forEachSliced(
    unitsOf(start, limits),
    (unit) => {
      if (unit === 'break') {
        if (length > 0) breakPending = true;
        return;
      }
      if (unit.nodeType === 3) {
        // A text unit between inline units: whitespace counts unless it sits at a break.
        const data = (unit as Text).data;
        if (data.length === 0 || ((length === 0 || breakPending) && data.trim() === '')) return;
        append(
          {
            text: data.replace(/[\t\n\r\f\v]/g, ' '),
            segments: [{ node: unit as Text, start: 0, end: data.length }],
          },
          false,
          false,
        );
        return;
      }
      if (unit.nodeType !== 1) return;
      const tag = (unit as Element).localName.toLowerCase();
      const block = isBlockTag(tag);
      append(extractVisibleText(unit), block, block);
    },
    slicer,
    isCancelled,
  );
  return finished ? { text: parts.join(''), segments } : null;
}
