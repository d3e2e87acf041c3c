// Visible text: exact text of small pages, skipped subtrees, and spans mapped back to text nodes.
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import {
  boundariesForSpan,
  extractVisibleText,
  rangeForSpan,
  segmentIndexAt,
  type VisibleText,
} from '../../page/visibleText';

const visibleOf = (body: string): VisibleText =>
  extractVisibleText(parseHTML(`<!doctype html><html><body>${body}</body></html>`).document);

describe('extractVisibleText', () => {
  test.each<[string, string, string]>([
    [
      'inline elements join without breaks',
      '<p>At least <b>eight</b> policemen</p>',
      'At least eight policemen',
    ],
    ['blocks are separated by one "\\n"', '<h1>Title</h1><p>One</p><p>Two</p>', 'Title\nOne\nTwo'],
    [
      'nested blocks do not double the break',
      '<div><div><p>One</p></div></div><div><p>Two</p></div>',
      'One\nTwo',
    ],
    ['<br> breaks a line', '<p>one<br>two<br><br>three</p>', 'one\ntwo\nthree'],
    [
      'list items and table cells',
      '<ul><li>a</li><li>b</li></ul><table><tr><td>c</td><td>d</td></tr></table>',
      'a\nb\nc\nd',
    ],
    [
      'source line breaks inside a paragraph become spaces, same length',
      '<p>eight\n  policemen</p>',
      'eight   policemen',
    ],
    [
      'indentation between blocks is left out',
      '<div>\n  <p>One</p>\n  <p>Two</p>\n</div>',
      'One\nTwo',
    ],
    ['spaces between inline elements are kept', '<p><b>a</b> <i>b</i></p>', 'a b'],
    ['<pre> keeps its line breaks', '<pre>line1\nline2</pre>', 'line1\nline2'],
    ['text before and after a block', 'before<div>inside</div>after', 'before\ninside\nafter'],
    ['empty page', '', ''],
  ])('%s', (_label, body, expected) => {
    expect(visibleOf(body).text).toBe(expected);
  });

  test.each<[string, string]>([
    ['script', '<script>var killed = 8;</script>'],
    ['style', '<style>p { color: red }</style>'],
    ['noscript', '<noscript>enable JS</noscript>'],
    ['template', '<template><p>later</p></template>'],
    ['textarea', '<textarea>draft</textarea>'],
    ['select/option', '<select><option>one</option></select>'],
    ['button', '<button>Share</button>'],
    ['code and pre>code', '<code>x = 1</code><pre><code>y = 2</code></pre>'],
    ['svg', '<svg><text>label</text></svg>'],
    ['iframe', '<iframe>fallback</iframe>'],
    ['[hidden]', '<p hidden>secret</p>'],
    ['[aria-hidden=true]', '<span aria-hidden="true">icon</span>'],
    ['[contenteditable]', '<div contenteditable>editing</div>'],
    ['[contenteditable=true]', '<div contenteditable="true">editing</div>'],
    ['inline display:none', '<p style="color: red; display:none">gone</p>'],
    ['inline visibility:hidden', '<p style="visibility: hidden">gone</p>'],
    ['our own UI element', '<triangulate-popover><p>8 killed</p></triangulate-popover>'],
    ['[data-triangulate]', '<div data-triangulate="popover">8 killed</div>'],
  ])('skips %s', (_label, skipped) => {
    expect(visibleOf(`<p>before</p>${skipped}<p>after</p>`).text).toBe('before\nafter');
  });

  test.each<[string, string]>([
    ['[contenteditable=false]', '<div contenteditable="false">shown</div>'],
    ['[aria-hidden=false]', '<div aria-hidden="false">shown</div>'],
    ['display:none-ish class names', '<div class="display-none">shown</div>'],
  ])('keeps %s', (_label, kept) => {
    expect(visibleOf(`<p>before</p>${kept}<p>after</p>`).text).toBe('before\nshown\nafter');
  });

  test('segments cover each text node at its offset, in order', () => {
    const visible = visibleOf('<h1>Title</h1><p>At least <b>eight</b> killed</p>');
    expect(visible.segments.map((s) => [s.start, s.end, s.node.data])).toEqual([
      [0, 5, 'Title'],
      [6, 15, 'At least '],
      [15, 20, 'eight'],
      [20, 27, ' killed'],
    ]);
  });

  test('reads a whole document from its body, not its head', () => {
    const { document } = parseHTML(
      '<html><head><title>Head title</title><style>x{}</style></head><body><p>Body</p></body></html>',
    );
    expect(extractVisibleText(document).text).toBe('Body');
  });
});

