/**
 * Matching throughput (issue 7, item 1): our AliasMatcher against a RegExp
 * alternation, an indexOf loop, modern-ahocorasick (both backends) and a bare
 * loop over the same 1 MB of news text, for synthetic dictionaries of 1,000,
 * 10,000 and 100,000 aliases and the real one; plus build time and retained
 * memory of each compiled dictionary, and what a page would pay to use a
 * matcher compiled elsewhere (fromCompiled) instead of building its own.
 */
import { AliasMatcher, type CompiledMatcher, type CompiledTrie } from '../../core/matcher';
import { normalizeWithOffsets } from '../../core/normalize';
import { candidatePassKind, forEachCandidateWord } from '../../core/candidatePass';
import type { LexiconEntry } from '../../core/types';
import {
  bareLoop,
  indexOfLoop,
  modernAhocorasick,
  modernAhocorasickFast,
  regexAlternation,
  type Scanner,
} from './alternatives';
import { newsText, prefixOf, syntheticLexicon } from './corpus';
import { bundled, realLexicon, realNames } from './dataset';
import { bytesOf, medianMs, ratiosOf, type Check, type Measurement, type Suite } from './harness';
import { buildMeasured } from './memory';
import { kilobytes, throughput, throughputs, type Throughput } from './measure';

const TEXT_BYTES = 1_000_000;
const SIZES = [1_000, 10_000, 100_000];
const REGEX_TARGET_SIZE = 10_000;
const SANITY_CHARS = 64_000;
const BARE = 'bareLoop';
const OURS = 'ours';
const OURS_WHOLE_PAGE = 'oursNormalisingWholePage';
const OURS_UNMEMOISED = 'oursMatchingEveryWindowAnew';
const OURS_SCRIPT_PASS = 'oursWithFirstPassInScript';
/** Timed with the others but reported in notes: parts of ours, not alternatives. */
const CANDIDATE_PASS = 'candidatePassAlone';
const CANDIDATE_PASS_IN_SCRIPT = 'candidatePassInScriptAlone';

const ALTERNATIVES: Record<string, Scanner> = {
  regexAlternation,
  indexOfLoop,
  modernAhocorasick,
  modernAhocorasickFast,
};

const NO_NORMALISATION =
  'alternatives do not normalise (no NFKD/diacritics, no Cyrillic-to-Latin, no kh/h folds) and report overlapping hits unfiltered by acronym rules: they do less work than ours';

interface Dictionary {
  label: string;
  size: number;
  entries: LexiconEntry[];
}

