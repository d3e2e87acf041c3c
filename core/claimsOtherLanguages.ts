/**
 * French and Russian casualty figures (and Tajik ones, ./claimsTajik.ts), so
 * a page in these languages is not silent: "au moins huit policiers ont été tués", "neuf policiers tués et
 * douze blessés", "21 morts, dont 15 soldats", "погибли двое полицейских",
 * "были убиты 13 боевиков", "число погибших выросло до 145 человек".
 * Deliberately small: a number, a known noun and a casualty verb next to each
 * other, an aside ("dont six enfants", "в том числе"), a toll, and the
 * sentence's source ("selon le ministère", "по данным МВД"). English grammar
 * (long lists, relative clauses) lives in claims.ts.
 *
 * Each language runs only when one cheap test finds its casualty words.
 * A number with no noun takes the side of the figure before it in its
 * sentence ("neuf policiers tués et douze blessés"), else unknown; a Russian
 * "ещё N" with the outcome of the figure before it is an increment.
 */
import {
  alternation,
  END,
  numberPattern,
  readCount,
  START,
  toClaims,
  type Raw,
  type Vocabulary,
} from './claimVocabulary';
import { TAJIK, TAJIK_CUE, TAJIK_SOURCE, tajikIn } from './claimsTajik';
import type { Outcome, Side } from './schema';
import { splitParagraphs } from './sentences';
import type { Claim, Span } from './types';

const FR: Vocabulary = {
  numbers: {
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
    'dix-sept': 17,
    'dix-huit': 18,
    'dix-neuf': 19,
    cent: 100,
  },
  tens: { vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60 },
  units: {
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
  },
  approximate: {
    dizaine: 10,
    douzaine: 12,
    quinzaine: 15,
    vingtaine: 20,
    trentaine: 30,
    quarantaine: 40,
    cinquantaine: 50,
    soixantaine: 60,
    centaine: 100,
  },
  sides: {
    policier: 'security',
    soldat: 'security',
    militaire: 'security',
    gendarme: 'security',
    'garde-frontière': 'security',
    assaillant: 'militants',
    rebelle: 'militants',
    civil: 'civilians',
    enfant: 'civilians',
    policiers: 'security',
    soldats: 'security',
    militaires: 'security',
    gendarmes: 'security',
    'gardes-frontières': 'security',
    agents: 'security',
    membres: 'unknown',
    assaillants: 'militants',
    rebelles: 'militants',
    insurgés: 'militants',
    terroristes: 'militants',
    djihadistes: 'militants',
    jihadistes: 'militants',
    islamistes: 'militants',
    combattants: 'militants',
    civils: 'civilians',
    enfants: 'civilians',
    femmes: 'civilians',
    habitants: 'civilians',
    villageois: 'civilians',
    manifestants: 'civilians',
    personnes: 'unknown',
    suspects: 'unknown',
    hommes: 'unknown',
    autres: 'inherit',
  },
  outcomes: {
    tués: 'killed',
    tuées: 'killed',
    tué: 'killed',
    morts: 'killed',
    mort: 'killed',
    péri: 'killed',
    abattus: 'killed',
    neutralisés: 'killed',
    blessés: 'wounded',
    blessées: 'wounded',
    blessé: 'wounded',
    arrêtés: 'detained',
    arrêtées: 'detained',
    interpellés: 'detained',
    interpellées: 'detained',
    capturés: 'captured',
    enlevés: 'captured',
    disparus: 'missing',
  },
  qualifiers: {
    'au moins': 'at-least',
    'plus de': 'more-than',
    'près de': 'about',
    environ: 'about',
    quelque: 'about',
    "jusqu'à": 'up-to',
  },
};

