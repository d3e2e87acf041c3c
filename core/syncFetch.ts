/**
 * Downloading a source: the manifest (with If-None-Match) and the snapshot
 * (streamed, stopped past the size cap), each under a timeout, refusing a
 * redirect to another origin. `fetch` is passed in so tests run this against
 * a real HTTP server; every failure is a SyncError with its code.
 */
import { MAX_MANIFEST_BYTES, parseManifest, type Manifest } from './manifest';
import { SyncError } from './syncPlan';

export interface FetchOptions {
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  /** Called with bytes received so far and the expected total. */
  onProgress?: (done: number, total: number) => void;
}

export type ManifestFetch =
  { status: 'not-modified' } | { status: 'ok'; manifest: Manifest; etag: string | null };

export async function fetchManifest(
  url: string,
  etag: string | null,
  options: FetchOptions,
): Promise<ManifestFetch> {
  return withTimeout(options.timeoutMs, async (signal) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (etag !== null) headers['if-none-match'] = etag;
    const response = await request(url, { headers, signal }, options.fetch);
    if (response.status === 304) return { status: 'not-modified' };
    const bytes = await readCapped(response, MAX_MANIFEST_BYTES, () => undefined);
    const parsed = parseManifest(new TextDecoder().decode(bytes));
    if (!parsed.ok) throw new SyncError({ code: 'manifest', detail: parsed.error });
    return { status: 'ok', manifest: parsed.manifest, etag: response.headers.get('etag') };
  });
}

/** The snapshot's bytes, exactly manifest.snapshot.bytes of them, or a SyncError. */
export async function fetchSnapshot(
  url: string,
  manifest: Manifest,
  maxBytes: number,
  options: FetchOptions,
): Promise<Uint8Array> {
  const expected = manifest.snapshot.bytes;
  if (expected > maxBytes) throw new SyncError({ code: 'too-large', detail: megabytes(maxBytes) });
  return withTimeout(options.timeoutMs, async (signal) => {
    const response = await request(url, { signal }, options.fetch);
    // One byte over the manifest's size is enough to know it is wrong.
    const bytes = await readCapped(response, expected, (done) =>
      options.onProgress?.(done, expected),
    );
    if (bytes.byteLength !== expected) {
      throw new SyncError({
        code: 'size',
        detail: `${bytes.byteLength} bytes received, ${expected} announced`,
      });
    }
    return bytes;
  });
}

async function request(
  url: string,
  init: RequestInit,
  fetchImpl: typeof globalThis.fetch,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      ...init,
      redirect: 'follow',
      cache: 'no-cache',
      credentials: 'omit',
    });
  } catch (error) {
    if (init.signal?.aborted) throw init.signal.reason;
    throw new SyncError({
      code: 'network',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  if (response.url && new URL(response.url).origin !== new URL(url).origin) {
    await response.body?.cancel();
    throw new SyncError({ code: 'redirect', detail: new URL(response.url).host });
  }
  if (response.status === 304) return response;
  if (!response.ok) {
    await response.body?.cancel();
    throw new SyncError({ code: 'http', detail: String(response.status) });
  }
  return response;
}

/**
 * Reads the body, stopping as soon as it passes `cap` (the rest is never
 * downloaded). Over the cap gives cap + 1 bytes' worth of length, so callers
 * comparing with an exact size see the mismatch.
 */
async function readCapped(
  response: Response,
  cap: number,
  onProgress: (done: number) => void,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > cap) {
    await response.body?.cancel();
    throw new SyncError({
      code: 'size',
      detail: `${declared} bytes announced by the server, ${cap} expected`,
    });
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > cap) {
      await reader.cancel();
      throw new SyncError({
        code: 'size',
        detail: `more than ${cap} bytes received, ${cap} expected`,
      });
    }
    chunks.push(value);
    onProgress(received);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function withTimeout<T>(
  timeoutMs: number,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const timeout = new SyncError({ code: 'timeout', detail: String(timeoutMs / 1000) });
  const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
  try {
    return await run(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw timeout;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function megabytes(bytes: number): string {
  return bytes < 1_000_000 ? `${bytes}-byte` : `${Math.round(bytes / 1_000_000)} MB`;
}
