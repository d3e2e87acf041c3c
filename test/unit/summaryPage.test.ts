/**
 * The page part of 'page.summary': the popup's site switch and "Save this
 * page" need the page's address and facts even when the tab's address is
 * hidden from the popup, and even when Triangulate is off for the site.
 */
import { describe, expect, test } from 'vitest';
import type { PageFacts } from '../../core/types';
import { pageOf, summaryWithoutSession } from '../../entrypoints/content/summary';

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

describe('summaryWithoutSession', () => {
  const page = pageOf('https://www.rferl.org/a/x.html', null, 'Document title');
  test.each<[string, boolean, boolean, 'off' | 'running']>([
    // A popup opened at page load must not report the site as switched off.
    ['settings not read yet', false, true, 'running'],
    ['settings not read yet, site listed as off', false, false, 'running'],
    ['settings read: off for this site', true, false, 'off'],
    ['settings read: on, but no session yet', true, true, 'off'],
  ])('%s', (_label, settingsRead, enabledForSite, state) => {
    expect(summaryWithoutSession(settingsRead, enabledForSite, page)).toEqual({
      state,
      enabledForSite,
      error: null,
      incidents: [],
      actors: [],
      places: [],
      figures: [],
      counts: { actor: 0, place: 0, incident: 0, figure: 0 },
      page,
    });
  });
});
