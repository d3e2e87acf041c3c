/**
 * Splits page text into paragraphs (one per line) and sentences, keeping
 * offsets, so that a claim and its attribution are read within the sentence
 * and paragraph that hold them. Abbreviations ("Sept.", "Mr.", "U.S.") and
 * initials do not end a sentence.
 */
import type { Span } from './types';

export interface Paragraph extends Span {
  sentences: Span[];
  /** No closing punctuation and short: a headline or a title. */
  headline: boolean;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr gen col lt sgt capt maj cpl pvt adm gov sen rep prof st jr sr no vs etc ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec inc co corp ltd dept approx est fig'
  ).split(' '),
);

/** A candidate sentence end: terminal punctuation, closing quotes, then space or the end. */
const SENTENCE_END = /[.!?]+["”’)\]]*(?=\s|$)/g;

function endsWithAbbreviation(paragraph: string, dot: number): boolean {
  if (paragraph[dot] !== '.') return false;
  const before = /([\p{L}]+)\.?$/u.exec(paragraph.slice(Math.max(0, dot - 12), dot));
  if (!before) return false;
  const word = before[1] ?? '';
  // Initials and dotted acronyms: "U.S.", "J. Smith".
  if (word.length === 1) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function splitSentences(text: string, start: number, end: number): Span[] {
  const paragraph = text.slice(start, end);
  const spans: Span[] = [];
  let from = 0;
  for (const match of paragraph.matchAll(SENTENCE_END)) {
    const dot = match.index ?? 0;
    if (match[0].length === 1 && endsWithAbbreviation(paragraph, dot)) continue;
    const next = /\S/.exec(paragraph.slice(dot + match[0].length));
    // A new sentence starts with a capital, a digit or an opening quote.
    if (next && !/[\p{Lu}\p{N}"“‘'(]/u.test(next[0])) continue;
    const to = dot + match[0].length;
    pushTrimmed(spans, paragraph, from, to, start);
    from = to;
  }
  pushTrimmed(spans, paragraph, from, paragraph.length, start);
  return spans;
}

function pushTrimmed(spans: Span[], paragraph: string, from: number, to: number, offset: number) {
  const piece = paragraph.slice(from, to);
  const lead = piece.length - piece.trimStart().length;
  const trail = piece.length - piece.trimEnd().length;
  if (from + lead < to - trail)
    spans.push({ start: offset + from + lead, end: offset + to - trail });
}

/** Paragraphs (lines) of text with their sentences; empty lines are skipped. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const trimmed = line.trim();
    if (trimmed) {
      const lead = line.length - line.trimStart().length;
      const s = start + lead;
      const e = s + trimmed.length;
      paragraphs.push({
        start: s,
        end: e,
        sentences: splitSentences(text, s, e),
        headline: trimmed.length <= 200 && !/[.!?:;,"”’…\])]$/.test(trimmed),
      });
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return paragraphs;
}
