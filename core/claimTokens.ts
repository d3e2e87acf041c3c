/**
 * Word tokens with offsets, the unit claim extraction reasons about.
 *
 * A token is a run of letters and digits that may hold internal apostrophes
 * and hyphens ("Nazarzod's", "passers-by", "twenty-one", "1992-97") and
 * digit-group separators ("150,000", "1.5"); any other non-space character is
 * a token of its own. `lower` folds case, curly apostrophes and en dashes so
 * the vocabulary tables need one spelling only.
 */

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*(?:['’\-–][\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*)*|\S/gu;

const FOLD = /[’–]/;

/** Tokens of text[from, to), with offsets into text. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(TOKEN)) {
    const start = from + (match.index ?? 0);
    const lower = match[0].toLowerCase();
    tokens.push({
      text: match[0],
      lower: FOLD.test(lower) ? lower.replace(/’/g, "'").replace(/–/g, '-') : lower,
      start,
      end: start + match[0].length,
    });
  }
  return tokens;
}

export function isWord(token: Token | undefined): boolean {
  return token !== undefined && /^[\p{L}]/u.test(token.text);
}

export function isCapitalized(token: Token | undefined): boolean {
  return token !== undefined && /^\p{Lu}/u.test(token.text);
}
