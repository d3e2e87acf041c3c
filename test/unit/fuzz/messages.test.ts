// The background's message boundary under attack: arbitrary and forged messages
// are refused, a content script (a web page's renderer) may only use the two
// content message types, and no message it can send writes the synced dataset.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledDataset } from '../../../data/index';
import { readPageEvidence } from '../../../core/evidence';
import { buildLexicon } from '../../../core/lexicon';
import { AliasMatcher } from '../../../core/matcher';
import { parseDataset } from '../../../core/schema';
import { TriangulateDatabase } from '../../../db/database';
import {
  CONTENT_SENDABLE,
  handleMessages,
  parseRequest,
  requestSchemas,
  sentFromWebPage,
  type Handlers,
  type MessageSender,
  type MessageType,
  type Reply,
} from '../../../messaging/protocol';
import { collectPageSignals } from '../../../page/signals';
import { extractVisibleText } from '../../../page/visibleText';
import { createBackgroundService } from '../../../entrypoints/background/service';
import { createPageReader } from '../../../entrypoints/background/pageReading';
import { RUNS } from './arbitraries';
import { runProperty } from './runProperty';

const EXTENSION = 'chrome-extension://test-extension-id/';
const WEB_PAGE: MessageSender = { url: 'https://evil.example/article', tab: { id: 7 } };
const POPUP: MessageSender = { url: `${EXTENSION}popup.html` };
const OPTIONS_TAB: MessageSender = { url: `${EXTENSION}options.html`, tab: { id: 8 } };
const MESSAGE_TYPES = Object.keys(requestSchemas) as MessageType[];
const EXTENSION_ONLY = MESSAGE_TYPES.filter((type) => !CONTENT_SENDABLE.has(type));

/** Delivers `message` to the registered listeners as `sender` would, and returns the reply. */
async function deliver(
  message: unknown,
  sender: MessageSender,
): Promise<Reply<unknown> | undefined> {
  let reply: Reply<unknown> | undefined;
  const replied = new Promise<void>((done) => {
    void fakeBrowser.runtime.onMessage
      // The fake's trigger is typed with the full runtime.MessageSender; ours reads two fields.
      .trigger(message, sender as never, (answer: Reply<unknown>) => {
        reply = answer;
        done();
      })
      .then((results: unknown[]) => {
        if (!results.includes(true)) done();
      });
  });
  await replied;
  return reply;
}

beforeEach(() => fakeBrowser.reset());

describe('parseRequest under fuzzing', () => {
  test('arbitrary values never throw and are refused unless they are a known type', () => {
    const run = runProperty(
      fc.property(fc.anything({ maxDepth: 3 }), (message) => {
        const parsed = parseRequest(message);
        if (parsed.ok) expect(MESSAGE_TYPES).toContain(parsed.envelope.type);
      }),
    );
    expect(run).toMatchObject({ runs: RUNS, interrupted: false });
  });

  test('unknown types, including prototype names, are refused as not ours', () => {
    const run = runProperty(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'db.drop'),
        ),
        fc.anything({ maxDepth: 2 }),
        (type, payload) => {
          fc.pre(!MESSAGE_TYPES.includes(type as MessageType));
          const parsed = parseRequest({ type, payload });
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.error).toMatch(/^Not a Triangulate message: type: /);
        },
      ),
    );
    expect(run.interrupted).toBe(false);
    expect(run.runs).toBe(RUNS);
  });

  test('every known type with an arbitrary payload either parses to its schema or is refused by name', () => {
    const run = runProperty(
      fc.property(
        fc.constantFrom(...MESSAGE_TYPES),
        fc.anything({ maxDepth: 3 }),
        (type, payload) => {
          const parsed = parseRequest({ type, payload });
          if (!parsed.ok)
            expect(parsed.error).toMatch(
              new RegExp(`^Invalid ${type.replace('.', '\\.')} request: `),
            );
        },
      ),
    );
    expect(run).toMatchObject({ runs: RUNS, interrupted: false });
  });
});

