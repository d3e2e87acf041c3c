/**
 * The figure reader as a script of its own (claims in English, French and
 * Russian, dates, page facts), kept out of the start-up content script so
 * pages that name nothing the dataset knows never load it. The content script
 * imports it once a page names something (entrypoints/content/figureReader.ts);
 * evaluating it registers the reader on the isolated world's global.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerFigureReader } from './content/figureReader';
import { readFactsOf, readFiguresSliced } from './content/reading';

export default defineUnlistedScript(() => {
  registerFigureReader({ readFiguresSliced, readFactsOf });
});
