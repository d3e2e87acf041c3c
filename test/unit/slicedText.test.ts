// Sliced visible text: the same text and offsets as one extractVisibleText walk, on every fixture page and on edge cases.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { createSlicer } from '../../page/scheduler';
import { extractVisibleTextSliced, unitsOf } from '../../page/slicedText';
import { extractVisibleText, type VisibleText } from '../../page/visibleText';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const fixturePages = [
  ...readdirSync(join(FIXTURES, 'pages')).map((name) => join('pages', name)),
  ...readdirSync(join(FIXTURES, 'negative')).map((name) => join('negative', name)),
].filter((name) => name.endsWith('.html'));

const TINY = { maxChildren: 2, maxDescendants: 4 };
let pauses = 0;
const eager = () =>
  createSlicer({
    budgetMs: 0,
    yieldToPage: () => {
      pauses += 1;
      return Promise.resolve();
    },
  });

/** Text plus each segment as [start, end, node text], comparable across two reads. */
const shape = (visible: VisibleText | null) =>
  visible && {
    text: visible.text,
    segments: visible.segments.map((s) => [s.start, s.end, s.node.data]),
  };

const documentOf = (body: string) =>
  parseHTML(`<!doctype html><html><body>${body}</body></html>`).document;

describe('extractVisibleTextSliced', () => {
  test.each(fixturePages)('%s reads the same as one walk, cut into tiny units', async (file) => {
    const doc = parseHTML(readFileSync(join(FIXTURES, file), 'utf8')).document;
    const whole = extractVisibleText(doc);
    pauses = 0;
    const sliced = await extractVisibleTextSliced(doc, eager(), () => false, TINY);
    expect(shape(sliced)).toEqual(shape(whole));
    expect(sliced?.segments.every((s, i) => s.node === whole.segments[i]?.node)).toBe(true);
    expect(pauses).toBeGreaterThan(3);
  });

  test.each<[string, string]>([
    [
      'inline units in a cut div keep their spaces',
      '<div><b>one</b> <i>two</i> <b>three</b></div>',
    ],
    ['blocks among inline units', '<div>lead <b>x</b><p>para</p>tail <i>y</i></div>'],
    [
      'hidden container is not read',
      '<div><p>a</p><div hidden><p>b</p><p>c</p><p>d</p></div><p>e</p></div>',
    ],
    [
      'our own UI is not read, marks are',
      '<div><p>a</p><triangulate-popover>x</triangulate-popover><p>b <triangulate-mark>c</triangulate-mark></p></div>',
    ],
    [
      'nested cut containers',
      '<main><section><p>1</p><p>2</p><p>3</p></section><section><p>4</p><p>5</p><p>6</p></section></main>',
    ],
    ['indentation between blocks', '<div>\n  <p>one</p>\n  <p>two</p>\n  <p>three</p>\n</div>'],
    ['empty page', ''],
  ])('%s', async (_name, body) => {
    const doc = documentOf(body);
    const sliced = await extractVisibleTextSliced(doc, eager(), () => false, TINY);
    expect(shape(sliced)).toEqual(shape(extractVisibleText(doc)));
  });

  test('stops and returns null once cancelled', async () => {
    const doc = documentOf('<div><p>1</p><p>2</p><p>3</p><p>4</p></div>');
    let calls = 0;
    expect(await extractVisibleTextSliced(doc, eager(), () => ++calls > 2, TINY)).toBeNull();
  });
});

describe('unitsOf', () => {
  test.each<[string, string, string[]]>([
    ['a small page is one unit per body child', '<p>a</p><p>b</p>', ['P', 'P']],
    [
      'a big div is cut into its children with breaks around it',
      '<div><p>a</p><p>b</p><p>c</p></div>',
      ['break', 'P', 'P', 'P', 'break'],
    ],
    ['a paragraph is never cut', '<p><b>1</b><b>2</b><b>3</b><b>4</b></p>', ['P']],
  ])('%s', (_name, body, expected) => {
    const doc = documentOf(body);
    const units = unitsOf(doc.body, TINY).map((unit) =>
      unit === 'break' ? unit : ((unit as Element).tagName ?? '#text'),
    );
    expect(units).toEqual(['break', ...expected, 'break']);
  });
});