describe('who may send what', () => {
  // A review tripwire: a new type a web page's content script may send must be
  // read-only and added here on purpose (entity.get: an actor's or place's record).
  test('the content script may send exactly the reviewed read-only types', () => {
    // page.read: the page's text, read and linked in the background (lexicon.get and
    // page.resolve are its steps, for extension pages only since the page no longer needs them).
    expect([...CONTENT_SENDABLE].toSorted()).toEqual(['entity.get', 'page.read']);
  });

  test.each<[string, MessageSender | undefined, boolean]>([
    ['a content script in a web page', WEB_PAGE, true],
    ['a content script in a page with no tab info', { url: 'http://127.0.0.1:9/x' }, true],
    ['a content script with only a tab', { tab: { id: 1 } }, true],
    ['a page whose URL imitates ours', { url: `https://x.example/${EXTENSION}` }, true],
    ['the popup', POPUP, false],
    ['the options page opened in a tab', OPTIONS_TAB, false],
    ['the service worker itself', { url: `${EXTENSION}background.js` }, false],
    ['an unknown sender (tests, the fake browser)', {}, false],
    ['no sender', undefined, false],
  ])('%s: from a web page = %s', (_name, sender, expected) => {
    expect(sentFromWebPage(sender, EXTENSION)).toBe(expected);
  });

  test.each(EXTENSION_ONLY)(
    '%s from a web page is refused and its handler never runs',
    async (type) => {
      const called: string[] = [];
      const handlers = Object.fromEntries(
        MESSAGE_TYPES.map((name) => [name, () => void called.push(name)]),
      ) as unknown as Handlers;
      handleMessages(handlers);
      const payload = type === 'page.reveal' ? { kind: 'figure', index: 0 } : {};
      const refusal = { ok: false, error: `${type} is not accepted from a web page` };
      expect(await deliver({ type, payload }, WEB_PAGE)).toEqual(refusal);
      expect(called).toEqual([]);
      // From the popup the sender check passes (the payload may still be refused by its schema).
      const fromPopup = await deliver({ type, payload }, POPUP);
      expect(fromPopup).not.toEqual(refusal);
      expect(called).toEqual(fromPopup?.ok ? [type] : []);
    },
  );
});

describe('no message a content script can send writes the synced dataset', () => {
  const parsed = parseDataset(bundledDataset);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const SYNCED = [
    'meta',
    'outlets',
    'actors',
    'places',
    'incidents',
    'reports',
    'figures',
  ] as const;
  let db: TriangulateDatabase;
  let counter = 0;

  beforeEach(() => {
    counter += 1;
    db = new TriangulateDatabase(`messages-fuzz-${counter}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  async function snapshot(): Promise<string> {
    const tables = await Promise.all(SYNCED.map((name) => db.table(name).toArray()));
    return JSON.stringify(tables);
  }

  test('lexicon.get, real and hostile page.resolve and page.read, and every refused type leave the tables byte-identical', async () => {
    const service = createBackgroundService(db, bundledDataset, () => undefined);
    handleMessages(service.handlers);
    handleMessages({
      'page.read': createPageReader({
        lexicon: async () => (await service.handlers['lexicon.get']?.({}))!,
        resolve: async (request) => (await service.handlers['page.resolve']?.(request))!,
      }),
    });
    await service.whenReady();
    const before = await snapshot();
    expect(JSON.parse(before)[6]).toHaveLength(parsed.dataset.figures.length);

    const html = readFileSync(
      join(import.meta.dirname, '../../fixtures/pages/000_730a5c529c7b08ea.html'),
      'utf8',
    );
    const { document } = parseHTML(html);
    const matcher = AliasMatcher.build(buildLexicon(parsed.dataset));
    const { layout: _layout, ...evidence } = readPageEvidence(
      {
        text: extractVisibleText(document.body).text,
        signals: collectPageSignals(document as unknown as Document),
      },
      matcher,
      parsed.dataset.outlets,
    );
    // page.resolve is page.read's second step: refused to web pages, answered to extension pages.
    expect((await deliver({ type: 'page.resolve', payload: { evidence } }, WEB_PAGE))?.ok).toBe(
      false,
    );
    const real = await deliver({ type: 'page.resolve', payload: { evidence } }, POPUP);
    expect(real?.ok).toBe(true);
    const read = await deliver(
      {
        type: 'page.read',
        payload: {
          text: extractVisibleText(document.body).text,
          signals: collectPageSignals(document as unknown as Document),
        },
      },
      WEB_PAGE,
    );
    expect(read?.ok).toBe(true);
    // The lexicon whole, and linking evidence a page made up, are refused to web pages.
    expect((await deliver({ type: 'lexicon.get', payload: {} }, WEB_PAGE))?.ok).toBe(false);
    expect((await deliver({ type: 'lexicon.get', payload: {} }, POPUP))?.ok).toBe(true);

    const replies = await Promise.all(
      fc
        .sample(
          fc.record({
            type: fc.constantFrom(...MESSAGE_TYPES, 'db.write', 'dataset.replace'),
            payload: fc.oneof(
              fc.anything({ maxDepth: 3 }),
              fc.constant({ evidence }),
              fc.constant({ kind: 'actor', id: 'nazarzoda' }),
              fc.constant({ text: 'Abdukhalim Nazarzoda', signals: {} }),
            ),
          }),
          { numRuns: 300, seed: 8 },
        )
        .map((message) => deliver(message, WEB_PAGE)),
    );
    expect(replies.filter((reply) => reply?.ok === true).length).toBeGreaterThan(0);
    for (const type of EXTENSION_ONLY) {
      const reply = await deliver({ type, payload: {} }, WEB_PAGE);
      if (reply !== undefined)
        expect(reply).toEqual({ ok: false, error: `${type} is not accepted from a web page` });
    }
    expect(await snapshot()).toBe(before);
  });
});
