/**
 * Basic French and Russian casualty figures, so a page in either language is
 * not silent: "au moins huit policiers ont été tués", "13 morts",
 * "погибли девять полицейских", "ранены 12 человек". Deliberately small: a
 * number, a known noun and a casualty verb next to each other, nothing else.
 * English grammar (lists, asides, attribution) lives in claims.ts.
 */
import type { Outcome, Qualifier, Side } from './schema';
import type { Claim } from './types';

const FR_NUMBERS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  cent: 100,
};
const RU_NUMBERS: Record<string, number> = {
  один: 1,
  одна: 1,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  одиннадцать: 11,
  двенадцать: 12,
  тринадцать: 13,
  четырнадцать: 14,
  пятнадцать: 15,
  двадцать: 20,
  тридцать: 30,
  сорок: 40,
  пятьдесят: 50,
  сто: 100,
};

const FR_SIDES: Record<string, Side> = {
  policiers: 'security',
  soldats: 'security',
  militaires: 'security',
  gendarmes: 'security',
  'gardes-frontières': 'security',
  agents: 'security',
  assaillants: 'militants',
  rebelles: 'militants',
  insurgés: 'militants',
  terroristes: 'militants',
  djihadistes: 'militants',
  jihadistes: 'militants',
  combattants: 'militants',
  civils: 'civilians',
  enfants: 'civilians',
  femmes: 'civilians',
  habitants: 'civilians',
  personnes: 'unknown',
};
const RU_SIDES: Record<string, Side> = {
  полицейских: 'security',
  полицейские: 'security',
  военнослужащих: 'security',
  военных: 'security',
  солдат: 'security',
  пограничников: 'security',
  силовиков: 'security',
  сотрудников: 'security',
  боевиков: 'militants',
  нападавших: 'militants',
  террористов: 'militants',
  экстремистов: 'militants',
  мирных: 'civilians',
  детей: 'civilians',
  человек: 'unknown',
};

const FR_OUTCOMES: Record<string, Outcome> = {
  tués: 'killed',
  tuées: 'killed',
  tué: 'killed',
  morts: 'killed',
  mort: 'killed',
  blessés: 'wounded',
  blessées: 'wounded',
  blessé: 'wounded',
  arrêtés: 'detained',
  interpellés: 'detained',
  capturés: 'captured',
  enlevés: 'captured',
  disparus: 'missing',
};
const RU_OUTCOMES: Record<string, Outcome> = {
  погибли: 'killed',
  погиб: 'killed',
  погибших: 'killed',
  убиты: 'killed',
  убито: 'killed',
  уничтожены: 'killed',
  ранены: 'wounded',
  ранено: 'wounded',
  пострадали: 'wounded',
  задержаны: 'detained',
  задержано: 'detained',
  пропали: 'missing',
};

const FR_QUALIFIERS: Record<string, Qualifier> = {
  'au moins': 'at-least',
  'plus de': 'more-than',
  'près de': 'about',
  environ: 'about',
  "jusqu'à": 'up-to',
};
const RU_QUALIFIERS: Record<string, Qualifier> = {
  'не менее': 'at-least',
  'по меньшей мере': 'at-least',
  более: 'more-than',
  свыше: 'more-than',
  около: 'about',
  до: 'up-to',
};

const alternation = (words: Iterable<string>) =>
  [...words].toSorted((a, b) => b.length - a.length).join('|');

const FR_NUMBER = `\\d{1,3}(?:[  .]\\d{3})*|${alternation(Object.keys(FR_NUMBERS))}`;
const RU_NUMBER = `\\d{1,3}(?:[  ]\\d{3})*|${alternation(Object.keys(RU_NUMBERS))}`;
const BOUNDARY_START = '(?<![\\p{L}\\p{N}])';
const BOUNDARY_END = '(?![\\p{L}\\p{N}])';

/** "au moins huit policiers ont été tués", "13 morts" */
const FRENCH = new RegExp(
  `${BOUNDARY_START}(?:(${alternation(Object.keys(FR_QUALIFIERS))})\\s+)?(${FR_NUMBER})` +
    `(?:\\s+(${alternation(Object.keys(FR_SIDES))}))?` +
    `\\s+(?:(?:ont|ont été|a été|sont|sont été)\\s+)?(${alternation(Object.keys(FR_OUTCOMES))})${BOUNDARY_END}`,
  'giu',
);
/** "погибли девять полицейских" or "девять полицейских погибли" */
const RUSSIAN_VERB_FIRST = new RegExp(
  `${BOUNDARY_START}(${alternation(Object.keys(RU_OUTCOMES))})\\s+(?:(${alternation(Object.keys(RU_QUALIFIERS))})\\s+)?` +
    `(${RU_NUMBER})\\s+(${alternation(Object.keys(RU_SIDES))})${BOUNDARY_END}`,
  'giu',
);
const RUSSIAN_VERB_LAST = new RegExp(
  `${BOUNDARY_START}(?:(${alternation(Object.keys(RU_QUALIFIERS))})\\s+)?(${RU_NUMBER})\\s+` +
    `(${alternation(Object.keys(RU_SIDES))})\\s+(${alternation(Object.keys(RU_OUTCOMES))})${BOUNDARY_END}`,
  'giu',
);

