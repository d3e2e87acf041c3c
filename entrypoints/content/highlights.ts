/**
 * How each highlight looks: quiet underlines for names, places and incident
 * keywords, a soft background for figures coloured by verdict, and a focus
 * ring for the annotation stepped to from the keyboard. The same looks as
 * ::highlight() rules (Highlight API) and as inline styles for marks.
 */
import { FOCUS_HIGHLIGHT } from '../../page/highlighter';
import type { HighlightName } from './plan';

const LOOKS: Record<HighlightName, string> = {
  'triangulate-actor':
    'text-decoration: underline dotted #6d5bd0; text-decoration-thickness: 2px; text-underline-offset: 3px;',
  'triangulate-place':
    'text-decoration: underline dashed #1f7a8c; text-decoration-thickness: 1px; text-underline-offset: 3px;',
  'triangulate-incident':
    'text-decoration: underline solid #8a6d3b; text-decoration-thickness: 1px; text-underline-offset: 3px;',
  'triangulate-figure-agrees': 'background-color: rgba(46, 160, 67, 0.18);',
  'triangulate-figure-disputed': 'background-color: rgba(210, 153, 34, 0.24);',
  'triangulate-figure-outside': 'background-color: rgba(218, 54, 51, 0.2);',
};

const FOCUS_LOOK = 'background-color: rgba(9, 105, 218, 0.28); color: inherit;';

/**
 * Where the ::highlight() rules are written. Chromium styles custom
 * highlights by highlight inheritance (since its first Highlight API): a rule
 * on the root reaches the highlighted text in every element, and adding it
 * restyles the root alone. A rule for every element (`::highlight()`, that
 * is `*::highlight()`) made the page restyle all of its elements when the
 * sheet was added: 232-349 ms against 18 ms on a page of 20,000 paragraphs,
 * 38 ms of the 2 MB benchmark page's longest task. Firefox keeps the rule for
 * every element until its inheritance of custom highlights is checked there.
 */
const HIGHLIGHT_ORIGIN = import.meta.env.FIREFOX ? '' : ':root';

export const HIGHLIGHT_STYLES = {
  css: [
    ...Object.entries(LOOKS).map(
      ([name, look]) => `${HIGHLIGHT_ORIGIN}::highlight(${name}) { ${look} }`,
    ),
    `${HIGHLIGHT_ORIGIN}::highlight(${FOCUS_HIGHLIGHT}) { ${FOCUS_LOOK} }`,
  ].join('\n'),
  markStyles: Object.fromEntries(
    Object.entries(LOOKS).map(([name, look]) => [
      name,
      `all: initial; display: inline; font: inherit; color: inherit; cursor: help; ${look}`.replace(
        /;/g,
        ' !important;',
      ),
    ]),
  ),
  focusStyle: '2px solid #0969da',
};
