/**
 * The content script's side of messaging/protocol.ts: it answers the three
 * popup-to-content messages, checked here by hand. The protocol's own
 * handleMessages validates every message type with valibot, which would more
 * than double what the content script needs for these three small shapes;
 * test/unit/contentMessages.test.ts holds these checks to the protocol's
 * request schemas message by message. Only the extension can message a
 * content script, so a message of another type is left alone.
 */
import { browser } from 'wxt/browser';
import type { PopupToContent, Reply, RequestOf, ResponseOf } from '../../messaging/protocol';
import { REQUEST_LIMITS } from '../../messaging/requestLimits';

type ContentType = keyof PopupToContent;

export type ContentHandlers = {
  [T in ContentType]: (payload: RequestOf<T>) => ResponseOf<T> | Promise<ResponseOf<T>>;
};

export type ContentRequest = {
  [T in ContentType]: { type: T; payload: RequestOf<T> };
}[ContentType];

/** Any object, as valibot's v.object() takes it (an array too: its fields are read like any other). */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= REQUEST_LIMITS.idLength;

/** Each message's payload check; returns the payload as the handler gets it, or an error. */
const PAYLOADS: {
  [T in ContentType]: (payload: Record<string, unknown>) => RequestOf<T> | string;
} = {
  'page.summary': () => ({}),
  'page.reveal': (payload) => {
    const { kind } = payload;
    if (kind === 'figure') {
      const { index } = payload;
      return typeof index === 'number' &&
        Number.isInteger(index) &&
        index >= 0 &&
        index <= REQUEST_LIMITS.claims
        ? { kind, index }
        : 'index: a whole number from 0';
    }
    if (kind === 'actor' || kind === 'place' || kind === 'incident') {
      return isId(payload.id) ? { kind, id: payload.id } : 'id: an id';
    }
    return 'kind: figure, actor, place or incident';
  },
  'page.step': ({ direction }) =>
    direction === 'next' || direction === 'previous'
      ? { direction }
      : 'direction: next or previous',
};

/**
 * The request a message carries: null when it is not one of the content
 * script's types, an error when its payload is malformed.
 */
export function parseContentRequest(
  message: unknown,
): { ok: true; request: ContentRequest } | { ok: false; error: string } | null {
  if (!isRecord(message) || typeof message.type !== 'string') return null;
  const { type } = message;
  if (!Object.hasOwn(PAYLOADS, type)) return null;
  const contentType = type as ContentType;
  const payload = message.payload;
  const parsed = isRecord(payload) ? PAYLOADS[contentType](payload) : 'payload: an object';
  if (typeof parsed === 'string') {
    return { ok: false, error: `Invalid ${contentType} request: ${parsed}` };
  }
  return { ok: true, request: { type: contentType, payload: parsed } as ContentRequest };
}

/** Answers the popup-to-content messages; returns a function that stops listening. */
export function handleContentMessages(handlers: ContentHandlers): () => void {
  const listener = (
    message: unknown,
    _sender: unknown,
    sendResponse: (reply: Reply<unknown>) => void,
  ): true | undefined => {
    const parsed = parseContentRequest(message);
    if (parsed === null) return undefined;
    if (!parsed.ok) {
      sendResponse({ ok: false, error: parsed.error });
      return true;
    }
    const { type, payload } = parsed.request;
    const handler = handlers[type] as (payload: unknown) => unknown;
    Promise.resolve()
      .then(() => handler(payload))
      .then(
        (data) => sendResponse({ ok: true, data }),
        (error: unknown) =>
          sendResponse({
            ok: false,
            error: `${type} failed: ${error instanceof Error ? error.message : String(error)}`,
          }),
      );
    return true;
  };
  const onMessage = browser.runtime.onMessage;
  onMessage.addListener(listener as Parameters<typeof onMessage.addListener>[0]);
  return () => onMessage.removeListener(listener as Parameters<typeof onMessage.removeListener>[0]);
}
