/**
 * `npm run dataset -- <command>`: the dataset builder.
 *   build [--out dir] [--key private.pem] [--synthetic scale]
 *       data/ (or a synthetic dataset) -> dir/manifest.json + dir/snapshot.ndjson.gz
 *   keygen [--out dir]
 *       an Ed25519 pair: dir/dataset-key.pem (PKCS8, keep it secret) and the
 *       base64 raw public key to pin in Options (also dir/dataset-key.pub)
 *   verify <manifest file or URL> [--public-key base64]
 *       checks the manifest, the snapshot's size and SHA-256, every record,
 *       and the signature when a public key is given; exit 1 on any failure.
 * The output is plain static files: any web server or CDN can serve them.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { bundledDataset } from '../data/index';
import { parseManifest, snapshotUrl } from '../core/manifest';
import { parseDataset, type Dataset } from '../core/schema';
import { readSnapshot } from '../core/snapshot';
import { syntheticDataset } from '../core/synthetic';
import { checkSignature, checkSnapshot } from '../core/verify';
import { writeDatasetFiles } from './snapshotFile';

const USAGE = `usage: npm run dataset -- build [--out dir] [--key private.pem] [--synthetic scale]
       npm run dataset -- keygen [--out dir]
       npm run dataset -- verify <manifest file or URL> [--public-key base64]`;

async function build(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string', default: 'dist/dataset' },
      key: { type: 'string' },
      synthetic: { type: 'string' },
    },
  });
  const dataset = values.synthetic
    ? syntheticDataset({ scale: Number(values.synthetic) })
    : curated();
  const manifest = await writeDatasetFiles(dataset, values.out, values.key ?? null);
  const records = (['outlets', 'actors', 'places', 'incidents', 'reports', 'figures'] as const)
    .map((table) => `${dataset[table].length} ${table}`)
    .join(', ');
  console.log(
    `${manifest.datasetId} v${manifest.version}: ${records}\n` +
      `wrote ${join(values.out, 'manifest.json')} and ${join(values.out, manifest.snapshot.url)} ` +
      `(${manifest.snapshot.bytes} bytes, sha256 ${manifest.snapshot.sha256})` +
      (manifest.signature ? ', signed' : ', unsigned'),
  );
}

function curated(): Dataset {
  const parsed = parseDataset(bundledDataset);
  if (!parsed.ok) throw new Error(`data/ is not a valid dataset:\n${parsed.errors.join('\n')}`);
  return parsed.dataset;
}

async function keygen(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { out: { type: 'string', default: '.' } } });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const jwk = publicKey.export({ format: 'jwk' });
  const raw = Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
  await mkdir(values.out, { recursive: true });
  await writeFile(join(values.out, 'dataset-key.pem'), pem, { mode: 0o600 });
  await writeFile(join(values.out, 'dataset-key.pub'), `${raw}\n`);
  console.log(
    `private key: ${join(values.out, 'dataset-key.pem')} (keep it secret; pass it to build --key)\n` +
      `public key (pin it in Options): ${raw}`,
  );
}

async function verify(args: string[]): Promise<boolean> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'public-key': { type: 'string' } },
  });
  const target = positionals[0];
  if (target === undefined) throw new Error(USAGE);
  const manifestUrl = /^https?:\/\//.test(target) ? target : pathToFileURL(resolve(target)).href;
  const parsed = parseManifest(new TextDecoder().decode(await load(manifestUrl)));
  if (!parsed.ok) return fail(`manifest: ${parsed.error}`);
  const { manifest } = parsed;
  console.log(
    `manifest: ${manifest.datasetId} v${manifest.version}, published ${manifest.publishedAt}`,
  );
  if (values['public-key'] !== undefined) {
    const signature = await checkSignature(manifest, values['public-key']);
    if (signature !== 'ok') return fail(`signature: ${signature}`);
    console.log('signature: ok');
  } else {
    console.log(
      `signature: ${manifest.signature ? 'present, not checked (no --public-key)' : 'none'}`,
    );
  }
  const snapshotAddress = manifestUrl.startsWith('file:')
    ? new URL(manifest.snapshot.url, manifestUrl).href
    : snapshotUrl(manifest, manifestUrl);
  if (snapshotAddress === null) return fail('snapshot.url is not http(s)');
  const bytes = await load(snapshotAddress);
  const check = await checkSnapshot(bytes, manifest);
  if (check !== 'ok')
    return fail(
      check === 'size'
        ? `size: ${bytes.byteLength} bytes, manifest says ${manifest.snapshot.bytes}`
        : 'sha256 does not match',
    );
  console.log(`snapshot: ${bytes.byteLength} bytes, sha256 ok`);
  const dataset = await readSnapshot(bytes, { maxDecompressedBytes: 4_000_000_000 });
  if (!dataset.ok) return fail(`records:\n  ${dataset.errors.join('\n  ')}`);
  if (
    dataset.dataset.meta.version !== manifest.version ||
    dataset.dataset.meta.datasetId !== manifest.datasetId
  ) {
    return fail('the snapshot meta does not match the manifest');
  }
  console.log('records: all valid, every reference resolves');
  return true;
}

async function load(url: string): Promise<Uint8Array> {
  if (url.startsWith('file:')) return new Uint8Array(await readFile(new URL(url)));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function fail(message: string): false {
  console.error(`FAILED ${message}`);
  return false;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'build') return build(rest);
  if (command === 'keygen') return keygen(rest);
  if (command === 'verify') {
    if (!(await verify(rest))) process.exitCode = 1;
    return;
  }
  console.error(USAGE);
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