const RU: Vocabulary = {
  numbers: {
    один: 1,
    одна: 1,
    два: 2,
    две: 2,
    двое: 2,
    двух: 2,
    три: 3,
    трое: 3,
    трех: 3,
    трёх: 3,
    четыре: 4,
    четверо: 4,
    четырех: 4,
    четырёх: 4,
    пять: 5,
    пятеро: 5,
    пяти: 5,
    шесть: 6,
    шестеро: 6,
    шести: 6,
    семь: 7,
    семеро: 7,
    семи: 7,
    восемь: 8,
    восьмеро: 8,
    восьми: 8,
    девять: 9,
    девятеро: 9,
    девяти: 9,
    десять: 10,
    десятеро: 10,
    десяти: 10,
    одиннадцать: 11,
    одиннадцати: 11,
    двенадцать: 12,
    двенадцати: 12,
    тринадцать: 13,
    тринадцати: 13,
    четырнадцать: 14,
    четырнадцати: 14,
    пятнадцать: 15,
    пятнадцати: 15,
    шестнадцать: 16,
    шестнадцати: 16,
    семнадцать: 17,
    семнадцати: 17,
    восемнадцать: 18,
    восемнадцати: 18,
    девятнадцать: 19,
    девятнадцати: 19,
    двадцати: 20,
    тридцати: 30,
    сорока: 40,
    пятидесяти: 50,
    сто: 100,
    ста: 100,
  },
  tens: {
    двадцать: 20,
    тридцать: 30,
    сорок: 40,
    пятьдесят: 50,
    шестьдесят: 60,
    семьдесят: 70,
    восемьдесят: 80,
    девяносто: 90,
  },
  units: {
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
  },
  approximate: {},
  sides: {
    полицейских: 'security',
    полицейские: 'security',
    военнослужащих: 'security',
    военнослужащие: 'security',
    военных: 'security',
    солдат: 'security',
    пограничников: 'security',
    силовиков: 'security',
    сотрудников: 'security',
    боевиков: 'militants',
    боевика: 'militants',
    нападавших: 'militants',
    террористов: 'militants',
    экстремистов: 'militants',
    'участников вооруженной группы': 'militants',
    'участников вооружённой группы': 'militants',
    'мирных жителей': 'civilians',
    мирных: 'civilians',
    детей: 'civilians',
    'предполагаемых исполнителей': 'unknown',
    человек: 'unknown',
  },
  outcomes: {
    погибли: 'killed',
    погиб: 'killed',
    погибших: 'killed',
    убиты: 'killed',
    убито: 'killed',
    уничтожены: 'killed',
    уничтожено: 'killed',
    ликвидированы: 'killed',
    погибшем: 'killed',
    // Active verbs before their object: "уничтожили четырех боевиков".
    убили: 'killed',
    уничтожили: 'killed',
    ликвидировали: 'killed',
    ранены: 'wounded',
    раненых: 'wounded',
    ранено: 'wounded',
    'получили ранения': 'wounded',
    пострадали: 'wounded',
    задержаны: 'detained',
    задержано: 'detained',
    задержали: 'detained',
    арестовали: 'detained',
    арестовал: 'detained',
    'взяты в плен': 'captured',
    пропали: 'missing',
  },
  qualifiers: {
    'не менее': 'at-least',
    'по меньшей мере': 'at-least',
    более: 'more-than',
    свыше: 'more-than',
    около: 'about',
    до: 'up-to',
  },
};

const FR_NUMBER = numberPattern(FR, '[- ](?:et[- ])?');
const FR_QUALIFIER = alternation(Object.keys(FR.qualifiers));
const FR_SIDE = alternation(Object.keys(FR.sides));
const FR_OUTCOME = alternation(Object.keys(FR.outcomes));
/**
 * "huit membres d'un « groupe criminel organisé » ont été tués": a short
 * complement of the noun, taken only when an auxiliary follows it.
 */
const FR_COMPLEMENT =
  "(?:\\s+(?:d['’]une?|de\\s+la|du|des)\\s+[^,.;:!?]{1,50}?(?=\\s+(?:ont|a|sont|auraient|avaient)\\s))?";
/** "Un policier a également été tué": an adverb between the auxiliary and the participle. */
const FR_ADVERB = 'également|aussi|déjà|ensuite|finalement|par ailleurs';
/** "soldats français", "policiers maliens": a nationality after the noun, left out of the label. */
const FR_DEMONYM = '(?:\\s+\\p{Ll}+(?:ais|aises|iens|iennes|ains|aines|ois|oises))?';
/** "au moins huit policiers ont été tués", "13 morts", "une cinquantaine de blessés" */
const FRENCH = new RegExp(
  `${START}(?:(${FR_QUALIFIER})\\s+)?(${FR_NUMBER})(?:\\s+(?:de\\s+|d['’])?(${FR_SIDE})${FR_DEMONYM}${FR_COMPLEMENT})?` +
    `(\\s*,\\s*dont\\s+[^,;]{1,60},)?` +
    `\\s+(?:(?:ont|a|sont|auraient|avaient)(?:\\s+(?:${FR_ADVERB}))?(?:\\s+été)?\\s+)?(?:de\\s+|d['’])?(${FR_OUTCOME})${END}`,
  'giu',
);
/** ", dont 15 soldats" after a figure names part of it. */
const FRENCH_ASIDE = new RegExp(
  `^\\s*,?\\s*dont\\s+(?:(${FR_QUALIFIER})\\s+)?(${FR_NUMBER})\\s+(${FR_SIDE})${END}`,
  'iu',
);

