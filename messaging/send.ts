/**
 * The typed way to message the background (re-exported by
 * messaging/protocol.ts). A module of its own so a sender - the content
 * script - takes only this, not the protocol's request schemas.
 */
import { browser } from 'wxt/browser';
import type { Envelope, MessageType, Reply, RequestOf, ResponseOf } from './protocol';

/** Sends a request to the background and returns its data; a refusal becomes an Error. */
export async function sendMessage<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const envelope: Envelope<T> = { type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<T>> | undefined;
  if (reply === undefined || reply === null) throw new Error(`No reply to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
