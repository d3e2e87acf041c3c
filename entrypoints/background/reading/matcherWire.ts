/**
 * The compiled matcher (core/matcher.ts's CompiledMatcher) as runtime
 * messages can carry it. The background compiles the matcher once per dataset
 * and sends it with 'lexicon.get', so a page does not rebuild it; but Chrome
 * serialises extension messages as JSON, which turns a typed array into an
 * object of numbered keys. Packing writes each typed array as base64 of its
 * bytes (both ends run on the same machine, so byte order agrees) and leaves
 * everything else as it is.
 */
import type { CompiledMatcher } from '../../../core/matcher';

/** A typed array, packed. */
interface PackedArray {
  typedArray: TypedArrayName;
  base64: string;
}

/** JSON-safe: plain objects, arrays, strings, numbers, and typed arrays as PackedArray. */
export type PackedValue =
  string | number | boolean | null | PackedArray | PackedValue[] | { [key: string]: PackedValue };

/** A CompiledMatcher, packed for a runtime message. */
export interface PackedMatcher {
  packedMatcher: PackedValue;
}

const TYPED_ARRAYS = {
  Uint8Array,
  Uint16Array,
  Int32Array,
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;
type SupportedTypedArray = InstanceType<(typeof TYPED_ARRAYS)[TypedArrayName]>;

/** Bytes per btoa call: String.fromCharCode takes its arguments on the stack. */
const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  }
  return btoa(binary);
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const typedArrayName = (value: unknown): TypedArrayName | null => {
  for (const name of Object.keys(TYPED_ARRAYS) as TypedArrayName[]) {
    if (value instanceof TYPED_ARRAYS[name]) return name;
  }
  return null;
};

function pack(value: unknown): PackedValue {
  const name = typedArrayName(value);
  if (name !== null) {
    const array = value as SupportedTypedArray;
    return {
      typedArray: name,
      base64: toBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)),
    };
  }
  if (Array.isArray(value)) return value.map(pack);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, PackedValue> = {};
    for (const [key, item] of Object.entries(value)) out[key] = pack(item);
    return out;
  }
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null
  ) {
    return value;
  }
  throw new Error(`cannot pack a ${typeof value}`);
}

const isPackedArray = (value: object): value is PackedArray =>
  'typedArray' in value &&
  'base64' in value &&
  typeof value.base64 === 'string' &&
  typeof value.typedArray === 'string' &&
  Object.hasOwn(TYPED_ARRAYS, value.typedArray);

function unpack(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpack);
  if (typeof value !== 'object' || value === null) return value;
  if (isPackedArray(value)) {
    const bytes = fromBase64(value.base64);
    const Type = TYPED_ARRAYS[value.typedArray];
    if (bytes.byteLength % Type.BYTES_PER_ELEMENT !== 0) throw new Error('truncated typed array');
    return new Type(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Type.BYTES_PER_ELEMENT);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = unpack(item);
  return out;
}

export function packMatcher(compiled: CompiledMatcher): PackedMatcher {
  return { packedMatcher: pack(compiled) };
}

/** The compiled matcher again; AliasMatcher.fromCompiled checks its shape. Throws on bad base64. */
export function unpackMatcher(packed: PackedMatcher): CompiledMatcher {
  return unpack(packed.packedMatcher) as CompiledMatcher;
}
