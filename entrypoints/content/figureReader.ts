/**
 * The seam between the start-up content script and its lazily loaded figure
 * reader (entrypoints/figure-reader.ts, a web-accessible resource; see
 * ./lazyScript.ts). Claims in three languages, dates and page facts are most
 * of the reading code, and most pages name nothing the dataset knows, so the
 * content script matches names first (./matching.ts) and imports the reader
 * only when there is something to link. This module holds only the name, the
 * shape and the loader.
 */
import { createScriptLoader, registerOnGlobal } from './lazyScript';
import type { readFactsOf, readFiguresSliced } from './reading';

export interface FigureReader {
  readFiguresSliced: typeof readFiguresSliced;
  readFactsOf: typeof readFactsOf;
}

/** The isolated world's global the reader script registers itself under. */
export const FIGURE_READER_GLOBAL = '__triangulateFigureReader';

/** Where the reader script lies in the extension's package. */
export const FIGURE_READER_PATH = '/figure-reader.js';

/** Called by the reader script when it is evaluated. */
export function registerFigureReader(reader: FigureReader, global: object = globalThis): void {
  registerOnGlobal(FIGURE_READER_GLOBAL, reader, global);
}

/** Imports the reader script once; see createScriptLoader. */
export function createFigureReaderLoader(
  url: () => string,
  importScript: (url: string) => Promise<unknown>,
  global: object = globalThis,
): () => Promise<FigureReader> {
  return createScriptLoader<FigureReader>(
    FIGURE_READER_GLOBAL,
    'The figure reader',
    url,
    importScript,
    global,
  );
}
