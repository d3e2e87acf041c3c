/**
 * What every end-to-end test (and `npm start`) needs: the built extension,
 * the fixture pages on a local HTTP server, and a Chromium that loads the
 * extension, driven by playwright-core. A missing build or browser is a
 * failure with instructions, never a skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { MAIN_SCRIPT_PATH } from '../../entrypoints/content/mainScript';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'test/fixtures');
export const PAGES_DIR = join(FIXTURES_DIR, 'pages');
export const ARTIFACTS_DIR = join(ROOT, 'artifacts');

export function requireBuiltExtension(): string {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${EXTENSION_DIR}: run \`npm run build\` first (\`npm test\` builds before the e2e run).`,
    );
  }
  return EXTENSION_DIR;
}

/**
 * The scripts every page loads, paths relative to the built extension: the
 * content scripts the manifest injects and the main script they import
 * (entrypoints/content/mainScript.ts). The popover's UI is left out: it
 * loads only on a page with something to show.
 */
export function contentScriptFiles(extensionDir: string = EXTENSION_DIR): string[] {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const injected = (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []);
  return [...injected, MAIN_SCRIPT_PATH.replace(/^\//, '')];
}

export function chromiumPath(): string {
  const candidate = process.env.TRIANGULATE_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(
      `No Chromium at ${candidate}. Install Debian's: \`apt-get update && apt-get install -y chromium\`, or set TRIANGULATE_CHROMIUM to a Chromium binary.`,
    );
  }
  return candidate;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a random port; nothing outside `dir` is reachable. */
export async function serveDirectory(dir: string = PAGES_DIR): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        });
        response.end(body);
      },
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** A fresh profile with the extension loaded; resolves once its service worker runs. */
export async function launchWithExtension(
  options: { headless?: boolean; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? requireBuiltExtension();
  const userDataDir = await mkdtemp(join(tmpdir(), 'triangulate-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1200, height: 900 },
    args: extensionArgs(extensionDir),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium's flags for a headless test run with one unpacked extension loaded (and nothing else). */
export function extensionArgs(extensionDir: string, extra: readonly string[] = []): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    ...extra,
  ];
}

/** Highlight names registered in the page's document, with their range counts. */
export const READ_HIGHLIGHTS = `(() => {
  const out = {};
  for (const [name, highlight] of CSS.highlights) out[name] = highlight.size;
  return out;
})()`;

/**
 * Record counts per table of the extension's IndexedDB, read inside the
 * service worker. The dataset tables are counted in the set readers use
 * (syncState 'liveSet', db/database.ts) and reported under their plain names.
 */
export const READ_DB_COUNTS = `(async () => {
  const db = await new Promise((ok, fail) => {
    const request = indexedDB.open('triangulate');
    request.onsuccess = () => ok(request.result);
    request.onerror = () => fail(request.error);
  });
  const dataTables = ['outlets', 'actors', 'places', 'incidents', 'reports', 'figures'];
  const liveSet = await new Promise((ok, fail) => {
    const request = db.transaction('syncState', 'readonly').objectStore('syncState').get('liveSet');
    request.onsuccess = () => ok(request.result?.set === 'b' ? 'b' : 'a');
    request.onerror = () => fail(request.error);
  });
  const stores = {};
  for (const name of db.objectStoreNames) {
    const plain = name.endsWith('B') && dataTables.includes(name.slice(0, -1)) ? name.slice(0, -1) : name;
    const inSetB = plain !== name;
    if (dataTables.includes(plain) && inSetB !== (liveSet === 'b')) continue;
    stores[plain] = name;
  }
  const tx = db.transaction(Object.values(stores), 'readonly');
  const counts = {};
  await Promise.all(Object.entries(stores).map(([plain, name]) => new Promise((ok, fail) => {
    const request = tx.objectStore(name).count();
    request.onsuccess = () => { counts[plain] = request.result; ok(); };
    request.onerror = () => fail(request.error);
  })));
  db.close();
  return counts;
})()`;