const RU_NUMBER = numberPattern(RU, '\\s+');
const RU_QUALIFIER = alternation(Object.keys(RU.qualifiers));
const RU_SIDE = `(?:сотрудников\\s+(?:полиции|МВД|ГКНБ|милиции|силовых\\s+структур|правоохранительных\\s+органов)|${alternation(Object.keys(RU.sides))})`;
const RU_OUTCOME = alternation(Object.keys(RU.outcomes));
/** "погибли девять полицейских", "были убиты 13 боевиков" */
const RUSSIAN_VERB_FIRST = new RegExp(
  `${START}(${RU_OUTCOME})\\s+(ещё\\s+|еще\\s+)?(?:(${RU_QUALIFIER})\\s+)?(${RU_NUMBER})\\s+(${RU_SIDE})${END}`,
  'giu',
);
/** "девять полицейских погибли", "ещё пятеро задержаны", "более 100 получили ранения" */
const RUSSIAN_VERB_LAST = new RegExp(
  `${START}(ещё\\s+|еще\\s+)?(?:(${RU_QUALIFIER})\\s+)?(${RU_NUMBER})(?:\\s+(${RU_SIDE}))?` +
    `\\s+(?:(?:были|был|была|было)\\s+)?(${RU_OUTCOME})${END}`,
  'giu',
);
/** "Число погибших ... выросло до 145 человек" */
const RUSSIAN_TOTAL = new RegExp(
  `${START}число\\s+(погибших|жертв|раненых|пострадавших|задержанных)[^.;!?]{0,100}?` +
    `(выросло|возросло|увеличилось|достигло|составило|составляет|составил|превысило)\\s+(?:до\\s+)?` +
    `(?:(${RU_QUALIFIER})\\s+)?(${RU_NUMBER})(?:\\s+(человек))?${END}`,
  'giu',
);
/** One person of a named side, in the nominative: "пограничник", "сотрудник милиции". */
const RU_ONE_PERSON: Record<string, Side> = {
  пограничник: 'security',
  полицейский: 'security',
  военнослужащий: 'security',
  'сотрудник милиции': 'security',
  'сотрудник полиции': 'security',
  боевик: 'militants',
  'мирный житель': 'civilians',
};
const RU_ONE = alternation(Object.keys(RU_ONE_PERSON));
/** "погибли пограничник и сотрудник милиции": a plural verb, then people listed one by one. */
const RUSSIAN_PEOPLE_LISTED = new RegExp(
  `${START}(погибли|убиты|ранены|задержаны)\\s+((?:${RU_ONE})(?:\\s*(?:,|и)\\s*(?:${RU_ONE}))+)${END}`,
  'giu',
);
const RU_PEOPLE_OUTCOMES: Record<string, Outcome> = {
  погибли: 'killed',
  убиты: 'killed',
  ранены: 'wounded',
  задержаны: 'detained',
};

const RUSSIAN_ASIDE = new RegExp(
  `^\\s*,\\s*(?:в\\s+том\\s+числе|из\\s+них|среди\\s+них)\\s+(?:(${RU_QUALIFIER})\\s+)?(${RU_NUMBER})\\s+(${RU_SIDE})${END}`,
  'iu',
);
const RU_TOTAL_OUTCOMES: Record<string, Outcome> = {
  погибших: 'killed',
  жертв: 'killed',
  раненых: 'wounded',
  пострадавших: 'wounded',
  задержанных: 'detained',
};

/** One cheap test per language before its rules run. */
const FRENCH_CUE =
  /tué|morts|blessé|arrêté|interpellé|capturé|enlevé|disparus|péri|abattus|neutralisé/iu;
const RUSSIAN_CUE =
  /погиб|убит|убил|уничтож|ликвидир|ранен|ранени|пострада|задержан|задержал|арестова|плен|пропал|жертв/iu;

