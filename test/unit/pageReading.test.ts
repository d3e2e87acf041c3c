// page.read: the background reads a page exactly as readPageEvidence does, and a long text
// crosses from the page in parts over a port, checked part by part and whole.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test, vi } from 'vitest';
import { readPageEvidence } from '../../core/evidence';
import { buildLexicon } from '../../core/lexicon';
import { AliasMatcher } from '../../core/matcher';
import { parseDataset } from '../../core/schema';
import type { PageSignals } from '../../core/types';
import { bundledDataset } from '../../data/index';
import { createPageReader, servePageReadPort } from '../../entrypoints/background/pageReading';
import { packMatcher } from '../../entrypoints/background/reading/matcherWire';
import { createPageRead, safeCut } from '../../entrypoints/content/pageRead';
import {
  fitEvidence,
  PAGE_READ_PORT,
  parseRequest,
  REQUEST_LIMITS,
  type LexiconReply,
  type PageReadReply,
  type PageResolveReply,
  type PortLike,
  type RequestOf,
} from '../../messaging/protocol';
import { collectPageSignals } from '../../page/signals';
import { extractVisibleText } from '../../page/visibleText';

const parsed = parseDataset(bundledDataset);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const entries = buildLexicon(parsed.dataset);
const outlets = parsed.dataset.outlets;
const built = AliasMatcher.build(entries);
const lexicons: Record<string, LexiconReply> = {
  'entries only': { datasetVersion: 1, entries, outlets },
  'compiled matcher': {
    datasetVersion: 1,
    entries,
    outlets,
    compiled: packMatcher(built.toCompiled()),
  },
  'unreadable compiled matcher': {
    datasetVersion: 1,
    entries,
    outlets,
    compiled: { format: -1 } as unknown as LexiconReply['compiled'],
  },
};

const FIXTURES = join(import.meta.dirname, '../fixtures');
const pages = ['pages', 'negative'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(dir, name)),
);

function pageInput(file: string): { text: string; signals: PageSignals } {
  const { document } = parseHTML(readFileSync(join(FIXTURES, file), 'utf8'));
  return { text: extractVisibleText(document).text, signals: collectPageSignals(document) };
}

const LINKED: PageResolveReply = {
  incidents: [
    { incidentId: 'tj-2015-09-04-dushanbe-vahdat-attacks', score: 10, reasons: [] },
  ] as unknown as PageResolveReply['incidents'],
  claims: [],
  bundles: [],
};
const UNLINKED: PageResolveReply = { incidents: [], claims: [], bundles: [] };

describe('createPageReader', () => {
  test.each(pages.flatMap((page) => Object.keys(lexicons).map((lexicon) => ({ page, lexicon }))))(
    '$page with $lexicon: the evidence readPageEvidence reads, fitted',
    async (c) => {
      const input = pageInput(c.page);
      const resolve = vi.fn(async (_request: RequestOf<'page.resolve'>) => LINKED);
      const read = createPageReader({
        lexicon: async () => lexicons[c.lexicon] as LexiconReply,
        resolve,
      });
      const reply = await read(input);
      const whole = fitEvidence(readPageEvidence(input, built, outlets));
      expect(reply.facts).toEqual(whole.facts);
      if (whole.matches.length === 0) {
        // Nothing known on the page: nothing read beyond the names, nothing linked.
        expect(resolve).not.toHaveBeenCalled();
        expect(reply).toEqual({ facts: whole.facts, matches: [], reply: UNLINKED });
        return;
      }
      expect(resolve).toHaveBeenCalledTimes(1);
      expect(resolve.mock.calls[0]?.[0]).toEqual({
        evidence: whole,
        pageUrl: input.signals.url ?? input.signals.metas['og:url'] ?? null,
      });
      expect(reply).toEqual({ facts: whole.facts, matches: whole.matches, reply: LINKED });
    },
  );

  test('a page linked to nothing gets its facts back, and no names to highlight', async () => {
    const input = pageInput('pages/000_730a5c529c7b08ea.html');
    const read = createPageReader({
      lexicon: async () => lexicons['compiled matcher'] as LexiconReply,
      resolve: async () => UNLINKED,
    });
    const reply = await read(input);
    expect(reply.matches).toEqual([]);
    expect(reply.reply).toEqual(UNLINKED);
    expect(reply.facts.publishedAt).toBe('2015-09-04');
  });

  test('the matcher is made once per lexicon reply, again when the reply changes', async () => {
    const fromCompiled = vi.spyOn(AliasMatcher, 'fromCompiled');
    let lexicon = { ...(lexicons['compiled matcher'] as LexiconReply) };
    const read = createPageReader({ lexicon: async () => lexicon, resolve: async () => LINKED });
    const input = pageInput('pages/000_730a5c529c7b08ea.html');
    await read(input);
    await read(input);
    expect(fromCompiled).toHaveBeenCalledTimes(1);
    lexicon = { ...lexicon };
    await read(input);
    expect(fromCompiled).toHaveBeenCalledTimes(2);
    fromCompiled.mockRestore();
  });
});

