// Overlay units: the annotation index, the marks fallback (exact text nodes back), the site toggle.
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { defaultSettings } from '../../core/settings';
import { toggleSite } from '../../entrypoints/background/commands';
import { AnnotationIndex } from '../../page/annotationIndex';
import { createMarkPainter, MARK_SELECTOR, textPiecesOf } from '../../page/highlighter';

describe('AnnotationIndex', () => {
  const node = {};
  const index = new AnnotationIndex<object, string>();
  index.add(node, 0, 10, 'figure'); // "nine of Nazarzod's troops"
  index.add(node, 8, 16, 'actor');
  index.add(node, 20, 25, 'place');
  index.add(node, 5, 5, 'empty');
  test.each<[number, string[]]>([
    [0, ['figure']],
    [7, ['figure']],
    [8, ['actor', 'figure']],
    [9, ['actor', 'figure']],
    [10, ['actor']],
    [16, []],
    [19, []],
    [20, ['place']],
    [24, ['place']],
    [25, []],
    [-1, []],
  ])('offset %i -> %j', (offset, expected) => {
    expect(index.at(node, offset)).toEqual(expected);
  });
  test('an unknown node has nothing', () => {
    expect(index.at({}, 3)).toEqual([]);
  });
});

// linkedom's Range has no setStart: the painter reads only the boundary points.
const rangeOf = (node: Text, start: number, end: number, endNode: Text = node) =>
  ({
    startContainer: node,
    startOffset: start,
    endContainer: endNode,
    endOffset: end,
  }) as unknown as Range;

const setupMarks = () => {
  const { document } = parseHTML(
    '<html><body><p id="p">At least eight policemen and <b>two gunmen</b> died.</p></body></html>',
  );
  const p = document.getElementById('p') as HTMLElement;
  const first = p.firstChild as Text;
  const bold = p.querySelector('b')?.firstChild as Text;
  return { document, p, first, bold, range: rangeOf };
};

describe('marks fallback', () => {
  test.each([
    { name: 'one span', spans: [[0, 24]], marks: ['At least eight policemen'] },
    {
      name: 'two spans in one node',
      spans: [
        [9, 14],
        [15, 24],
      ],
      marks: ['eight', 'policemen'],
    },
    {
      name: 'overlapping spans: the first painted wins',
      spans: [
        [0, 24],
        [9, 14],
      ],
      marks: ['At least eight policemen'],
    },
  ])('$name: wraps, then clear() gives back the exact original nodes', ({ spans, marks }) => {
    const { document, p, first, range } = setupMarks();
    const html = p.innerHTML;
    const painter = createMarkPainter(document, { a: 'color: red' }, 'x');
    painter.paint(spans.map(([s, e], id) => ({ id, name: 'a', range: range(first, s!, e!) })));
    expect([...p.querySelectorAll(MARK_SELECTOR)].map((m) => m.textContent)).toEqual(marks);
    expect(p.textContent).toBe('At least eight policemen and two gunmen died.');
    painter.clear();
    expect(p.innerHTML).toBe(html);
    expect(p.firstChild).toBe(first);
    expect(first.data).toBe('At least eight policemen and ');
  });

  test('a span across elements is wrapped per text node and found from a mark', () => {
    const { document, p, first, bold, range } = setupMarks();
    const painter = createMarkPainter(document, { a: '' }, 'x');
    painter.paint([{ id: 7, name: 'a', range: range(first, 25, 3, bold) }]);
    const marks = [...p.querySelectorAll(MARK_SELECTOR)].map((m) => m.textContent);
    expect(marks).toEqual(['and ', 'two']);
    expect(painter.idsAt(p.querySelector(`b ${MARK_SELECTOR}`))).toEqual([7]);
    expect(painter.idsAt(p)).toEqual([]);
    painter.clear();
    expect(p.innerHTML).toBe('At least eight policemen and <b>two gunmen</b> died.');
  });

  test('textPiecesOf a range across nodes', () => {
    const { first, bold, range } = setupMarks();
    expect(
      textPiecesOf(range(first, 25, 3, bold)).map((piece) => [
        piece.node.data,
        piece.start,
        piece.end,
      ]),
    ).toEqual([
      ['At least eight policemen and ', 25, 29],
      ['two gunmen', 0, 3],
    ]);
  });
});

describe('toggleSite', () => {
  const base = defaultSettings();
  test.each([
    {
      name: 'an enabled site is turned off',
      settings: base,
      host: 'www.rferl.org',
      disabled: ['rferl.org'],
      enabled: true,
    },
    {
      name: 'a disabled site is turned on, with any entry covering it',
      settings: { ...base, disabledSites: ['rferl.org', 'bbc.co.uk'] },
      host: 'news.rferl.org',
      disabled: ['bbc.co.uk'],
      enabled: true,
    },
    {
      name: 'with the global switch off, the site is turned on and so is the switch',
      settings: { ...base, enabled: false },
      host: 'rferl.org',
      disabled: [],
      enabled: true,
    },
  ])('$name', ({ settings, host, disabled, enabled }) => {
    const next = toggleSite(settings, host);
    expect(next.disabledSites).toEqual(disabled);
    expect(next.enabled).toBe(enabled);
  });
});
