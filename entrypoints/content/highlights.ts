/**
 * Paints a highlight plan with the CSS Custom Highlight API: no element is
 * added around the page's text and none of its text nodes change. One
 * injected <style> gives each highlight a quiet look; `clear` undoes both.
 */
import { rangeForSpan, type VisibleText } from '../../page/visibleText';
import { HIGHLIGHT_NAMES, type HighlightName, type HighlightPlan } from './plan';

const STYLE_ID = 'triangulate-highlight-style';

const HIGHLIGHT_CSS = `
::highlight(triangulate-actor) { text-decoration: underline dotted #6d5bd0; text-decoration-thickness: 2px; text-underline-offset: 3px; }
::highlight(triangulate-place) { text-decoration: underline dashed #1f7a8c; text-decoration-thickness: 1px; text-underline-offset: 3px; }
::highlight(triangulate-incident) { text-decoration: underline solid #8a6d3b; text-decoration-thickness: 1px; text-underline-offset: 3px; }
::highlight(triangulate-figure-agrees) { background-color: rgba(46, 160, 67, 0.18); }
::highlight(triangulate-figure-disputed) { background-color: rgba(210, 153, 34, 0.24); }
::highlight(triangulate-figure-outside) { background-color: rgba(218, 54, 51, 0.2); }
`;

export type PaintedCounts = Record<HighlightName, number>;

/** Registers one Highlight per name holding the plan's ranges; returns how many ranges each got. */
export function paintHighlights(
  doc: Document,
  visible: VisibleText,
  plan: HighlightPlan,
): PaintedCounts {
  injectStyle(doc);
  const counts = {} as PaintedCounts;
  for (const name of HIGHLIGHT_NAMES) {
    const ranges = plan[name].flatMap((span) => {
      const range = rangeForSpan(visible, span.start, span.end);
      return range ? [range] : [];
    });
    counts[name] = ranges.length;
    if (ranges.length > 0) CSS.highlights.set(name, new Highlight(...ranges));
    else CSS.highlights.delete(name);
  }
  return counts;
}

export function clearHighlights(doc: Document): void {
  for (const name of HIGHLIGHT_NAMES) CSS.highlights.delete(name);
  doc.getElementById(STYLE_ID)?.remove();
}

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

function injectStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.dataset.triangulate = 'style';
  style.textContent = HIGHLIGHT_CSS;
  (doc.head ?? doc.documentElement).append(style);
}
