/**
 * Whose word a figure is: the reporting clause of its sentence ("..., the
 * ministry said", "Officials said ...", "according to authorities", "RIA
 * quoted an unidentified source as saying ..."), returned as the text
 * writes it. A pronoun ("It added", "They said") is resolved by claims.ts
 * against the paragraph.
 */
import { OUTCOME_CUE } from './sideWords';

// "the war claimed the lives of 40 soldiers" names no source.
const VERBS =
  'said|says|say|told|tells|added|adds|stated|states|reported|reports|announced|announces|' +
  '(?:claimed|claims)(?!\\s+the\\s+lives)|confirmed|confirms|' +
  'estimated|estimates|puts? the (?:death )?toll';

/** "DUSHANBE (Reuters) - ", "DUSHANBE -- " */
const DATELINE = /^\p{Lu}[\p{Lu} .,'’-]{2,40}(?:\s*\([^)]{1,40}\))?\s*(?:--|—|–|-)\s+/u;
const LEAD_WORD =
  /^(?:However|Meanwhile|But|And|Yet|So|Still|Separately|Earlier|Later|Previously|Now)\b,?\s+/;
const LEAD_ADVERBIAL = /^(?:In|On|Last|Earlier|Late|By|At|After|Before)\b[^,]{0,40},\s+/;
const TRAILING_FILLER = new RegExp(
  '\\s+(?:have|has|had|also|previously|initially|earlier|later|then|reportedly|officially|already|' +
    'on\\s+(?:\\p{Lu}\\p{Ll}+\\s+\\d{1,2}|\\d{1,2}\\s+\\p{Lu}\\p{Ll}+|\\p{Lu}\\p{Ll}+)|' +
    'last\\s+\\p{Ll}+|late\\s+\\p{Lu}\\p{Ll}+)$',
  'u',
);

const QUOTED_AS_SAYING = /\b(quoted|cited)\s+(.{1,120}?)\s+as\s+saying\b/;
const FIRST_VERB = new RegExp(`\\b(?:${VERBS})\\b`);
const END_CLAUSE = new RegExp(
  `(?:[,;:]|[”"’])\\s*([^,;:”"“]{2,100}?)\\s+(?:${VERBS})((?:\\s+[^\\s,;]+){0,6}?)\\s*[.!?]?["”’]?\\s*$`,
  'u',
);
const INVERTED_END =
  /,\s*(?:said|announced|added|reported|stated|confirmed)\s+([^,;:]{2,100}?)\s*[.!?]?\s*$/u;
const ACCORDING_TO = /\b(?:according to|citing|quoted by)\s+([^,.;:()“”"]+?)\s*(?=[,.;:()“”"]|$)/i;

function stripLead(sentence: string): string {
  let rest = sentence.trim().replace(DATELINE, '');
  for (let i = 0; i < 3; i++) {
    const next = rest.replace(LEAD_WORD, '').replace(LEAD_ADVERBIAL, '');
    if (next === rest) break;
    rest = next;
  }
  return rest;
}

function stripTrailing(subject: string): string {
  let rest = subject.trim();
  for (let i = 0; i < 4; i++) {
    const next = rest.replace(TRAILING_FILLER, '');
    if (next === rest) break;
    rest = next;
  }
  return rest;
}

function plausibleSource(phrase: string, maxWords: number): boolean {
  const words = phrase.split(/\s+/).filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= maxWords &&
    !/["“”]/.test(phrase) &&
    !OUTCOME_CUE.test(phrase) &&
    /^[\p{L}]/u.test(phrase)
  );
}

/**
 * The source a sentence gives for its figures, or null.
 * `firstClaimAt` is the offset (in `sentence`) of its first figure: a
 * "Subject said ..." clause counts only when it comes before the figures.
 */
export function attributionIn(sentence: string, firstClaimAt: number): string | null {
  const lead = stripLead(sentence);
  const leadOffset =
    sentence.length - sentence.trimStart().length + sentence.trim().length - lead.length;

  const quoted = QUOTED_AS_SAYING.exec(lead);
  if (quoted && quoted.index !== undefined) {
    const subject = stripTrailing(lead.slice(0, quoted.index));
    if (plausibleSource(subject, 12)) return `${subject} ${quoted[1]} ${quoted[2]}`;
  }

  const verb = FIRST_VERB.exec(lead);
  if (verb && leadOffset + verb.index < firstClaimAt) {
    const subject = stripTrailing(lead.slice(0, verb.index));
    if (plausibleSource(subject, 16)) return subject;
  }

  const end = END_CLAUSE.exec(sentence);
  if (end?.[1] && plausibleSource(end[1].trim(), 10)) return stripTrailing(end[1]);

  const inverted = INVERTED_END.exec(sentence);
  if (inverted?.[1] && plausibleSource(inverted[1].trim(), 10)) return inverted[1].trim();

  const according = ACCORDING_TO.exec(sentence);
  if (according?.[1] && plausibleSource(according[1].trim(), 10)) return according[1].trim();

  return null;
}

const PRONOUN = /^(?:it|he|she|they|we)$/i;

/** A bare pronoun that needs its paragraph to say who it is. */
export function isPronoun(attribution: string): boolean {
  return PRONOUN.test(attribution);
}
