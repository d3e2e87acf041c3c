/**
 * Checks that downloaded bytes are what the manifest promised: their size,
 * their SHA-256, and (when the user pinned a public key) the Ed25519
 * signature of the manifest that pins them. Web Crypto only
 * (globalThis.crypto.subtle), the same in the service worker and in Node 20.
 */
import { canonicalManifestBytes, type Manifest } from './manifest';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function base64ToBytes(base64: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) return null;
  const binary = atob(base64);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export type SnapshotCheck = 'ok' | 'size' | 'checksum';

/** Size first (cheap), then the hash. */
export async function checkSnapshot(bytes: Uint8Array, manifest: Manifest): Promise<SnapshotCheck> {
  if (bytes.byteLength !== manifest.snapshot.bytes) return 'size';
  return (await sha256Hex(bytes)) === manifest.snapshot.sha256 ? 'ok' : 'checksum';
}

export type SignatureCheck = 'ok' | 'missing' | 'bad' | 'bad-key';

/** Verifies the manifest's signature with a base64 raw 32-byte Ed25519 public key. */
export async function checkSignature(
  manifest: Manifest,
  publicKey: string,
): Promise<SignatureCheck> {
  const keyBytes = base64ToBytes(publicKey.trim());
  if (keyBytes === null || keyBytes.byteLength !== 32) return 'bad-key';
  if (manifest.signature === undefined) return 'missing';
  const signature = base64ToBytes(manifest.signature);
  if (signature === null || signature.byteLength !== 64) return 'bad';
  const subtle = globalThis.crypto.subtle;
  let key: CryptoKey;
  try {
    key = await subtle.importKey(
      'raw',
      keyBytes as Uint8Array<ArrayBuffer>,
      { name: 'Ed25519' },
      false,
      ['verify'],
    );
  } catch {
    return 'bad-key';
  }
  const valid = await subtle.verify(
    { name: 'Ed25519' },
    key,
    signature as Uint8Array<ArrayBuffer>,
    canonicalManifestBytes(manifest) as Uint8Array<ArrayBuffer>,
  );
  return valid ? 'ok' : 'bad';
}