async function measureDictionary(
  dictionary: Dictionary,
  text: string,
  density: string,
  report: (m: Measurement) => void,
): Promise<void> {
  const aliases = dictionary.entries.map((entry) => entry.alias);
  const textBytes = bytesOf(text);
  const sanity = prefixOf(text, SANITY_CHARS);

  const buildMs: Record<string, number> = {};
  const memory: Record<string, number> = {};
  const scans: Record<string, (text: string) => number> = {};
  const hits: string[] = [];

  const progress = (step: string): void => console.error(`  ${dictionary.label}: ${step}`);
  progress('building');
  const oursBuild = buildMeasured(() => AliasMatcher.build(dictionary.entries));
  const matcher = oursBuild.value;
  scans[OURS] = (t) => matcher.findAll(t).length;
  // Our own obvious alternative: normalise the whole page, then walk the candidate words.
  scans[OURS_WHOLE_PAGE] = (t) => matcher.findAll(t, 'whole-page').length;
  // And without the memo of windows seen before (core/windowMemo.ts).
  scans[OURS_UNMEMOISED] = (t) => matcher.findAll(t, 'windows-unmemoised').length;
  // And with the first pass in script, where it runs without WebAssembly (core/candidatePass.ts).
  scans[OURS_SCRIPT_PASS] = (t) => matcher.findAll(t, 'auto', 'script').length;
  for (const [name, scanner] of Object.entries(ALTERNATIVES)) {
    // V8 compiles a RegExp on first use: its build includes one exec on a short string.
    const built = buildMeasured(() => {
      const scan = scanner(aliases);
      scan(' ');
      return scan;
    });
    buildMs[name] = built.ms;
    memory[name] = built.retainedMB;
    scans[name] = built.value;
    await Promise.resolve();
  }
  for (const [name, scan] of Object.entries(scans)) hits.push(`${name} ${scan(sanity)}`);
  scans[BARE] = bareLoop;
  // The first pass of ours with nothing done per candidate: the least findAll costs.
  const skeletons = matcher.toCompiled().skeletons;
  scans[CANDIDATE_PASS] = (t) => {
    let count = 0;
    forEachCandidateWord(t, skeletons, () => count++);
    return count;
  };
  scans[CANDIDATE_PASS_IN_SCRIPT] = (t) => {
    let count = 0;
    forEachCandidateWord(t, skeletons, () => count++, 'script');
    return count;
  };

  progress('scanning');
  const measured = throughputs(scans, text);
  const ours = measured[OURS]!;
  const speed: Record<string, number> = {};
  const samples: string[] = [];
  for (const [name, result] of Object.entries(measured)) {
    if (name === OURS) continue;
    speed[name] = result.mbPerSecond;
    if (result.sampleBytes < textBytes) {
      samples.push(`${name} on a ${kilobytes(result.sampleBytes)} prefix`);
    }
  }
  if (ours.sampleBytes < textBytes) samples.push(`ours on a ${kilobytes(ours.sampleBytes)} prefix`);
  delete speed[CANDIDATE_PASS];
  delete speed[CANDIDATE_PASS_IN_SCRIPT];

  const checks: Check[] = [];
  if (dictionary.size === REGEX_TARGET_SIZE) {
    checks.push({
      target: 'at least 10x the RegExp alternation',
      pass: ours.mbPerSecond >= 10 * speed.regexAlternation!,
    });
  }
  for (const name of ['modernAhocorasick', 'modernAhocorasickFast']) {
    checks.push({ target: `at least as fast as ${name}`, pass: ours.mbPerSecond >= speed[name]! });
  }
  checks.push({ target: 'within 4x the bare loop', pass: speed[BARE]! <= 4 * ours.mbPerSecond });

  const notes = [
    `${kilobytes(textBytes)} of news text, ${density}; hits on its first ${kilobytes(bytesOf(sanity))}: ${hits.join(', ')}`,
    NO_NORMALISATION,
    candidatePassNote(measured[CANDIDATE_PASS]!, ours.mbPerSecond, speed),
    `the first pass ran in ${candidatePassKind(skeletons)}; the same pass in script, as without WebAssembly: ${measured[CANDIDATE_PASS_IN_SCRIPT]!.mbPerSecond.toFixed(1)} MB/s`,
  ];
  if (samples.length > 0)
    notes.push(`too slow for the whole text within budget: ${samples.join('; ')}`);
  report({
    name: `match: ${dictionary.label}`,
    unit: 'MB/s',
    ours: ours.mbPerSecond,
    alternatives: speed,
    ratios: ratiosOf(ours.mbPerSecond, speed, [BARE]),
    checks,
    notes,
  });
  report({
    name: `match build: ${dictionary.label}`,
    unit: 'ms',
    ours: oursBuild.ms,
    alternatives: buildMs,
    ratios: ratiosOf(oursBuild.ms, buildMs),
    notes: [
      'median of up to 3 cold builds; every build includes one scan of a one-char string (V8 compiles a RegExp lazily)',
    ],
  });
  measureCompiled(dictionary, matcher, oursBuild.ms, sanity, report);
  report({
    name: `match memory: ${dictionary.label}`,
    unit: 'MB retained',
    ours: oursBuild.retainedMB,
    alternatives: memory,
    ratios: ratiosOf(oursBuild.retainedMB, memory),
    notes: ['growth of heapUsed + external across a build, each measured after two gc() calls'],
  });
}

/**
 * How much of ours its first pass takes (core/candidatePass.wat: every char read
 * and grouped, every word's skeleton looked up, no candidate handled), set
 * against the bare loop and what 10x the RegExp would need.
 */
function candidatePassNote(
  pass: Throughput,
  oursMbPerSecond: number,
  speed: Record<string, number>,
): string {
  const passMbPerSecond = pass.mbPerSecond;
  const candidatesPerMb = (Number(pass.result) * 1e6) / pass.sampleBytes;
  const tenTimesRegExp = 10 * speed.regexAlternation!;
  return (
    `of ours, the candidate-word pass alone runs at ${passMbPerSecond.toFixed(1)} MB/s ` +
    `(${(speed[BARE]! / passMbPerSecond).toFixed(2)}x the bare loop's time, ` +
    `${Math.round((100 * oursMbPerSecond) / passMbPerSecond)}% of ours) and hands on ` +
    `${Math.round(candidatesPerMb).toLocaleString('en')} candidate words per MB; ` +
    `10x the RegExp alternation would be ${tenTimesRegExp.toFixed(1)} MB/s, ` +
    `4x the bare loop ${(speed[BARE]! / 4).toFixed(1)} MB/s`
  );
}

