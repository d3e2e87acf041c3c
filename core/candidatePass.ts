/**
 * The matcher's first pass, which reads every byte of the page to find the
 * words that may begin an alias: in WebAssembly (core/candidatePass.wat)
 * where it can run, else in TypeScript (forEachCandidateWordInScript of
 * core/wordSkeleton.ts). Both find the same candidates, which tests check
 * on random text; the WebAssembly one takes about 60% of the time
 * (docs/performance.md, round 11).
 *
 * WebAssembly may be missing or refused (a context whose policy has no
 * 'wasm-unsafe-eval', a page too large for its memory): the pass then runs
 * in script, with nothing lost but time.
 */
import { CANDIDATE_PASS_WASM_BASE64 } from './candidatePassWasm';
import { KEY_SPACE, keyCharPool, keyCharsOf } from './normalize';
import {
  filterShiftOf,
  forEachCandidateWordInScript,
  groupOfKeyChar,
  rawByteGroup,
  utf8Rooms,
  type CandidateWord,
  type HashLayers,
  type SkeletonTable,
} from './wordSkeleton';

/** Memory layout of candidatePass.wat (byte offsets). */
const CHAR_GROUPS_AT = 256;
const BMP_CACHE_AT = 1024;
const TABLES_AT = BMP_CACHE_AT + 4 * 0x10000;
/** Candidates read back per run of the pass: the output holds this many triples. */
const OUTPUT_TRIPLES = 4096;
/** Bytes of a (start, end, layers) triple of i32 in the output. */
const TRIPLE_BYTES = 12;
/** Room kept past the pause mark: the most candidates one char can hand on (31 key chars). */
const OUTPUT_RESERVE_TRIPLES = 32;
const PAGE_BYTES = 1 << 16;
/**
 * Longest text the WebAssembly pass takes (UTF-16 units). Its memory grows
 * to hold the text's UTF-8 and never shrinks, so a longer text (the
 * extension reads pages 4,000 chars at a time; the command line may read a
 * whole book) goes to the script pass, whose buffer is let go after it.
 */
const WASM_TEXT_MAX = 1 << 21;

interface PassExports {
  memory: WebAssembly.Memory;
  begin(length: number): void;
  run(): number;
  wordHashes: WebAssembly.Global;
  wordLayers: WebAssembly.Global;
  wordFilter: WebAssembly.Global;
  wordMask: WebAssembly.Global;
  wordFilterShift: WebAssembly.Global;
  pairHashes: WebAssembly.Global;
  pairLayers: WebAssembly.Global;
  pairFilter: WebAssembly.Global;
  pairMask: WebAssembly.Global;
  pairFilterShift: WebAssembly.Global;
  outStart: WebAssembly.Global;
  outLimit: WebAssembly.Global;
  written: WebAssembly.Global;
  textStart: WebAssembly.Global;
}

/** The compiled module; null once compiling failed (no WebAssembly, or refused). */
let passModule: WebAssembly.Module | null | undefined;

function compiledPassModule(): WebAssembly.Module | null {
  if (passModule !== undefined) return passModule;
  try {
    const bytes = Uint8Array.from(atob(CANDIDATE_PASS_WASM_BASE64), (char) => char.charCodeAt(0));
    passModule = new WebAssembly.Module(bytes);
  } catch {
    passModule = null;
  }
  return passModule;
}

/** One instance per skeleton table, which it holds in its memory; null where none could be made. */
const passes = new WeakMap<SkeletonTable, WasmCandidatePass | null>();

/** Where the first pass runs: in WebAssembly where it can ('auto'), or in script (tests and the bench compare them). */
export type FirstPass = 'auto' | 'script';

/**
 * Calls `onWord` for every candidate word of `text`, as
 * forEachCandidateWordInScript does, in WebAssembly where it can.
 */
export function forEachCandidateWord(
  text: string,
  table: SkeletonTable,
  onWord: CandidateWord,
  firstPass: FirstPass = 'auto',
): void {
  const found = candidateWordsOf(text, table, firstPass);
  for (let c = 0; c < found.length; c += 3) onWord(found[c]!, found[c + 1]!, found[c + 2]!);
}

/**
 * The candidate words of `text` as (start, end, layers) triples, one after
 * the other: what forEachCandidateWord hands on. The matcher takes them so,
 * without a callback per word.
 */
export function candidateWordsOf(
  text: string,
  table: SkeletonTable,
  firstPass: FirstPass = 'auto',
): Int32Array {
  const pass = firstPass === 'script' || text.length > WASM_TEXT_MAX ? null : wasmPassFor(table);
  const collected = pass === null ? null : pass.tryCollect(text);
  if (collected !== null) return collected;
  const found: number[] = [];
  forEachCandidateWordInScript(text, table, (start, end, layers) => {
    found.push(start, end, layers);
  });
  return Int32Array.from(found);
}

