/**
 * The content script's budget (issue 7): it runs on every page the user
 * reads, so it - the injected bootstrap and the main script it imports -
 * stays at most 35 KB gzipped, and it carries no Dexie (a
 * content script's IndexedDB is the page's: the database lives in the
 * background). Reads the build `npm run test:e2e` makes before this runs;
 * `npm run bench -- --only size` reports the same figures beside the whole
 * extension's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { contentScriptFiles, EXTENSION_DIR, requireBuiltExtension } from './harness';

/** 1 KB = 1,000 bytes, as in docs/performance.md. */
const BUDGET_BYTES = 35_000;
function contentScripts(): { name: string; data: Buffer }[] {
  requireBuiltExtension();
  return contentScriptFiles().map((name) => ({
    name,
    data: readFileSync(join(EXTENSION_DIR, name)),
  }));
}

describe('content script size', () => {
  test('there is a content script to measure: the bootstrap and its main script', () => {
    expect(contentScripts().map((script) => script.name)).toEqual([
      'content-bootstrap.js',
      'content-main.js',
    ]);
  });

  test('all content scripts together are at most 35 KB gzip -9', () => {
    const gzipped = contentScripts().reduce(
      (sum, script) => sum + gzipSync(script.data, { level: 9 }).length,
      0,
    );
    expect(gzipped, `${(gzipped / 1000).toFixed(1)} KB gzipped`).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  test('no content script bundles Dexie', () => {
    const withDexie = contentScripts()
      .filter((script) => script.data.includes('Dexie'))
      .map((script) => script.name);
    expect(withDexie).toEqual([]);
  });
});
