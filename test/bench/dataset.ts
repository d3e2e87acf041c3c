/**
 * The bundled dataset as the benchmarks use it: validated exactly as the
 * extension validates it, with its lexicon and the spellings a page would
 * actually print (strong names only; weak ones need a cue and keywords are
 * phrases, not names).
 */
import { buildLexicon } from '../../core/lexicon';
import { parseDataset, type Dataset } from '../../core/schema';
import type { LexiconEntry } from '../../core/types';
import { bundledDataset } from '../../data/index';

export function bundled(): Dataset {
  const parsed = parseDataset(bundledDataset);
  if (!parsed.ok) throw new Error(`bundled dataset does not validate: ${parsed.errors.join('; ')}`);
  return parsed.dataset;
}

export function realLexicon(dataset: Dataset): LexiconEntry[] {
  return buildLexicon(dataset);
}

export function realNames(lexicon: readonly LexiconEntry[]): string[] {
  return lexicon.filter((entry) => entry.kind !== 'incident' && !entry.weak).map((e) => e.alias);
}