/** Which pass forEachCandidateWord uses for this table (a test checks it; the bench notes it). */
export function candidatePassKind(table: SkeletonTable): 'webassembly' | 'script' {
  return wasmPassFor(table) === null ? 'script' : 'webassembly';
}

/** Bytes of memory the table's WebAssembly pass holds (0: none); tests check it stays bounded. */
export function candidatePassMemoryBytes(table: SkeletonTable): number {
  return passes.get(table)?.memoryBytes ?? 0;
}

function wasmPassFor(table: SkeletonTable): WasmCandidatePass | null {
  let pass = passes.get(table);
  if (pass === undefined) {
    const module = compiledPassModule();
    pass = module === null ? null : WasmCandidatePass.create(module, table);
    passes.set(table, pass);
  }
  return pass;
}

/**
 * An instance of the pass with a skeleton table in its memory. A run calls
 * out only for a char's groups (core/normalize.ts), never to code that could
 * start another run, so runs do not nest.
 */
class WasmCandidatePass {
  private constructor(
    private readonly exports: PassExports,
    private readonly textStart: number,
  ) {}

  /** null when the tables do not fit in memory. */
  static create(module: WebAssembly.Module, table: SkeletonTable): WasmCandidatePass | null {
    let memory: WebAssembly.Memory | null = null;
    const charGroups = (codePoint: number): number => {
      const encoded = keyCharsOf(codePoint);
      const count = encoded & 31;
      const pool = keyCharPool();
      const groups = new Int32Array(memory!.buffer, CHAR_GROUPS_AT, count);
      for (let k = 0; k < count; k++) groups[k] = groupOfKeyChar(pool[(encoded >>> 5) + k]!);
      return count;
    };
    try {
      const instance = new WebAssembly.Instance(module, { pass: { charGroups } });
      const exports = instance.exports as unknown as PassExports;
      memory = exports.memory;
      let at = TABLES_AT;
      const place = (array: Int32Array | Uint8Array): number => {
        const placed = at;
        at = (at + array.byteLength + 7) & ~7;
        growTo(exports.memory, at);
        new Uint8Array(exports.memory.buffer, placed, array.byteLength).set(
          new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
        );
        return placed;
      };
      const placeSet = (set: HashLayers, prefix: 'word' | 'pair'): void => {
        exports[`${prefix}Hashes`].value = place(set.hashes);
        exports[`${prefix}Layers`].value = place(set.layers);
        exports[`${prefix}Filter`].value = place(set.filter);
        exports[`${prefix}Mask`].value = set.hashes.length - 1;
        exports[`${prefix}FilterShift`].value = filterShiftOf(set.filter.length);
      };
      placeSet(table.words, 'word');
      placeSet(table.pairs, 'pair');
      exports.outStart.value = at;
      exports.outLimit.value = at + TRIPLE_BYTES * (OUTPUT_TRIPLES - OUTPUT_RESERVE_TRIPLES);
      at += TRIPLE_BYTES * OUTPUT_TRIPLES;
      exports.textStart.value = at;
      growTo(exports.memory, at + PAGE_BYTES);
      new Uint8Array(exports.memory.buffer, 0, 0x100).set(rawByteGroup());
      return new WasmCandidatePass(exports, at);
    } catch {
      return null;
    }
  }

  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  /** Runs the pass, appending its triples to `found`; false, having appended none, when the text does not fit in memory. */
  tryCollect(text: string): Int32Array | null {
    const length = this.encode(text);
    if (length < 0) return null;
    const { exports } = this;
    const outStart = exports.outStart.value as number;
    exports.begin(length);
    let found = new Int32Array(0);
    for (;;) {
      const done = exports.run();
      const written = ((exports.written.value as number) - outStart) >> 2;
      const out = new Int32Array(exports.memory.buffer, outStart, written);
      if (found.length === 0) found = out.slice();
      else {
        const joined = new Int32Array(found.length + written);
        joined.set(found);
        joined.set(out, found.length);
        found = joined;
      }
      if (done !== 0) return found;
    }
  }

  /** Writes the text's UTF-8 and a space after it at textStart; its length, or -1 when it does not fit. */
  private encode(text: string): number {
    const { memory } = this.exports;
    for (const room of utf8Rooms(text.length)) {
      try {
        growTo(memory, this.textStart + room + 1);
      } catch {
        return -1;
      }
      const bytes = new Uint8Array(memory.buffer, this.textStart, room + 1);
      const { read, written } = utf8Encoder.encodeInto(text, bytes.subarray(0, room));
      if (read === text.length) {
        bytes[written] = KEY_SPACE;
        return written;
      }
    }
    return -1;
  }
}

const utf8Encoder = new TextEncoder();

/** Grows the memory to at least `bytes` (throws a RangeError when it cannot). */
function growTo(memory: WebAssembly.Memory, bytes: number): void {
  const have = memory.buffer.byteLength;
  if (bytes > have) memory.grow(Math.ceil((bytes - have) / PAGE_BYTES));
}
