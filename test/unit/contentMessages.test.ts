import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleContentMessages, parseContentRequest } from '../../entrypoints/content/messages';
import { parseRequest } from '../../messaging/protocol';

const long = 'x'.repeat(81);

describe('parseContentRequest', () => {
  test.each([
    ['page.summary', { type: 'page.summary', payload: {} }, { type: 'page.summary', payload: {} }],
    [
      'page.summary drops extra fields',
      { type: 'page.summary', payload: { x: 1 } },
      { type: 'page.summary', payload: {} },
    ],
    [
      'reveal a figure',
      { type: 'page.reveal', payload: { kind: 'figure', index: 3 } },
      { type: 'page.reveal', payload: { kind: 'figure', index: 3 } },
    ],
    [
      'reveal an actor',
      { type: 'page.reveal', payload: { kind: 'actor', id: 'nazarzoda', extra: 1 } },
      { type: 'page.reveal', payload: { kind: 'actor', id: 'nazarzoda' } },
    ],
    [
      'step back',
      { type: 'page.step', payload: { direction: 'previous' } },
      { type: 'page.step', payload: { direction: 'previous' } },
    ],
  ])('%s is accepted', (_label, message, request) => {
    expect(parseContentRequest(message)).toEqual({ ok: true, request });
  });

  test.each([
    ['no payload', { type: 'page.summary' }, 'Invalid page.summary request: payload: an object'],
    [
      'a number for a payload',
      { type: 'page.step', payload: 7 },
      'Invalid page.step request: payload: an object',
    ],
    [
      'a negative index',
      { type: 'page.reveal', payload: { kind: 'figure', index: -1 } },
      'Invalid page.reveal request: index: a whole number from 0',
    ],
    [
      'a fractional index',
      { type: 'page.reveal', payload: { kind: 'figure', index: 1.5 } },
      'Invalid page.reveal request: index: a whole number from 0',
    ],
    [
      'an index past the claims cap',
      { type: 'page.reveal', payload: { kind: 'figure', index: 2001 } },
      'Invalid page.reveal request: index: a whole number from 0',
    ],
    [
      'an empty id',
      { type: 'page.reveal', payload: { kind: 'place', id: '' } },
      'Invalid page.reveal request: id: an id',
    ],
    [
      'an id over 80 characters',
      { type: 'page.reveal', payload: { kind: 'incident', id: long } },
      'Invalid page.reveal request: id: an id',
    ],
    [
      'an unknown kind',
      { type: 'page.reveal', payload: { kind: 'outlet', id: 'rferl' } },
      'Invalid page.reveal request: kind: figure, actor, place or incident',
    ],
    [
      'a sideways step',
      { type: 'page.step', payload: { direction: 'up' } },
      'Invalid page.step request: direction: next or previous',
    ],
  ])('%s is refused', (_label, message, error) => {
    expect(parseContentRequest(message)).toEqual({ ok: false, error });
  });

  test.each([
    ['nothing', undefined],
    ['a string', 'page.summary'],
    ['a background message', { type: 'lexicon.get', payload: {} }],
    ['a popup message', { type: 'sync.now', payload: {} }],
    ['an inherited name', { type: 'toString', payload: {} }],
  ])('%s is left for another listener', (_label, message) => {
    expect(parseContentRequest(message)).toBeNull();
  });

  /** Payloads near the valid ones: both sides of every check. */
  const payload = fc.oneof(
    fc.record(
      {
        kind: fc.constantFrom('figure', 'actor', 'place', 'incident', 'outlet', 1),
        index: fc.oneof(fc.integer({ min: -2, max: 2002 }), fc.double(), fc.string()),
        id: fc.oneof(fc.string({ maxLength: 90 }), fc.integer()),
        direction: fc.constantFrom('next', 'previous', 'up', null),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );

  test('accepts and refuses exactly what the protocol schemas do, with the same payload', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('page.summary', 'page.reveal', 'page.step'),
        payload,
        (type, body) => {
          const mine = parseContentRequest({ type, payload: body });
          const protocol = parseRequest({ type, payload: body });
          expect(mine?.ok).toBe(protocol.ok);
          if (mine?.ok && protocol.ok) expect(mine.request).toEqual(protocol.envelope);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

const send = (message: unknown) => fakeBrowser.runtime.sendMessage(message);

describe('handleContentMessages', () => {
  beforeEach(() => fakeBrowser.reset());

  test.each([
    [
      { type: 'page.step', payload: { direction: 'next' } },
      { ok: true, data: { ok: true } },
    ],
    [
      { type: 'page.step', payload: { direction: 'up' } },
      { ok: false, error: 'Invalid page.step request: direction: next or previous' },
    ],
    [
      { type: 'page.reveal', payload: { kind: 'figure', index: 0 } },
      { ok: false, error: 'page.reveal failed: nothing to reveal' },
    ],
  ])('%j gets %j', async (message, reply) => {
    const stop = handleContentMessages({
      'page.summary': () => {
        throw new Error('not asked');
      },
      'page.reveal': () => {
        throw new Error('nothing to reveal');
      },
      'page.step': ({ direction }) => ({ ok: direction === 'next' }),
    });
    expect(await send(message)).toEqual(reply);
    stop();
  });
});
