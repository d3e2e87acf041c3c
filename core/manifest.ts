/**
 * The dataset manifest: the small signed file a source URL points at. It names
 * the dataset and its version and pins the snapshot by size and SHA-256, so a
 * signature over the manifest covers the snapshot too. `canonicalManifestBytes`
 * is what is signed: the manifest without `signature`, as JSON with sorted
 * keys and no spaces, UTF-8.
 */
import * as v from 'valibot';
import { SCHEMA_VERSION } from './schema';

/** The snapshot's format: gzip-compressed NDJSON, one `{"table","record"}` line per record. */
export const SNAPSHOT_FORMAT = 'ndjson+gzip';

/** The most a manifest may weigh; anything larger is refused unread. */
export const MAX_MANIFEST_BYTES = 16_384;

export const ManifestSchema = v.strictObject({
  schema: v.literal(SCHEMA_VERSION),
  datasetId: v.pipe(v.string(), v.maxLength(80), v.regex(/^[a-z0-9][a-z0-9.-]*$/)),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  publishedAt: v.pipe(v.string(), v.isoTimestamp()),
  snapshot: v.strictObject({
    /** Relative to the manifest's own URL (or absolute http(s)). */
    url: v.pipe(v.string(), v.minLength(1), v.maxLength(2_048)),
    format: v.literal(SNAPSHOT_FORMAT),
    /** Of the compressed file as served, lower-case hex. */
    sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'sha256 is 64 lower-case hex digits')),
    bytes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
  /** Base64 Ed25519 signature over canonicalManifestBytes. */
  signature: v.optional(v.pipe(v.string(), v.maxLength(200), v.regex(/^[A-Za-z0-9+/]+=*$/))),
});

export type Manifest = v.InferOutput<typeof ManifestSchema>;

export type ManifestResult = { ok: true; manifest: Manifest } | { ok: false; error: string };

/** Parses a manifest's text; the error names the first problem. */
export function parseManifest(text: string): ManifestResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  const parsed = v.safeParse(ManifestSchema, json, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = (issue?.path ?? []).map((item) => String(item.key)).join('.');
    return { ok: false, error: `${path || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, manifest: parsed.output };
}

/** JSON with object keys sorted at every level and no whitespace: one byte string per value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The bytes a signature covers: the manifest minus its signature, canonical JSON, UTF-8. */
export function canonicalManifestBytes(manifest: Manifest): Uint8Array {
  const { signature: _signature, ...unsigned } = manifest;
  return new TextEncoder().encode(canonicalJson(unsigned));
}

/** The snapshot's absolute URL, resolved against the manifest's (null when not http(s)). */
export function snapshotUrl(manifest: Manifest, manifestUrl: string): string | null {
  try {
    const url = new URL(manifest.snapshot.url, manifestUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
