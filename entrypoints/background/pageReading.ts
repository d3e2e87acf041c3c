/**
 * page.read: the background reads a page's text for the content script -
 * names, then (on a page that names something the dataset knows) facts,
 * figures, dates and layout - and links it with page.resolve. The reading
 * code (matcher, claims in three languages, dates) stays loaded and JIT-warm
 * here across pages and tabs, where every page's isolated world would meet it
 * cold: on a seed article that was 30-70 ms of the page's main thread. The
 * reading is done in slices (./reading/evidence.ts), so
 * a 2 MB page does not hold up other messages; its result is exactly
 * readPageEvidence's.
 */
import { AliasMatcher } from '../../core/matcher';
import type { PageSignals } from '../../core/types';
import { fitEvidence, REQUEST_LIMITS } from '../../messaging/requestLimits';
import { browser } from 'wxt/browser';
import {
  handleMessages,
  PAGE_READ_PORT,
  parsePageReadPart,
  parseRequest,
  type Handlers,
  type LexiconReply,
  type PortLike,
  type PageReadReply,
  type PageResolveReply,
  type Reply,
  type RequestOf,
} from '../../messaging/protocol';
import { createSlicer } from '../../page/scheduler';
import { joinEvidence } from './reading/evidence';
import { unpackMatcher } from './reading/matcherWire';
import { matchSliced } from './reading/matching';
import { readFactsOf, readFiguresSliced } from './reading/reading';

export interface PageReadingDeps {
  /** The lexicon with its compiled matcher (the service's 'lexicon.get', cached per dataset). */
  lexicon: () => Promise<LexiconReply>;
  /** The service's 'page.resolve'. */
  resolve: (request: RequestOf<'page.resolve'>) => Promise<PageResolveReply>;
}

/** No page sees this thread; slices only let other messages in on a very long page. */
const SLICE_MS = 40;

const EMPTY_REPLY: PageResolveReply = { incidents: [], claims: [], bundles: [] };

const never = () => false;

/** The page.read handler. */
export function createPageReader(
  deps: PageReadingDeps,
): (request: RequestOf<'page.read'>) => Promise<PageReadReply> {
  // One matcher per lexicon reply: the service makes a new reply when the data changes.
  const matchers = new WeakMap<LexiconReply, AliasMatcher>();
  const matcherFor = (lexicon: LexiconReply): AliasMatcher => {
    let matcher = matchers.get(lexicon);
    if (matcher === undefined) {
      matcher = matcherOf(lexicon);
      matchers.set(lexicon, matcher);
    }
    return matcher;
  };

  return async ({ text, signals }) => {
    const lexicon = await deps.lexicon();
    const slicer = createSlicer({ budgetMs: SLICE_MS });
    const input = { text, signals };
    const matches = (await matchSliced(text, matcherFor(lexicon), slicer, never)) ?? [];
    // Nothing known on the page: nothing to link, no need to read on.
    if (matches.length === 0) {
      const { facts } = fitEvidence({
        facts: readFactsOf(input, lexicon.outlets),
        matches: [],
        claims: [],
        dates: [],
      });
      return { facts, matches: [], reply: EMPTY_REPLY };
    }
    const figures = await readFiguresSliced(input, lexicon.outlets, slicer, never);
    if (figures === null) throw new Error('the reading was cut short');
    const evidence = fitEvidence(joinEvidence(matches, figures));
    const reply = await deps.resolve({ evidence, pageUrl: pageUrlOf(signals) });
    // An unlinked page shows no highlight: its names need not travel back.
    return {
      facts: evidence.facts,
      matches: reply.incidents.length === 0 ? [] : evidence.matches,
      reply,
    };
  };
}

/**
 * Answers page.read, as a message or over a PAGE_READ_PORT, with the
 * service's lexicon and resolution (a listener of its own: the service's
 * leaves a message type it does not handle to others).
 */
export function startPageReading(service: Handlers): () => void {
  const lexicon = service['lexicon.get'];
  const resolve = service['page.resolve'];
  if (lexicon === undefined || resolve === undefined) {
    throw new Error('page.read needs the service to answer lexicon.get and page.resolve');
  }
  const read = createPageReader({
    lexicon: async () => lexicon({}),
    resolve: async (request) => resolve(request),
  });
  const onConnect = (port: PortLike) => {
    if (port.name === PAGE_READ_PORT) servePageReadPort(port, read);
  };
  browser.runtime.onConnect.addListener(
    onConnect as Parameters<typeof browser.runtime.onConnect.addListener>[0],
  );
  const stop = handleMessages({ 'page.read': read });
  return () => {
    browser.runtime.onConnect.removeListener(
      onConnect as Parameters<typeof browser.runtime.onConnect.removeListener>[0],
    );
    stop();
  };
}

/**
 * Reads the page whose text arrives in parts on `port` (PAGE_READ_PORT):
 * every part is checked as it comes, the whole as one page.read request at
 * the end; the answer, or the first refusal, is the port's one reply.
 */
export function servePageReadPort(
  port: PortLike,
  read: (request: RequestOf<'page.read'>) => Promise<PageReadReply>,
): void {
  const parts: string[] = [];
  let length = 0;
  let done = false;
  const finish = (reply: Reply<PageReadReply>) => {
    if (done) return;
    done = true;
    parts.length = 0;
    try {
      port.postMessage(reply);
      port.disconnect();
    } catch {
      // The page went away meanwhile.
    }
  };
  port.onDisconnect.addListener(() => {
    done = true;
    parts.length = 0;
  });
  port.onMessage.addListener((message) => {
    if (done) return;
    const parsed = parsePageReadPart(message);
    if (!parsed.ok) {
      finish({ ok: false, error: parsed.error });
      return;
    }
    const { part } = parsed;
    if (part.type === 'text') {
      length += part.text.length;
      // Refused at once, not held until the end: a page cannot make the worker hoard text.
      if (length > REQUEST_LIMITS.textChars) {
        finish({
          ok: false,
          error: `Invalid page.read request: text: over ${REQUEST_LIMITS.textChars} characters`,
        });
        return;
      }
      parts.push(part.text);
      return;
    }
    const request = parseRequest({
      type: 'page.read',
      payload: { text: parts.join(''), signals: part.signals },
    });
    parts.length = 0;
    if (!request.ok) {
      finish({ ok: false, error: request.error });
      return;
    }
    read(request.envelope.payload as RequestOf<'page.read'>).then(
      (data) => finish({ ok: true, data }),
      (error: unknown) =>
        finish({
          ok: false,
          error: `page.read failed: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  });
}

/** The page's own address as it states it (canonical / og:url), else where it was loaded from. */
export function pageUrlOf(signals: PageSignals): string | null {
  const url = signals.url ?? signals.metas['og:url'] ?? null;
  return url === null ? null : url.slice(0, REQUEST_LIMITS.urlLength);
}

/** The compiled matcher, or one built from the entries when there is none or it cannot be read. */
function matcherOf(lexicon: LexiconReply): AliasMatcher {
  if (lexicon.compiled !== undefined) {
    try {
      return AliasMatcher.fromCompiled(unpackMatcher(lexicon.compiled));
    } catch {
      // Another format: build it here.
    }
  }
  return AliasMatcher.build(lexicon.entries);
}