/** Two ends of a port in memory; messages cross as JSON, as Chrome sends them, a task later. */
function portPair(name: string): { page: PortLike; worker: PortLike; posted: unknown[] } {
  const posted: unknown[] = [];
  const listeners = {
    page: { message: [] as ((m: unknown) => void)[], gone: [] as (() => void)[] },
    worker: { message: [] as ((m: unknown) => void)[], gone: [] as (() => void)[] },
  };
  const end = (own: 'page' | 'worker'): PortLike => {
    const other = listeners[own === 'page' ? 'worker' : 'page'];
    return {
      name,
      postMessage(message) {
        if (own === 'page') posted.push(message);
        const copy = JSON.parse(JSON.stringify(message)) as unknown;
        setTimeout(() => other.message.forEach((listener) => listener(copy)));
      },
      disconnect() {
        setTimeout(() => other.gone.forEach((listener) => listener()));
      },
      onMessage: { addListener: (listener) => listeners[own].message.push(listener) },
      onDisconnect: { addListener: (listener) => listeners[own].gone.push(listener) },
    };
  };
  return { page: end('page'), worker: end('worker'), posted };
}

const SIGNALS: PageSignals = {
  url: null,
  title: 'T',
  lang: 'en',
  metas: {},
  jsonLd: [],
  times: [],
};
const noPause = () => Promise.resolve();

/** A page.read sender whose long texts go over an in-memory port to servePageReadPort. */
function overPort(
  read: (request: RequestOf<'page.read'>) => Promise<PageReadReply>,
  partChars: number,
  maxChars?: number,
) {
  const ports: ReturnType<typeof portPair>[] = [];
  const send = vi.fn(read);
  const pageRead = createPageRead(
    {
      send,
      connect: (name) => {
        const pair = portPair(name);
        ports.push(pair);
        servePageReadPort(pair.worker, read);
        return pair.page;
      },
    },
    partChars,
    maxChars,
  );
  return { pageRead, ports, send };
}

const REPLY: PageReadReply = {
  facts: {
    title: null,
    outletId: null,
    outletName: null,
    publishedAt: null,
    publishedAtSource: null,
    language: null,
  },
  matches: [],
  reply: UNLINKED,
};

