import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { PageEvidence } from '../../core/types';
import {
  fitEvidence,
  handleMessages,
  parseRequest,
  REQUEST_LIMITS,
  requestSchemas,
  sendMessage,
} from '../../messaging/protocol';

const evidence: PageEvidence = {
  facts: {
    title: 'At Least 10 Killed',
    outletId: 'rferl',
    outletName: 'RFE/RL',
    publishedAt: '2015-09-04',
    publishedAtSource: 'meta',
    language: 'en',
  },
  matches: [
    { start: 10, end: 18, targetId: 'nazarzoda', kind: 'actor', alias: 'Nazarzod', weak: false },
  ],
  claims: [
    {
      start: 30,
      end: 58,
      text: 'At least eight policemen',
      low: 8,
      high: 8,
      qualifier: 'at-least',
      side: 'security',
      sideLabel: 'policemen',
      outcome: 'killed',
      attributedTo: null,
    },
  ],
  dates: [
    {
      start: 70,
      end: 79,
      text: 'on Friday',
      date: '2015-09-04',
      endDate: '2015-09-04',
      precision: 'day',
      relative: true,
    },
  ],
};

const many = <T>(item: T, count: number): T[] => Array.from({ length: count }, () => item);

describe('parseRequest', () => {
  test.each([
    { name: 'lexicon.get', message: { type: 'lexicon.get', payload: {} } },
    { name: 'dataset.status', message: { type: 'dataset.status', payload: {} } },
    { name: 'page.summary', message: { type: 'page.summary', payload: {} } },
    {
      name: 'page.reveal figure',
      message: { type: 'page.reveal', payload: { kind: 'figure', index: 3 } },
    },
    {
      name: 'page.reveal actor',
      message: { type: 'page.reveal', payload: { kind: 'actor', id: 'tj-rahmon' } },
    },
    { name: 'page.resolve', message: { type: 'page.resolve', payload: { evidence } } },
    {
      name: 'page.resolve at the caps',
      message: {
        type: 'page.resolve',
        payload: {
          evidence: {
            ...evidence,
            matches: many(evidence.matches[0], REQUEST_LIMITS.matches),
            claims: many(evidence.claims[0], REQUEST_LIMITS.claims),
            dates: many(evidence.dates[0], REQUEST_LIMITS.dates),
          },
        },
      },
    },
  ])('accepts $name', ({ message }) => {
    expect(parseRequest(message)).toEqual({ ok: true, envelope: message });
  });

  test.each([
    {
      message: null,
      error: 'Not a Triangulate message: Invalid type: Expected Object but received null',
    },
    {
      message: { type: 'db.drop', payload: {} },
      // Every message type is listed, in the order the protocol declares them.
      error: `Not a Triangulate message: type: Invalid type: Expected (${Object.keys(requestSchemas)
        .map((type) => `"${type}"`)
        .join(' | ')}) but received "db.drop"`,
    },
    {
      message: { type: 'page.resolve', payload: {} },
      error:
        'Invalid page.resolve request: evidence: Invalid key: Expected "evidence" but received undefined',
    },
    {
      message: {
        type: 'page.resolve',
        payload: { evidence: { ...evidence, matches: [{ ...evidence.matches[0], start: -1 }] } },
      },
      error:
        'Invalid page.resolve request: evidence.matches.0.start: Invalid value: Expected >=0 but received -1',
    },
    {
      message: {
        type: 'page.resolve',
        payload: {
          evidence: { ...evidence, claims: [{ ...evidence.claims[0], outcome: 'exploded' }] },
        },
      },
      error:
        'Invalid page.resolve request: evidence.claims.0.outcome: Invalid type: Expected ("killed" | "wounded" | "captured" | "detained" | "missing") but received "exploded"',
    },
    {
      message: {
        type: 'page.resolve',
        payload: {
          evidence: { ...evidence, matches: many(evidence.matches[0], REQUEST_LIMITS.matches + 1) },
        },
      },
      error: 'Invalid page.resolve request: evidence.matches: at most 5000 items',
    },
    {
      message: {
        type: 'page.resolve',
        payload: {
          evidence: { ...evidence, facts: { ...evidence.facts, outletName: 'x'.repeat(301) } },
        },
      },
      error:
        'Invalid page.resolve request: evidence.facts.outletName: Invalid length: Expected <=300 but received 301',
    },
    {
      message: { type: 'page.reveal', payload: { kind: 'figure', index: -1 } },
      error: 'Invalid page.reveal request: index: Invalid value: Expected >=0 but received -1',
    },
    {
      message: { type: 'page.reveal', payload: { kind: 'outlet', id: 'x' } },
      error:
        'Invalid page.reveal request: kind: Invalid type: Expected ("figure" | ("actor" | "place" | "incident")) but received "outlet"',
    },
  ])('refuses $message.type with a clear error', ({ message, error }) => {
    expect(parseRequest(message)).toEqual({ ok: false, error });
  });
});

