/**
 * Tajik casualty figures (Cyrillic Tajik, as Ozodi and Asia-Plus write it):
 * "9 корманди милиса кушта шуданд", "17 нафар аъзои гурӯҳ кушта ва 37
 * нафар боздошт шудаанд", "ақаллан ҳашт сарбоз ҳалок гардиданд". Tajik puts
 * the verb last: a number, a counter word (нафар, тан) or a known noun, then
 * the outcome word, with its auxiliary (шуданд, гардиданд) or without it when
 * "ва" joins two figures. A figure with no noun takes the side of the one
 * before it (./claimVocabulary.ts toClaims).
 */
import { alternation, END, numberPattern, readCount, START, type Raw } from './claimVocabulary';
import type { Vocabulary } from './claimVocabulary';
import type { Span } from './types';

export const TAJIK: Vocabulary = {
  numbers: {
    як: 1,
    ду: 2,
    се: 3,
    чор: 4,
    панҷ: 5,
    шаш: 6,
    ҳафт: 7,
    ҳашт: 8,
    нӯҳ: 9,
    даҳ: 10,
    ёздаҳ: 11,
    дувоздаҳ: 12,
    сенздаҳ: 13,
    чордаҳ: 14,
    понздаҳ: 15,
    шонздаҳ: 16,
    ҳабдаҳ: 17,
    ҳаждаҳ: 18,
    нуздаҳ: 19,
    бист: 20,
    сӣ: 30,
    чил: 40,
    панҷоҳ: 50,
    сад: 100,
  },
  tens: {},
  units: {},
  approximate: {},
  sides: {
    'корманди милиса': 'security',
    'кормандони милиса': 'security',
    'корманди мақомоти ҳифзи ҳуқуқ': 'security',
    'кормандони мақомоти ҳифзи ҳуқуқ': 'security',
    милиса: 'security',
    милисаҳо: 'security',
    сарбоз: 'security',
    сарбозон: 'security',
    низомӣ: 'security',
    низомиён: 'security',
    марзбон: 'security',
    марзбонон: 'security',
    'аъзои гурӯҳ': 'militants',
    ҷангҷӯ: 'militants',
    ҷангҷӯён: 'militants',
    ҳамлагар: 'militants',
    ҳамлагарон: 'militants',
    шӯришгар: 'militants',
    шӯришгарон: 'militants',
    'сокини осоишта': 'civilians',
    'сокинони осоишта': 'civilians',
    сокин: 'civilians',
    сокинон: 'civilians',
    'шаҳрванди осоишта': 'civilians',
    'шаҳрвандони осоишта': 'civilians',
    кӯдак: 'civilians',
    кӯдакон: 'civilians',
    гумонбар: 'unknown',
    гумонбарон: 'unknown',
    одам: 'unknown',
  },
  outcomes: {
    кушта: 'killed',
    ҳалок: 'killed',
    захмӣ: 'wounded',
    маҷрӯҳ: 'wounded',
    ярадор: 'wounded',
    боздошт: 'detained',
    дастгир: 'detained',
    асир: 'captured',
    гаравгон: 'captured',
  },
  qualifiers: {
    ақаллан: 'at-least',
    'на камтар аз': 'at-least',
    'беш аз': 'more-than',
    'зиёда аз': 'more-than',
    тақрибан: 'about',
  },
};

/** One cheap test before the rule runs: an outcome word of its own. */
export const TAJIK_CUE = /кушта|ҳалок|захмӣ|маҷрӯҳ|ярадор|боздошт|дастгир|асир|гаравгон/iu;

const TG_NUMBER = numberPattern(TAJIK, '\\s+');
const TG_QUALIFIER = alternation(Object.keys(TAJIK.qualifiers));
const TG_SIDE = alternation(Object.keys(TAJIK.sides));
const TG_OUTCOME = alternation(Object.keys(TAJIK.outcomes));
const TG_AUXILIARY = 'шуданд|шудаанд|шудааст|шуд|гардиданд|гардидаанд|гардид|гирифта\\s+шуданд';

/** "ақаллан 9 нафар корманди милиса кушта шуданд", "37 нафар боздошт шудаанд" */
const TAJIK_VERB_LAST = new RegExp(
  `${START}(?:(${TG_QUALIFIER})\\s+)?(${TG_NUMBER})(?:\\s+(?:нафар|тан))?(?:\\s+(${TG_SIDE}))?` +
    `\\s+(${TG_OUTCOME})(?:\\s+(?:${TG_AUXILIARY})|(?=\\s+ва\\s))${END}`,
  'giu',
);

/** "Ба гуфтаи вазорат, ..." (according to the ministry). */
export const TAJIK_SOURCE = /(?:^|[\s,])ба\s+гуфтаи\s+([^,.;:()«»"]{2,80}?)\s*(?=[,.;:()]|$)/iu;

/** Tajik figures of one sentence, in order. */
export function tajikIn(text: string, sentence: Span): Raw[] {
  const body = text.slice(sentence.start, sentence.end);
  const found: Raw[] = [];
  for (const match of body.matchAll(TAJIK_VERB_LAST)) {
    const [whole, qualifierWord, numberWord = '', sideWord, outcomeWord = ''] = match;
    const count = readCount(numberWord, TAJIK);
    const outcome = TAJIK.outcomes[outcomeWord.toLowerCase()];
    if (count === null || outcome === undefined) continue;
    const at = sentence.start + (match.index ?? 0);
    const from = whole.indexOf(numberWord, qualifierWord?.length ?? 0);
    // The label runs to the noun, or to the counter word ("17 нафар").
    const counter = /^\s+(?:нафар|тан)/iu.exec(whole.slice(from + numberWord.length));
    const labelEnd = sideWord
      ? whole.indexOf(sideWord, from + numberWord.length) + sideWord.length
      : from + numberWord.length + (counter?.[0].length ?? 0);
    found.push({
      start: at + (qualifierWord ? 0 : from),
      end: at + labelEnd,
      count,
      qualifier: qualifierWord ? (TAJIK.qualifiers[qualifierWord.toLowerCase()] ?? null) : null,
      sideWord: sideWord ?? '',
      outcome,
    });
  }
  return found;
}