describe('page.read over a port', () => {
  test('a text of one part goes as one message', async () => {
    const { pageRead, ports, send } = overPort(async () => REPLY, 100);
    await expect(pageRead({ text: 'x'.repeat(100), signals: SIGNALS }, noPause)).resolves.toEqual(
      REPLY,
    );
    expect(send).toHaveBeenCalledTimes(1);
    expect(ports).toEqual([]);
  });

  test('a longer text arrives whole, in parts of at most partChars, the page paused between them', async () => {
    const text = Array.from({ length: 2_000 }, (_, i) => `Paragraph ${i}.`).join('\n');
    const read = vi.fn(async () => REPLY);
    const { pageRead, ports } = overPort(read, 1_000);
    const pause = vi.fn(noPause);
    await expect(pageRead({ text, signals: SIGNALS }, pause)).resolves.toEqual(REPLY);
    expect(read).toHaveBeenCalledWith({ text, signals: SIGNALS });
    const [pair] = ports;
    expect(pair?.page.name).toBe(PAGE_READ_PORT);
    const parts = pair?.posted as { type: string; text?: string }[];
    expect(parts.at(-1)).toEqual({ type: 'end', signals: SIGNALS });
    const texts = parts.filter((part) => part.type === 'text').map((part) => part.text ?? '');
    expect(texts.join('')).toBe(text);
    expect(Math.max(...texts.map((t) => t.length))).toBe(1_000);
    expect(pause).toHaveBeenCalledTimes(texts.length);
  });

  test('a surrogate pair is never split between parts, nor by the cap', async () => {
    // 'x😀' repeated: every other unit pair is an emoji; parts of 4 would cut inside some.
    const text = 'x\u{1F600}'.repeat(50);
    const read = vi.fn(async (_request: RequestOf<'page.read'>) => REPLY);
    const { pageRead, ports } = overPort(read, 4, 101);
    await pageRead({ text, signals: SIGNALS }, noPause);
    const sent = read.mock.calls[0]?.[0] as RequestOf<'page.read'>;
    expect(sent.text).toBe(text.slice(0, 100)); // 101 would cut the 34th emoji in two
    const parts = ((ports[0]?.posted ?? []) as { type: string; text?: string }[])
      .filter((part) => part.type === 'text')
      .map((part) => part.text ?? '');
    expect(parts.join('')).toBe(sent.text);
    for (const part of parts) expect(part.isWellFormed()).toBe(true);
  });

  test('a text over the cap is read from its beginning', async () => {
    const read = vi.fn(async () => REPLY);
    const { pageRead, send } = overPort(read, 1_000, 10);
    await pageRead({ text: 'abcdefghijklmnop', signals: SIGNALS }, noPause);
    expect(send).toHaveBeenCalledWith({ text: 'abcdefghij', signals: SIGNALS });
  });

  test.each<[string, unknown[], string]>([
    ['not a part', [{ type: 'text' }], 'Invalid page.read part: text: Invalid key'],
    [
      'a part over the part cap',
      [{ type: 'text', text: 'x'.repeat(REQUEST_LIMITS.textPartChars + 1) }],
      `Invalid page.read part: text: Invalid length: Expected <=${REQUEST_LIMITS.textPartChars}`,
    ],
    [
      'parts over the text cap',
      Array.from(
        { length: Math.ceil(REQUEST_LIMITS.textChars / REQUEST_LIMITS.textPartChars) + 1 },
        () => ({ type: 'text', text: 'x'.repeat(REQUEST_LIMITS.textPartChars) }),
      ),
      `Invalid page.read request: text: over ${REQUEST_LIMITS.textChars} characters`,
    ],
    [
      'bad signals at the end',
      [
        { type: 'text', text: 'abc' },
        { type: 'end', signals: { ...SIGNALS, jsonLd: 'x' } },
      ],
      'Invalid page.read part: signals.jsonLd: Invalid type',
    ],
  ])('%s: refused with one reply, the page not read', async (_name, parts, error) => {
    const pair = portPair(PAGE_READ_PORT);
    const read = vi.fn(async () => REPLY);
    servePageReadPort(pair.worker, read);
    const replies: unknown[] = [];
    pair.page.onMessage.addListener((message) => replies.push(message));
    const port = pair.page;
    for (const part of [...parts, { type: 'end', signals: SIGNALS }]) port.postMessage(part);
    await vi.waitFor(() => expect(replies.length).toBeGreaterThan(0), { timeout: 5_000 });
    await new Promise((done) => setTimeout(done, 20));
    expect(read).not.toHaveBeenCalled();
    expect(replies).toHaveLength(1);
    expect((replies[0] as { ok: boolean; error: string }).ok).toBe(false);
    expect((replies[0] as { error: string }).error).toContain(error);
  });

  test('a failed reading comes back to the page as an error', async () => {
    const { pageRead } = overPort(async () => {
      throw new Error('no lexicon');
    }, 10);
    await expect(pageRead({ text: 'x'.repeat(25), signals: SIGNALS }, noPause)).rejects.toThrow(
      'page.read failed: no lexicon',
    );
  });

  test('a worker that goes away before answering is an error, not a hang', async () => {
    const pair = portPair(PAGE_READ_PORT);
    pair.worker.onMessage.addListener(() => pair.worker.disconnect());
    const pageRead = createPageRead({ send: async () => REPLY, connect: () => pair.page }, 10);
    await expect(pageRead({ text: 'x'.repeat(25), signals: SIGNALS }, noPause)).rejects.toThrow(
      'No reply to page.read',
    );
  });
});

describe('safeCut', () => {
  test.each<[string, number, number]>([
    ['abc', 2, 2],
    ['abc', 0, 0],
    ['abc', 5, 3],
    ['a\u{1F600}b', 2, 1], // between the halves of the emoji: before it
    ['a\u{1F600}b', 3, 3], // after the emoji
    ['a\u{1F600}b', 1, 1],
    ['a\uD800b', 2, 2], // a lone high surrogate is no pair
  ])('%j at %i -> %i', (text, at, cut) => {
    expect(safeCut(text, at)).toBe(cut);
  });
});

describe('the page.read request', () => {
  test('a real page is accepted; a text over the cap is not', () => {
    const input = pageInput('pages/000_730a5c529c7b08ea.html');
    expect(parseRequest({ type: 'page.read', payload: input }).ok).toBe(true);
    const over = { ...input, text: 'x'.repeat(REQUEST_LIMITS.textChars + 1) };
    expect(parseRequest({ type: 'page.read', payload: over })).toMatchObject({ ok: false });
  });

  test('signals beyond what collectPageSignals collects are refused', () => {
    const metas = Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`m${i}`, 'v']));
    expect(
      parseRequest({ type: 'page.read', payload: { text: '', signals: { ...SIGNALS, metas } } }),
    ).toEqual({
      ok: false,
      error: 'Invalid page.read request: signals.metas: at most 300 meta tags',
    });
  });
});
