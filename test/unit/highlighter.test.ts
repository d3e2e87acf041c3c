// The Highlight API painter adds its stylesheet only once highlights are coming:
// a new sheet restyles the whole document, and most pages never get a highlight.
import { describe, expect, test } from 'vitest';
import { createHighlightApiPainter } from '../../page/highlighter';

class FakeSheet {
  css = '';
  replaceSync(css: string): void {
    this.css = css;
  }
}

class FakeHighlight {
  priority = 0;
  readonly ranges: unknown[];
  constructor(...ranges: unknown[]) {
    this.ranges = ranges;
  }
}

/** A document with adoptedStyleSheets and a window with CSS.highlights, as Chromium has them. */
function fakeDocument() {
  const highlights = new Map<string, FakeHighlight>();
  const win = { CSS: { highlights }, Highlight: FakeHighlight, CSSStyleSheet: FakeSheet };
  const doc = { defaultView: win, adoptedStyleSheets: [] as FakeSheet[] };
  return { doc: doc as unknown as Document, sheets: () => doc.adoptedStyleSheets, highlights };
}

const range = { collapsed: false, startContainer: { isConnected: true } } as unknown as Range;
const item = { id: 0, name: 'triangulate-actor', range };

describe('createHighlightApiPainter: the stylesheet', () => {
  test.each<[string, (painter: ReturnType<typeof createHighlightApiPainter>) => void, number]>([
    ['made, nothing painted', () => undefined, 0],
    ['an empty paint (a page linked to nothing)', (p) => p.paint([]), 0],
    ['prepare (highlights are coming)', (p) => p.prepare(), 1],
    ['a paint with highlights', (p) => p.paint([item]), 1],
    [
      'prepare, then paints: one sheet',
      (p) => {
        p.prepare();
        p.paint([item]);
        p.paint([item]);
      },
      1,
    ],
    [
      'painted, then cleared',
      (p) => {
        p.paint([item]);
        p.clear();
      },
      0,
    ],
    [
      'cleared, then painted again',
      (p) => {
        p.paint([item]);
        p.clear();
        p.paint([item]);
      },
      1,
    ],
  ])('%s: %i sheet(s)', (_name, act, count) => {
    const { doc, sheets } = fakeDocument();
    const painter = createHighlightApiPainter(doc, '::highlight(triangulate-actor) { color: red }');
    act(painter);
    expect(sheets()).toHaveLength(count);
    if (count === 1) {
      expect((sheets()[0] as FakeSheet).css).toBe('::highlight(triangulate-actor) { color: red }');
    }
  });

  test('the highlights themselves are registered as before', () => {
    const { doc, highlights } = fakeDocument();
    const painter = createHighlightApiPainter(doc, '');
    painter.paint([item]);
    expect([...highlights.keys()]).toEqual(['triangulate-actor']);
    expect(highlights.get('triangulate-actor')?.ranges).toEqual([range]);
    expect(painter.anchorOf(0)).toBe(range);
  });
});