describe('mapping spans back to the DOM', () => {
  const visible = visibleOf('<h1>Title</h1><p>At least <b>eight</b> policemen</p><p>Next</p>');
  // text: "Title\nAt least eight policemen\nNext"

  test.each<[number, number]>([
    [0, 0],
    [4, 0],
    [5, -1], // the separator after "Title"
    [6, 1],
    [15, 2],
    [20, 3],
    [31, 4],
    [35, -1], // one past the last character
    [40, -1], // past the end
  ])('segmentIndexAt(%i) is %i', (offset, index) => {
    expect(segmentIndexAt(visible, offset)).toBe(index);
  });

  test.each<[string, number, number, [string, number, string, number] | null]>([
    ['inside one node', 0, 5, ['Title', 0, 'Title', 5]],
    ['across three nodes', 9, 30, ['At least ', 3, ' policemen', 10]],
    ['one whole inline node', 15, 20, ['eight', 0, 'eight', 5]],
    ['starting on a separator', 5, 8, ['At least ', 0, 'At least ', 2]],
    ['ending on a separator', 21, 31, [' policemen', 1, ' policemen', 10]],
    ['across a block break', 2, 9, ['Title', 2, 'At least ', 3]],
    ['only a separator', 5, 6, null],
    ['empty', 3, 3, null],
    ['past the end', 60, 70, null],
  ])('%s: [%i, %i)', (_label, start, end, expected) => {
    const boundaries = boundariesForSpan(visible, start, end);
    expect(
      boundaries === null
        ? null
        : [
            boundaries.start.node.data,
            boundaries.start.offset,
            boundaries.end.node.data,
            boundaries.end.offset,
          ],
    ).toEqual(expected);
  });

  test('rangeForSpan sets exactly those boundary points on a Range', () => {
    // linkedom's Range has no setStart/setEnd: record the calls a browser would get.
    const { document } = parseHTML(
      '<html><body><p>At least <b>eight</b> policemen</p></body></html>',
    );
    const calls: [string, string, number][] = [];
    const fakeRange = {
      setStart: (node: Text, offset: number) => calls.push(['start', node.data, offset]),
      setEnd: (node: Text, offset: number) => calls.push(['end', node.data, offset]),
    };
    document.createRange = () => fakeRange as unknown as Range;
    const pageText = extractVisibleText(document);
    expect(pageText.text.slice(3, 14)).toBe('least eight');
    expect(rangeForSpan(pageText, 3, 14)).toBe(fakeRange);
    expect(calls).toEqual([
      ['start', 'At least ', 3],
      ['end', 'eight', 5],
    ]);
    expect(rangeForSpan(pageText, 40, 41)).toBeNull();
  });

  test('every character maps back to its own character in the DOM', () => {
    const page = visibleOf(
      '<article><h2>Tajikistan</h2><p>At least <a href="#">eight</a>\n policemen were <em>killed</em>.</p><ul><li>Vahdat</li></ul></article>',
    );
    for (let offset = 0; offset < page.text.length; offset++) {
      const boundaries = boundariesForSpan(page, offset, offset + 1);
      const char = page.text[offset];
      if (char === '\n') {
        expect(boundaries).toBeNull();
        continue;
      }
      const node = boundaries?.start.node;
      const original = node?.data[boundaries?.start.offset ?? -1];
      expect(original === '\n' ? ' ' : original).toBe(char);
    }
  });
});

test('a 5 MB page is read in one pass, quickly', () => {
  const paragraph =
    '<p>At least <b>eight</b> policemen and two gunmen were killed on <i>Friday</i>.</p>';
  const html = `<html><body><article>${paragraph.repeat(70_000)}</article></body></html>`;
  expect(html.length).toBeGreaterThan(5_000_000);
  const { document } = parseHTML(html);
  const started = performance.now();
  const visible = extractVisibleText(document);
  const elapsed = performance.now() - started;
  expect(visible.segments.length).toBe(350_000);
  expect(visible.text.length).toBe(70_000 * 63 - 1);
  // About 0.1 s alone; the bound is loose because test files run in parallel.
  expect(elapsed).toBeLessThan(10_000);
  const middle = visible.segments[175_001];
  expect(middle === undefined ? null : segmentIndexAt(visible, middle.start + 2)).toBe(175_001);
}, 60_000);