describe('fitEvidence', () => {
  const claim = evidence.claims[0]!;
  const match = evidence.matches[0]!;
  test.each([
    { name: 'evidence within the caps is unchanged', input: evidence, expected: evidence },
    {
      name: 'lists are cut at the caps',
      input: { ...evidence, matches: many(match, REQUEST_LIMITS.matches + 7) },
      expected: { ...evidence, matches: many(match, REQUEST_LIMITS.matches) },
    },
    {
      name: 'a claim with an over-long attribution is dropped, not cut',
      input: { ...evidence, claims: [{ ...claim, attributedTo: 'a'.repeat(301) }, claim] },
      expected: { ...evidence, claims: [claim] },
    },
    {
      name: 'the layout around the figures is kept, cut at the claims cap',
      input: {
        ...evidence,
        layout: {
          paragraphs: many({ start: 0, end: 40 }, REQUEST_LIMITS.claims + 3),
          sentences: [{ start: 0, end: 20 }],
        },
      },
      expected: {
        ...evidence,
        layout: {
          paragraphs: many({ start: 0, end: 40 }, REQUEST_LIMITS.claims),
          sentences: [{ start: 0, end: 20 }],
        },
      },
    },
    {
      name: 'an over-long title is clipped',
      input: { ...evidence, facts: { ...evidence.facts, title: 't'.repeat(2_500) } },
      expected: { ...evidence, facts: { ...evidence.facts, title: 't'.repeat(2_000) } },
    },
  ])('$name', ({ input, expected }) => {
    const fitted = fitEvidence(input);
    expect(fitted).toEqual(expected);
    expect(parseRequest({ type: 'page.resolve', payload: { evidence: fitted } }).ok).toBe(true);
  });
});

describe('handleMessages + sendMessage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('a valid request reaches its handler and the data comes back', async () => {
    const resolve = vi.fn(async () => ({ incidents: [], claims: [], bundles: [] }));
    handleMessages({ 'page.resolve': resolve });
    await expect(sendMessage('page.resolve', { evidence })).resolves.toEqual({
      incidents: [],
      claims: [],
      bundles: [],
    });
    expect(resolve).toHaveBeenCalledWith({ evidence });
  });

  test('a malformed request never reaches the handler and the sender gets the error', async () => {
    const resolve = vi.fn(async () => ({ incidents: [], claims: [], bundles: [] }));
    handleMessages({ 'page.resolve': resolve });
    const reply = await browser.runtime.sendMessage({
      type: 'page.resolve',
      payload: { evidence: { facts: null } },
    });
    expect(reply).toEqual({
      ok: false,
      error:
        'Invalid page.resolve request: evidence.facts: Invalid type: Expected Object but received null',
    });
    expect(resolve).not.toHaveBeenCalled();
  });

  test('a handler that throws becomes a refusal that sendMessage raises', async () => {
    handleMessages({
      'dataset.status': () => {
        throw new Error('database closed');
      },
    });
    await expect(sendMessage('dataset.status', {})).rejects.toThrow(
      'dataset.status failed: database closed',
    );
  });

  test('a type another context handles is left alone; stopping removes the listener', async () => {
    const stop = handleMessages({
      'dataset.status': () => ({
        meta: null,
        source: null,
        installedAt: null,
        counts: {} as never,
        lastError: null,
      }),
    });
    await expect(sendMessage('lexicon.get', {})).rejects.toThrow('No reply to lexicon.get');
    stop();
    await expect(sendMessage('dataset.status', {})).rejects.toThrow('No listeners available');
  });
});
