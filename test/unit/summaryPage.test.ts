/**
 * The page part of 'page.summary': the popup's site switch and "Save this
 * page" need the page's address and facts even when the tab's address is
 * hidden from the popup, and even when Triangulate is off for the site.
 */
import { describe, expect, test } from 'vitest';
import type { PageFacts } from '../../core/types';
import { pageOf } from '../../entrypoints/content/summary';

const FACTS: PageFacts = {
  title: 'Tajik police killed in attacks',
  outletId: 'rferl',
  outletName: 'RFE/RL',
  publishedAt: '2015-09-04',
  publishedAtSource: 'meta',
  language: 'en',
};

describe('pageOf', () => {
  test.each([
    [
      'facts read',
      FACTS,
      'Document title',
      {
        url: 'https://www.rferl.org/a/x.html',
        title: 'Tajik police killed in attacks',
        outletId: 'rferl',
        outletName: 'RFE/RL',
        publishedAt: '2015-09-04',
        language: 'en',
      },
    ],
    [
      'off or not read yet: the document title',
      null,
      '  Document title ',
      {
        url: 'https://www.rferl.org/a/x.html',
        title: 'Document title',
        outletId: null,
        outletName: null,
        publishedAt: null,
        language: null,
      },
    ],
    [
      'no title at all',
      null,
      '   ',
      {
        url: 'https://www.rferl.org/a/x.html',
        title: null,
        outletId: null,
        outletName: null,
        publishedAt: null,
        language: null,
      },
    ],
    [
      'facts without a title fall back to the document',
      { ...FACTS, title: null },
      'Document title',
      {
        url: 'https://www.rferl.org/a/x.html',
        title: 'Document title',
        outletId: 'rferl',
        outletName: 'RFE/RL',
        publishedAt: '2015-09-04',
        language: 'en',
      },
    ],
  ])('%s', (_name, facts, documentTitle, expected) => {
    expect(pageOf('https://www.rferl.org/a/x.html', facts, documentTitle)).toEqual(expected);
  });
});