const FR_SOURCE = /selon\s+([^,.;:()«»"]{2,80}?)\s*(?=[,.;:()]|$)/iu;
const FR_SOURCE_END =
  /,\s*(?:a|ont)\s+(?:annoncé|indiqué|déclaré|affirmé|précisé|rapporté|ajouté|confirmé)\s+([^,;:]{2,80}?)\s*[.!]?\s*$/iu;
const RU_SOURCE =
  /(?:^|[\s,])по\s+(?:данным|словам|информации|сообщению)\s+([^,.;:()«»"]{2,80}?)\s*(?=[,.;:()]|$)/iu;
const RU_SOURCE_END =
  /,\s*(?:[—–-]\s*)?(?:как\s+)?(?:сообщили|сообщил|сообщила|сообщает|сообщают|заявили|заявил|заявила|передает|передаёт|рассказали|рассказал)\s+(?:в\s+|во\s+)?([^,;:]{2,80}?)\s*[.!]?\s*$/iu;

function attributionOf(sentence: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const found = pattern.exec(sentence)?.[1]?.trim();
    if (found) return found;
  }
  return null;
}

function frenchIn(text: string, sentence: Span): Raw[] {
  const body = text.slice(sentence.start, sentence.end);
  const found: Raw[] = [];
  for (const match of body.matchAll(FRENCH)) {
    const [whole, qualifierWord, numberWord = '', sideWord, aside, outcomeWord = ''] = match;
    const count = readCount(numberWord, FR);
    const outcome = FR.outcomes[outcomeWord.toLowerCase()];
    // A bare number with an auxiliary ("20 ont été tués") is too often a date or an age.
    const auxiliary = /\s(?:ont|a|sont|auraient|avaient)\s/i.test(whole);
    if (count === null || !outcome || (!sideWord && auxiliary)) continue;
    const at = sentence.start + (match.index ?? 0);
    const labelEnd = sideWord
      ? whole.indexOf(sideWord, whole.indexOf(numberWord) + numberWord.length) + sideWord.length
      : whole.indexOf(numberWord) + numberWord.length;
    const qualifier = qualifierWord ? (FR.qualifiers[qualifierWord.toLowerCase()] ?? null) : null;
    const before = body.slice(0, match.index ?? 0);
    const total = !sideWord && /\bbilan\b/i.test(before);
    found.push({
      start: at,
      end: at + labelEnd,
      count,
      qualifier,
      sideWord: sideWord ?? '',
      outcome,
      total,
    });
    // "Quatorze civils, dont six enfants, ont péri" / "21 morts, dont 15 soldats"
    const asideAt = at + (aside ? whole.indexOf(aside) : whole.length);
    const part = FRENCH_ASIDE.exec(aside ?? body.slice(asideAt - sentence.start));
    if (part) {
      const [partWhole, partQualifier, partNumber = '', partSide = ''] = part;
      const partCount = readCount(partNumber, FR);
      const opener = /dont\s+/iu.exec(partWhole);
      if (partCount && opener) {
        found.push({
          start: asideAt + opener.index + opener[0].length,
          end: asideAt + partWhole.length,
          count: partCount,
          qualifier: partQualifier ? (FR.qualifiers[partQualifier.toLowerCase()] ?? null) : null,
          sideWord: partSide,
          outcome,
        });
      }
    }
  }
  return found;
}

function russianIn(text: string, sentence: Span): Raw[] {
  const body = text.slice(sentence.start, sentence.end);
  const found: Raw[] = [];
  const push = (
    index: number,
    phrase: string,
    more: string | undefined,
    qualifierWord: string | undefined,
    numberWord: string,
    sideWord: string | undefined,
    outcome: Outcome | undefined,
    total = false,
  ) => {
    const count = readCount(numberWord, RU);
    if (count === null || !outcome) return;
    const from = phrase.indexOf(numberWord, more?.length ?? 0);
    const end =
      sentence.start +
      index +
      (sideWord ? phrase.indexOf(sideWord, from) + sideWord.length : from + numberWord.length);
    found.push({
      start: sentence.start + index + (qualifierWord ? phrase.indexOf(qualifierWord) : from),
      end,
      count,
      qualifier: qualifierWord ? (RU.qualifiers[qualifierWord.toLowerCase()] ?? null) : null,
      sideWord: sideWord ?? '',
      outcome,
      total,
      more: more !== undefined,
    });
    const part = RUSSIAN_ASIDE.exec(body.slice(end - sentence.start));
    if (part) {
      const [partWhole, partQualifier, partNumber = '', partSide = ''] = part;
      const partCount = readCount(partNumber, RU);
      const partFrom = partWhole.indexOf(partQualifier ?? partNumber);
      if (partCount) {
        found.push({
          start: end + partFrom,
          end: end + partWhole.length,
          count: partCount,
          qualifier: partQualifier ? (RU.qualifiers[partQualifier.toLowerCase()] ?? null) : null,
          sideWord: partSide,
          outcome,
        });
      }
    }
  };
  for (const match of body.matchAll(RUSSIAN_VERB_FIRST)) {
    const [whole, outcomeWord = '', more, qualifierWord, numberWord = '', sideWord] = match;
    const index = (match.index ?? 0) + outcomeWord.length;
    const rest = whole.slice(outcomeWord.length);
    push(
      index,
      rest,
      more,
      qualifierWord,
      numberWord,
      sideWord,
      RU.outcomes[outcomeWord.toLowerCase()],
    );
  }
  for (const match of body.matchAll(RUSSIAN_VERB_LAST)) {
    const [whole, more, qualifierWord, numberWord = '', sideWord, outcomeWord = ''] = match;
    push(
      match.index ?? 0,
      whole,
      more,
      qualifierWord,
      numberWord,
      sideWord,
      RU.outcomes[outcomeWord.toLowerCase()],
    );
  }
  for (const match of body.matchAll(RUSSIAN_PEOPLE_LISTED)) {
    const [whole, verb = '', list = ''] = match;
    const people = list.split(/\s*(?:,|\sи\s)\s*/u).map((one) => one.toLowerCase());
    const sides = new Set(people.map((one) => RU_ONE_PERSON[one.replace(/\s+/g, ' ')]));
    const [side] = sides;
    const outcome = RU_PEOPLE_OUTCOMES[verb.toLowerCase()];
    // People of one named side add up; of several sides they say nothing countable.
    if (sides.size !== 1 || side === undefined || outcome === undefined) continue;
    const at = sentence.start + (match.index ?? 0) + whole.indexOf(list);
    found.push({
      start: at,
      end: at + list.length,
      count: { low: people.length, high: people.length, vague: false },
      qualifier: null,
      sideWord: list,
      outcome,
      side,
    });
  }
  for (const match of body.matchAll(RUSSIAN_TOTAL)) {
    const [whole, totalWord = '', verb = '', qualifierWord, numberWord = '', sideWord] = match;
    const from = whole.lastIndexOf(numberWord);
    push(
      (match.index ?? 0) + from,
      whole.slice(from),
      undefined,
      undefined,
      numberWord,
      sideWord,
      RU_TOTAL_OUTCOMES[totalWord.toLowerCase()],
      true,
    );
    const last = found[found.length - 1];
    if (last && qualifierWord) last.qualifier = RU.qualifiers[qualifierWord.toLowerCase()] ?? null;
    // "превысило 90": exceeded, so more than 90.
    else if (last && verb.toLowerCase() === 'превысило') last.qualifier = 'more-than';
  }
  return found;
}

/** French, Russian and Tajik figures in text, in reading order, with their sentence's source. */
export function extractOtherLanguageClaims(text: string): Claim[] {
  const french = FRENCH_CUE.test(text);
  const russian = RUSSIAN_CUE.test(text);
  const tajik = TAJIK_CUE.test(text);
  if (!french && !russian && !tajik) return [];
  const claims: Claim[] = [];
  for (const paragraph of splitParagraphs(text)) {
    const perSentence = paragraph.sentences.map((sentence) => {
      const body = text.slice(sentence.start, sentence.end);
      const fr =
        french && FRENCH_CUE.test(body) ? toClaims(text, frenchIn(text, sentence), FR.sides) : [];
      const ru =
        russian && RUSSIAN_CUE.test(body)
          ? toClaims(text, russianIn(text, sentence), RU.sides)
          : [];
      const tg =
        tajik && TAJIK_CUE.test(body) ? toClaims(text, tajikIn(text, sentence), TAJIK.sides) : [];
      const source = attributionOf(body, [
        FR_SOURCE,
        FR_SOURCE_END,
        RU_SOURCE,
        RU_SOURCE_END,
        TAJIK_SOURCE,
      ]);
      return { found: [...fr, ...ru, ...tg], source };
    });
    perSentence.forEach(({ found }, i) => {
      const source =
        perSentence[i]?.source ??
        perSentence.slice(0, i).findLast((s) => s.source !== null)?.source ??
        perSentence.slice(i + 1).find((s) => s.source !== null)?.source ??
        null;
      for (const claim of found) claims.push({ ...claim, attributedTo: source });
    });
  }
  return claims.toSorted((a, b) => a.start - b.start);
}
