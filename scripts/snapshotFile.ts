/**
 * Node side of the dataset builder: writes a dataset as the gzip NDJSON
 * snapshot and its manifest (signed when a private key is given), streaming,
 * so a synthetic dataset of a million figures never becomes one string.
 */
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip, constants } from 'node:zlib';
import { SNAPSHOT_FORMAT, canonicalManifestBytes, type Manifest } from '../core/manifest';
import { snapshotLines } from '../core/snapshot';
import type { Dataset } from '../core/schema';

export const SNAPSHOT_FILE = 'snapshot.ndjson.gz';
export const MANIFEST_FILE = 'manifest.json';

/** Gzips lines (joined by '\n') into bytes; deterministic (no file name or time in the header). */
export async function gzipLines(lines: Iterable<string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(
    Readable.from(withNewlines(lines)),
    createGzip({ level: constants.Z_BEST_COMPRESSION }),
    async (compressed: AsyncIterable<Buffer>) => {
      for await (const chunk of compressed) chunks.push(chunk);
    },
  );
  return Buffer.concat(chunks);
}

function* withNewlines(lines: Iterable<string>): Generator<string> {
  let batch = '';
  for (const line of lines) {
    batch += `${line}\n`;
    if (batch.length > 1_000_000) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/** The manifest for these snapshot bytes, signed with the PKCS8 PEM key when one is given. */
export function makeManifest(
  dataset: Dataset,
  snapshot: Uint8Array,
  privateKeyPem: string | null,
  snapshotName = SNAPSHOT_FILE,
): Manifest {
  const unsigned: Manifest = {
    schema: dataset.meta.schema,
    datasetId: dataset.meta.datasetId,
    version: dataset.meta.version,
    publishedAt: dataset.meta.publishedAt,
    snapshot: {
      url: snapshotName,
      format: SNAPSHOT_FORMAT,
      sha256: createHash('sha256').update(snapshot).digest('hex'),
      bytes: snapshot.byteLength,
    },
  };
  if (privateKeyPem === null) return unsigned;
  return { ...unsigned, signature: signManifest(unsigned, privateKeyPem) };
}

export function signManifest(manifest: Manifest, privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem);
  return sign(null, canonicalManifestBytes(manifest), key).toString('base64');
}

/** Writes manifest.json and the snapshot into `dir`; returns the manifest. */
export async function writeDatasetFiles(
  dataset: Dataset,
  dir: string,
  privateKeyPath: string | null,
): Promise<Manifest> {
  await mkdir(dir, { recursive: true });
  const snapshot = await gzipLines(snapshotLines(dataset));
  const pem = privateKeyPath === null ? null : await readFile(privateKeyPath, 'utf8');
  const manifest = makeManifest(dataset, snapshot, pem);
  await pipeline(Readable.from([snapshot]), createWriteStream(join(dir, SNAPSHOT_FILE)));
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