/** A cheap test: only texts with Cyrillic or a French casualty word are read here. */
const MAY_HAVE_FIGURES =
  /[\u0400-\u04FF]|tué|morts|blessé|arrêtés|interpellés|capturés|enlevés|disparus/iu;

function count(word: string, words: Record<string, number>): number | null {
  const digits = word.replace(/[  .]/g, '');
  if (/^\d+$/.test(digits)) {
    const value = Number(digits);
    return value >= 1800 && value <= 2100 && digits.length === 4 ? null : value;
  }
  return words[word.toLowerCase()] ?? null;
}

function claim(
  text: string,
  start: number,
  phrase: string,
  value: number,
  qualifier: Qualifier,
  side: Side,
  sideLabel: string,
  outcome: Outcome,
): Claim {
  return {
    start,
    end: start + phrase.length,
    text: text.slice(start, start + phrase.length),
    low: value,
    high: value,
    qualifier,
    side,
    sideLabel,
    outcome,
    attributedTo: null,
  };
}

/** French and Russian figures in text, in reading order. */
export function extractOtherLanguageClaims(text: string): Claim[] {
  if (!MAY_HAVE_FIGURES.test(text)) return [];
  const claims: Claim[] = [];
  for (const match of text.matchAll(FRENCH)) {
    const [, qualifierWord, numberWord = '', sideWord, outcomeWord = ''] = match;
    const value = count(numberWord, FR_NUMBERS);
    const outcome = FR_OUTCOMES[outcomeWord.toLowerCase()];
    // A bare number needs "morts"/"blessés" right after it: "13 morts".
    const auxiliary = /\s(?:ont|a|sont)\s/i.test(match[0]);
    if (value === null || !outcome || (!sideWord && auxiliary)) continue;
    const phraseEnd = sideWord
      ? match[0].indexOf(sideWord) + sideWord.length
      : match[0].indexOf(numberWord) + numberWord.length;
    const phrase = match[0].slice(0, phraseEnd);
    const side = sideWord ? (FR_SIDES[sideWord.toLowerCase()] ?? 'unknown') : 'unknown';
    const qualifier = qualifierWord
      ? (FR_QUALIFIERS[qualifierWord.toLowerCase()] ?? 'exact')
      : 'exact';
    claims.push(
      claim(text, match.index ?? 0, phrase, value, qualifier, side, sideWord ?? '', outcome),
    );
  }
  for (const match of text.matchAll(RUSSIAN_VERB_FIRST)) {
    const [, outcomeWord = '', qualifierWord, numberWord = '', sideWord = ''] = match;
    const value = count(numberWord, RU_NUMBERS);
    const outcome = RU_OUTCOMES[outcomeWord.toLowerCase()];
    if (value === null || !outcome) continue;
    const offset = match[0].indexOf(qualifierWord ?? numberWord, outcomeWord.length);
    const qualifier = qualifierWord
      ? (RU_QUALIFIERS[qualifierWord.toLowerCase()] ?? 'exact')
      : 'exact';
    const side = RU_SIDES[sideWord.toLowerCase()] ?? 'unknown';
    claims.push(
      claim(
        text,
        (match.index ?? 0) + offset,
        match[0].slice(offset),
        value,
        qualifier,
        side,
        sideWord,
        outcome,
      ),
    );
  }
  for (const match of text.matchAll(RUSSIAN_VERB_LAST)) {
    const [, qualifierWord, numberWord = '', sideWord = '', outcomeWord = ''] = match;
    const value = count(numberWord, RU_NUMBERS);
    const outcome = RU_OUTCOMES[outcomeWord.toLowerCase()];
    if (value === null || !outcome) continue;
    const phrase = match[0].slice(0, match[0].lastIndexOf(sideWord) + sideWord.length);
    const qualifier = qualifierWord
      ? (RU_QUALIFIERS[qualifierWord.toLowerCase()] ?? 'exact')
      : 'exact';
    const side = RU_SIDES[sideWord.toLowerCase()] ?? 'unknown';
    claims.push(claim(text, match.index ?? 0, phrase, value, qualifier, side, sideWord, outcome));
  }
  return claims.toSorted((a, b) => a.start - b.start);
}
