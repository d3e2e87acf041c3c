// Least privilege, checked: every permission, host pattern and exposed resource
// the manifest asks for (wxt.config.ts, and the built manifest when there is
// one) must be justified in the README's "Permissions" section.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import config from '../../../wxt.config';

const ROOT = join(import.meta.dirname, '../../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('## Permissions'),
  readme.indexOf('\n## ', readme.indexOf('## Permissions') + 1),
);

interface ManifestLike {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: ({ resources: string[]; matches?: string[] } | string)[];
  content_security_policy?: unknown;
}

/** Every string in a manifest that grants access, with the key it sits under. */
function grants(manifest: ManifestLike): string[] {
  const out: string[] = [];
  const add = (key: string, values: readonly string[] | undefined) => {
    for (const value of values ?? []) out.push(`${key}: ${value}`);
  };
  add('permissions', manifest.permissions);
  add('optional_permissions', manifest.optional_permissions);
  add('host_permissions', manifest.host_permissions);
  add('optional_host_permissions', manifest.optional_host_permissions);
  for (const script of manifest.content_scripts ?? []) add('content script', script.matches);
  for (const resource of manifest.web_accessible_resources ?? []) {
    if (typeof resource === 'string') add('web_accessible_resources', [resource]);
    else add('web_accessible_resources', [...resource.resources, ...(resource.matches ?? [])]);
  }
  return out;
}

const configManifest = (config as { manifest?: ManifestLike }).manifest ?? {};
const builtPath = join(ROOT, '.output/chrome-mv3/manifest.json');
const built: ManifestLike | null = existsSync(builtPath)
  ? (JSON.parse(readFileSync(builtPath, 'utf8')) as ManifestLike)
  : null;

describe('every permission is justified in the README', () => {
  test('the README has a Permissions section', () => {
    expect(section.startsWith('## Permissions')).toBe(true);
    expect(section.length).toBeGreaterThan(500);
  });

  test.each(grants(configManifest))('wxt.config.ts %s', (grant) => {
    expect(section).toContain(`\`${grant.slice(grant.indexOf(': ') + 2)}\``);
  });

  test.each(built ? grants(built) : ['(no build yet)'])('built manifest %s', (grant) => {
    if (built === null) return; // `npm test` builds before e2e; the config check above always runs
    expect(section).toContain(`\`${grant.slice(grant.indexOf(': ') + 2)}\``);
  });

  test('the extension pages run under the strict content security policy', () => {
    const policy =
      "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; base-uri 'none'; frame-ancestors 'none'";
    expect(configManifest.content_security_policy).toEqual({ extension_pages: policy });
    expect(section).toContain(policy);
  });

  test('no permission beyond the reviewed list', () => {
    expect(configManifest.permissions?.toSorted()).toEqual([
      'activeTab',
      'alarms',
      'contextMenus',
      'storage',
    ]);
    expect(configManifest.host_permissions ?? []).toEqual([]);
  });
});
