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

/** page.read for a text of any length up to REQUEST_LIMITS.textChars; `pause` gives the page a turn. */
export function createPageRead(
  transport: PageReadTransport,
  partChars: number = REQUEST_LIMITS.textPartChars,
): (request: RequestOf<'page.read'>, pause: () => Promise<void>) => Promise<PageReadReply> {
  return async (request, pause) => {
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
    for (let start = 0; start < request.text.length && open(); start += partChars) {
      post({ type: 'text', text: request.text.slice(start, start + partChars) });
      await pause();
    }
    if (open()) post({ type: 'end', signals: request.signals });
    return replied;
  };
}
