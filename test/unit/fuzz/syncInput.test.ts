// Hostile downloads at the sync readers: deeply nested and oversized JSON in a
// manifest or a snapshot line is refused with a clear error, never a crash.
import { describe, expect, test } from 'vitest';
import { MAX_MANIFEST_BYTES, parseManifest } from '../../../core/manifest';
import { MAX_LINE_LENGTH, SnapshotReader } from '../../../core/snapshot';

const nested = (depth: number, inner: string) => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('parseManifest', () => {
  test.each([
    ['arrays nested 8,000 deep', nested(8_000, '1'), 'schema: Invalid key'],
    ['objects nested 2,000 deep', nestedObjects(2_000), 'schema: Invalid key'],
    [
      'a huge string field',
      JSON.stringify({ schema: 1, datasetId: 'x'.repeat(MAX_MANIFEST_BYTES) }),
      '',
    ],
    ['not JSON', '{"schema": 1,', 'not JSON'],
    ['a __proto__ key', '{"__proto__": {"polluted": true}}', 'schema: Invalid key'],
  ])('%s is refused', (_name, text, errorStart) => {
    const result = parseManifest(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.startsWith(errorStart)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('SnapshotReader.line', () => {
  test.each([
    ['a line nested 400,000 deep', nested(400_000, '1'), 'line 1: not a {"table","record"} line'],
    [
      'a record nested 400,000 deep',
      `{"table":"meta","record":${nested(400_000, '1')}}`,
      'line 1: meta: ',
    ],
    [
      'a line over the cap',
      `{"table":"meta","record":"${'x'.repeat(MAX_LINE_LENGTH)}"}`,
      `line 1: longer than ${MAX_LINE_LENGTH} characters`,
    ],
    ['a line that is not JSON', '{"table":', 'line 1: not JSON'],
  ])('%s is refused with a clear error', (_name, line, errorStart) => {
    const reader = new SnapshotReader();
    expect(() => reader.line(line)).not.toThrow();
    expect(reader.failed).toBe(true);
    const errors = (reader as unknown as { errors: string[] }).errors;
    expect(errors[0]!.startsWith(errorStart)).toBe(true);
  });
});
