/**
 * Reading what the user typed to add a dataset source: the manifest's address
 * (http(s), checked with the settings' own DatasetSourceSchema), an optional
 * pinned Ed25519 public key (base64 of exactly 32 bytes), no duplicate, no
 * more than the settings hold. Pure, so every refusal is tested word for word;
 * the options page only asks for the host permission once this says yes.
 */
import * as v from 'valibot';
import { base64ToBytes } from '../../core/verify';
import { DatasetSourceSchema, type DatasetSource } from '../../core/settings';
import { originPattern } from '../../core/sourceOrigin';

/** settings.sources holds at most this many (core/settings.ts). */
export const MAX_SOURCES = 20;
const ED25519_KEY_BYTES = 32;

export type SourceDraft =
  { ok: true; source: DatasetSource } | { ok: false; field: 'url' | 'publicKey'; error: string };

export function readSourceDraft(
  urlText: string,
  keyText: string,
  existing: readonly DatasetSource[],
): SourceDraft {
  const url = urlText.trim();
  if (url === '') {
    return { ok: false, field: 'url', error: 'Enter the address of a dataset manifest.' };
  }
  const key = keyText.trim();
  const parsed = v.safeParse(DatasetSourceSchema, {
    url,
    publicKey: key === '' ? null : key,
    enabled: true,
  });
  if (!parsed.success || originPattern(url) === null) {
    return {
      ok: false,
      field: 'url',
      error: 'The address must be a full web address starting with https:// (or http://).',
    };
  }
  if (existing.some((source) => source.url === url)) {
    return { ok: false, field: 'url', error: 'This source is already in the list.' };
  }
  if (existing.length >= MAX_SOURCES) {
    return {
      ok: false,
      field: 'url',
      error: `At most ${MAX_SOURCES} sources: remove one before adding another.`,
    };
  }
  if (key !== '') {
    const bytes = base64ToBytes(key);
    if (bytes === null) {
      return {
        ok: false,
        field: 'publicKey',
        error: 'The public key must be base64 (44 characters ending in "=" for an Ed25519 key).',
      };
    }
    if (bytes.length !== ED25519_KEY_BYTES) {
      return {
        ok: false,
        field: 'publicKey',
        error: `The public key is ${bytes.length} bytes long; an Ed25519 public key is ${ED25519_KEY_BYTES}.`,
      };
    }
  }
  return { ok: true, source: parsed.output };
}

/**
 * Whether removing `url` should give its host permission back: not while
 * another remaining source needs the same origin.
 */
export function releasesPermission(url: string, remaining: readonly DatasetSource[]): boolean {
  const pattern = originPattern(url);
  return pattern !== null && !remaining.some((source) => originPattern(source.url) === pattern);
}

/** A source fetched over plain http with no pinned key can be altered on the way. */
export function isUnprotected(source: DatasetSource): boolean {
  return /^http:/i.test(source.url) && (source.publicKey === null || source.publicKey === '');
}