/** Bytes of the typed arrays, and count and UTF-16 length of the strings, of a compiled matcher. */
function compiledSize(compiled: CompiledMatcher): {
  bytes: number;
  strings: number;
  chars: number;
} {
  let bytes = compiled.asciiClass.byteLength + compiled.wideCodes.byteLength;
  for (const set of [compiled.skeletons.words, compiled.skeletons.pairs]) {
    bytes += set.hashes.byteLength + set.layers.byteLength + set.filter.byteLength;
  }
  let strings = 0;
  let chars = 0;
  for (const trie of [compiled.names, compiled.keywords] as CompiledTrie[]) {
    for (const value of Object.values(trie)) {
      if (ArrayBuffer.isView(value)) bytes += value.byteLength;
      else if (Array.isArray(value)) {
        strings += value.length;
        for (const s of value as string[]) chars += s.length;
      }
    }
  }
  return { bytes, strings, chars };
}

/**
 * What a page pays for a matcher compiled elsewhere (the background) and
 * sent to it: fromCompiled on a structured clone, against building from the
 * entries; the clone itself (what postMessage does) is reported beside it.
 */
function measureCompiled(
  dictionary: Dictionary,
  matcher: AliasMatcher,
  buildMs: number,
  sanity: string,
  report: (m: Measurement) => void,
): void {
  const compiled = matcher.toCompiled();
  const cloned = structuredClone(compiled);
  const wrapMs = medianMs(() => AliasMatcher.fromCompiled(cloned), {
    minRuns: 5,
    maxRuns: 101,
    budgetMs: 200,
  });
  const cloneMs = medianMs(() => structuredClone(compiled), { maxRuns: 7, budgetMs: 3000 });
  const same =
    JSON.stringify(AliasMatcher.fromCompiled(cloned).findAll(sanity)) ===
    JSON.stringify(matcher.findAll(sanity));
  const { bytes, strings, chars } = compiledSize(compiled);
  const alternatives = { buildFromEntries: buildMs, structuredClone: cloneMs };
  report({
    name: `match compiled: ${dictionary.label}`,
    unit: 'ms',
    ours: wrapMs,
    alternatives,
    ratios: ratiosOf(wrapMs, alternatives),
    checks: [{ target: 'fromCompiled finds what the built matcher finds', pass: same }],
    notes: [
      `ours: AliasMatcher.fromCompiled of a structured clone of toCompiled() (median); buildFromEntries: the median cold build above`,
      `compiled size: typed arrays ${bytes.toLocaleString('en')} bytes; ${strings.toLocaleString('en')} strings (target ids and aliases) of ${chars.toLocaleString('en')} UTF-16 units`,
    ],
  });
}

export const matchingSuite: Suite = {
  name: 'matching',
  async run(report) {
    const lexicon = realLexicon(bundled());
    const synthetic = syntheticLexicon(Math.max(...SIZES));
    // Pages name the dictionary's people and places: the first 1,000 synthetic
    // names (in every synthetic dictionary) and the dataset's own spellings.
    const names = [...synthetic.slice(0, 1_000).map((e) => e.alias), ...realNames(lexicon)];
    const { text, mentions, words } = newsText(TEXT_BYTES, names);
    const dictionaries: Dictionary[] = [
      ...SIZES.map((size) => ({
        label: `${size.toLocaleString('en')} synthetic aliases`,
        size,
        entries: synthetic.slice(0, size),
      })),
      { label: `real lexicon (${lexicon.length} aliases)`, size: lexicon.length, entries: lexicon },
    ];
    const density = `${Math.round((mentions / words) * 1000)} name mentions per 1,000 words`;
    // What normalising every char would cost, which findAll mostly avoids (core/wordSkeleton.ts).
    const normalizing = throughput((t) => normalizeWithOffsets(t).key.length, text);
    const normalizeNote = `of ours, normalizeWithOffsets alone runs at ${normalizing.mbPerSecond.toFixed(1)} MB/s`;
    for (const dictionary of dictionaries) {
      await measureDictionary(dictionary, text, `${density}; ${normalizeNote}`, report);
    }
  },
};
