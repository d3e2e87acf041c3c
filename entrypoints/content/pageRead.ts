/**
 * Sends the page's text to the background to be read and linked (page.read).
 * A text of one part goes as one message; a longer one over a port
 * (PAGE_READ_PORT, messaging/requestLimits.ts) part by part, the page getting a
 * turn between parts: a message is serialised whole in the page's main
 * thread, and 3 MB in one message was a 51 ms task.
 */
import type {
  PageReadPart,
  PageReadReply,
  PortLike,
  Reply,
  RequestOf,
} from '../../messaging/protocol';
import { PAGE_READ_PORT, REQUEST_LIMITS } from '../../messaging/requestLimits';

export interface PageReadTransport {
  /** One page.read message. */
  send: (request: RequestOf<'page.read'>) => Promise<PageReadReply>;
  /** A port to the background under `name` (runtime.connect). */
  connect: (name: string) => PortLike;
}

/**
 * Where to cut `text` at or before `at` without splitting a surrogate pair
 * (each half would arrive as U+FFFD): one unit earlier when `at` falls inside
 * a pair. Offsets stay those of the page's text either way.
 */
export function safeCut(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(at, text.length));
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  const inPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return inPair ? at - 1 : at;
}

/**
 * page.read for a text of any length: its first REQUEST_LIMITS.textChars
 * units are read (a longer page is annotated from its beginning); `pause`
 * gives the page a turn between parts.
 */
export function createPageRead(
  transport: PageReadTransport,
  partChars: number = REQUEST_LIMITS.textPartChars,
  maxChars: number = REQUEST_LIMITS.textChars,
): (request: RequestOf<'page.read'>, pause: () => Promise<void>) => Promise<PageReadReply> {
  return async (whole, pause) => {
    const request =
      whole.text.length <= maxChars
        ? whole
        : { ...whole, text: whole.text.slice(0, safeCut(whole.text, maxChars)) };
    if (request.text.length <= partChars) return transport.send(request);
    const port = transport.connect(PAGE_READ_PORT);
    let closed = false;
    const replied = new Promise<PageReadReply>((resolve, reject) => {
      port.onMessage.addListener((message) => {
        const reply = message as Reply<PageReadReply> | null;
        closed = true;
        port.disconnect();
        if (reply?.ok === true) resolve(reply.data);
        else reject(new Error(reply?.ok === false ? reply.error : 'No reply to page.read'));
      });
      port.onDisconnect.addListener(() => {
        closed = true;
        reject(new Error('No reply to page.read'));
      });
    });
    const post = (part: PageReadPart) => port.postMessage(part);
    // The background may answer early (a refusal) or go away while the page pauses.
    const open = () => !closed;
    const { text } = request;
    for (let start = 0; start < text.length && open();) {
      // A part of one unit less when a pair would be split; never empty (partChars >= 2).
      const end = Math.max(start + 1, safeCut(text, start + partChars));
      post({ type: 'text', text: text.slice(start, end) });
      start = end;
      await pause();
    }
    if (open()) post({ type: 'end', signals: request.signals });
    return replied;
  };
}
