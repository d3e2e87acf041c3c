/**
 * Reads casualty figures from a page's visible text: "At least eight
 * policemen and two gunmen were killed", "had killed two of the attackers
 * ... and wounded three others, the ministry said", "13 dead".
 *
 * A number becomes a figure only when grammar ties it to a casualty word:
 * it is the subject of one ("15 militants were killed", "13 have been
 * eliminated", "150,000 dead"), its object ("killing 28 soldiers"), the
 * value of "the number of ... killed is seven" or "the death toll rose to
 * 25", or it is listed after such a figure ("..., as well as nine of
 * Nazarzod's troops."). Anything else - ages, dates, distances, weapons,
 * force sizes - is left alone: a missed figure costs less than a wrong one.
 *
 * Work is bounded: a sentence with no casualty word is skipped by one regex
 * test, and every look-ahead is capped at a few tokens.
 */
import { attributionIn, isPronoun } from './claimAttribution';
import { markOperationFrames } from './claimFrame';
import { readNounPhrase } from './claimPhrase';
import { extractOtherLanguageClaims } from './claimsOtherLanguages';
import { tokenize, type Token } from './claimTokens';
import { mayStartQuantity, readQuantityAt, type QuantityAt } from './numbers';
import type { Outcome, Qualifier, Side } from './schema';
import { splitParagraphs, type Paragraph } from './sentences';
import {
  classifySide,
  headKind,
  mayStartQualifier,
  OUTCOME_CUE,
  readOutcomeAt,
  readQualifierAt,
} from './sideWords';
import type { Claim, Span } from './types';

/** A number and what it counts, before grammar has tied it to an outcome. */
interface Candidate {
  /** Token range of qualifier + number + noun phrase. */
  first: number;
  last: number;
  quantity: QuantityAt;
  qualifier: Qualifier | null;
  /** The counted noun phrase as written, '' when the number stands alone. */
  label: string;
  side: Side | 'inherit' | null;
  /** "one of whom ...": a relative clause of its own, never part of a list. */
  relative?: boolean;
  /** Token where the counted noun phrase starts (labelled candidates only). */
  labelStart?: number;
  /** "five more", "another three": adds to an earlier count (Claim.relativeTo). */
  increment?: boolean;
}

interface Found {
  candidate: Candidate;
  outcome: Outcome;
  /** Share the qualifier of the group's first figure ("at least eight policemen and two gunmen"). */
  groupQualifier: Qualifier | null;
}

const MONTHS = new Set(
  (
    'january february march april june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);
const NOT_A_COUNT_BEFORE = new Set(
  (
    '$ € £ ¥ ₽ + # no number article chapter section page flight route room resolution paragraph ' +
    'part vol unit aged age ages code tel phone ext platform gate'
  ).split(' '),
);
const NOT_A_COUNT_AFTER = new Set(['%', 'percent', 'per', 'am', 'pm', ':', 'a.m', 'p.m']);
const ONE_AS_PRONOUN = new Set([
  'the',
  'no',
  'any',
  'every',
  'each',
  'this',
  'that',
  'which',
  'last',
]);

const FILLERS = new Set(
  (
    'were was are is have has had been being be reportedly allegedly also all both later since now ' +
    'already initially apparently subsequently eventually previously feared believed confirmed ' +
    'reported said to presumed officially remain remains remained still'
  ).split(' '),
);
const RELATIVE = new Set(['who', 'that', 'which']);
const PASSIVE_AUX = new Set(['were', 'was', 'been', 'are', 'is']);
/** Outcome forms that can follow their subject ("were killed", "13 dead", "five die"). */
const SUBJECT_OUTCOMES = new Set(
  (
    'killed slain dead died die deaths eliminated wounded injured hurt captured abducted kidnapped ' +
    'detained arrested apprehended missing shot found lost taken in unaccounted gunned neutralised ' +
    'neutralized massacred'
  ).split(' '),
);
/** Words that open an object: "gunmen killed three soldiers" makes the gunmen the killers. */
const OBJECT_START = new Set(
  'the a an his her their its him them at more some about nearly up as over'.split(' '),
);
const CLAUSE_END = new Set(['.', ';', '!', '?', '"', '”', "'", '’', ')']);
const SENTENCE_STOP = new Set(['.', ';', '!', '?']);
const LIST_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'near']);
/** "the toll", "the death toll", "its casualty toll"; not "a toll road" or "took a toll". */
const TOLL_OPENERS = new Set(['death', 'casualty', 'the', 'its', 'final', 'overall', 'official']);
const NOT_A_TOLL = new Set([
  'road',
  'roads',
  'booth',
  'booths',
  'plaza',
  'gate',
  'fee',
  'fees',
  'free',
]);
const MAX_TOLL_REACH = 16;
const TOTAL_BRINGERS = new Set(
  'bringing brought brings bring raising raised raises pushing pushed taking took'.split(' '),
);

function isToll(words: readonly string[], x: number): boolean {
  return (
    words[x] === 'toll' &&
    TOLL_OPENERS.has(words[x - 1] ?? '') &&
    !NOT_A_TOLL.has(words[x + 1] ?? '')
  );
}
const TOLL_VERBS = new Set(['to', 'at', 'of', 'is', 'was', 'reached', 'hit', 'stood', 'stands']);
const COPULAS = new Set([
  'is',
  'was',
  'stands',
  'stood',
  'rose',
  'reached',
  'climbed',
  'risen',
  'hit',
]);
const MAX_RELATIVE_CLAUSE = 20;
const MAX_FILLERS = 5;
const MAX_ASIDE = 12;
const ASIDE_OPENERS = new Set(['including', 'among', 'most', 'many', 'mostly', 'all']);

function quantityInContext(
  tokens: readonly Token[],
  words: readonly string[],
  at: number,
  start: number,
  quantity: QuantityAt,
): boolean {
  const before = words[start - 1] ?? '';
  const beforeToken = tokens[start - 1];
  // "a mother of two", "a nation of 8 million": a bare number after "of" describes, not counts.
  if (before === 'of' && readNounPhrase(tokens, words, quantity.next)?.kind === 'bare')
    return false;
  if (NOT_A_COUNT_BEFORE.has(before)) return false;
  if (MONTHS.has(before) || (before === '.' && MONTHS.has(words[start - 2] ?? ''))) return false;
  if (tokens[start - 1]?.text === 'May') return false;
  if (beforeToken && /^\d/.test(beforeToken.text)) return false;
  if (before === ':' && /^\d/.test(tokens[start - 2]?.text ?? '')) return false;
  if (
    words[at] === 'one' &&
    ONE_AS_PRONOUN.has(words[at - 1] ?? '') &&
    !complementizerThat(words, at - 1)
  ) {
    return false;
  }
  const after = words[quantity.next] ?? '';
  const afterToken = tokens[quantity.next];
  if (NOT_A_COUNT_AFTER.has(after) || MONTHS.has(after) || afterToken?.text === 'May') return false;
  if (afterToken && /^\d/.test(afterToken.text)) return false;
  return true;
}

/**
 * "said on Wednesday that one police officer was killed": a "that" a few
 * words after a verb of saying opens what was said, so the "one" after it
 * counts ("that one" is otherwise a demonstrative).
 */
function complementizerThat(words: readonly string[], k: number): boolean {
  if (words[k] !== 'that') return false;
  for (let back = k - 1; back >= Math.max(0, k - 3); back--) {
    if (CLAUSE_OPENING_VERBS.has(words[back] ?? '')) return true;
  }
  return false;
}

function span(text: string, tokens: readonly Token[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to - 1];
  return first && last ? text.slice(first.start, last.end) : '';
}

/** A qualifier + quantity + noun phrase starting at token i, or null. */
function readCandidate(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
): Candidate | null {
  const qualifier = readQualifierAt(words, i);
  const at = qualifier ? qualifier.next : i;
  const quantity = readQuantityAt(words, at);
  if (!quantity || !quantityInContext(tokens, words, at, i, quantity)) return null;
  const phrase = readNounPhrase(tokens, words, quantity.next);
  if (!phrase) return null;
  const increment = isIncrement(words, i, quantity.next);
  // "another 12 people", "a further 10 soldiers": the span shows why it is not a total.
  const first = qualifier ? i : i - incrementLead(words, i);
  if (phrase.kind === 'bare') {
    return {
      first,
      last: quantity.next,
      quantity: { ...quantity, next: phrase.next },
      qualifier: qualifier?.qualifier ?? null,
      label: '',
      side: null,
      relative: phrase.next > quantity.next && words[phrase.next - 2] === 'of',
      increment,
    };
  }
  const label = span(text, tokens, phrase.labelStart, phrase.labelEnd);
  return {
    first,
    last: phrase.labelEnd,
    quantity,
    qualifier: qualifier?.qualifier ?? null,
    label,
    side: classifySide(label),
    // "five of them" picks out part of an earlier figure: an aside, not a list item.
    relative: label.toLowerCase() === 'them',
    labelStart: phrase.labelStart,
    increment,
  };
}

const INCREMENT_AFTER = new Set(['more', 'additional', 'further']);

/** How many words before a quantity make it an increment: "another" 1, "a further" 2. */
function incrementLead(words: readonly string[], first: number): number {
  const before = words[first - 1];
  if (before === 'another') return 1;
  return before === 'further' && words[first - 2] === 'a' ? 2 : 0;
}

/** "five more", "12 additional", "another three", "a further 10": counted on top of an earlier figure. */
function isIncrement(words: readonly string[], first: number, afterQuantity: number): boolean {
  if (INCREMENT_AFTER.has(words[afterQuantity] ?? '') && words[afterQuantity + 1] !== 'than')
    return true;
  return incrementLead(words, first) > 0;
}

/** "including a child", or "a soldier was killed": one person, or null. */
function readArticleAt(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
): Candidate | null {
  if (words[i] !== 'a' && words[i] !== 'an') return null;
  if (words[i - 1] === 'including' || (words[i - 1] === 'them' && words[i - 2] === 'among'))
    return readListedArticle(text, tokens, words, i - 1);
  return readArticleSubject(text, tokens, words, i);
}

/** Ordinals and "another" make "a second policeman" one more, not one: left alone. */
const NOT_ONE =
  /^(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|further|other|single|lone|fellow)\b/i;
const SUBJECT_LINKS = new Set(['was', 'has', 'had', 'is', 'died', 'dies', 'reportedly']);
/** What follows "a border guard and a police officer": the two share a plural verb. */
const PLURAL_LINKS = new Set(['were', 'have', 'had', 'died', 'reportedly']);

/**
 * "A soldier was killed", "a policeman died": one person of a named side,
 * the subject of a passive or intransitive casualty verb, counts 1. Not an
 * object ("for killing a policeman" is as often a charge as an event), not a
 * generic noun ("a hostage", "a man"), not "a second ...": precision first.
 */
function readArticleSubject(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
): Candidate | null {
  if (words[i - 1] === 'and' || words[i - 1] === 'of') return null;
  const phrase = readNounPhrase(tokens, words, i + 1);
  if (!phrase || phrase.kind !== 'phrase') return null;
  const label = span(text, tokens, phrase.labelStart, phrase.labelEnd);
  if (NOT_ONE.test(label) || label.includes(' of ')) return null;
  const head = headKind(words[phrase.labelEnd - 1] ?? '');
  if (head !== 'security' && head !== 'militants' && head !== 'civilians') return null;
  if (
    !SUBJECT_LINKS.has(words[phrase.labelEnd] ?? '') &&
    !pairedWithOneMore(tokens, words, phrase.labelEnd)
  ) {
    return null;
  }
  const side = classifySide(label);
  if (side === 'inherit') return null;
  return {
    first: i,
    last: phrase.labelEnd,
    quantity: { low: 1, high: 1, vague: false, next: i + 1 },
    qualifier: null,
    label,
    side,
    labelStart: phrase.labelStart,
  };
}

/**
 * "a border guard and a police officer were killed": at `k`, "and a" and
 * one more person of a named side, then a plural verb. The second person is
 * read as a listed one (readListedArticle) and the two share the verb.
 */
function pairedWithOneMore(tokens: readonly Token[], words: readonly string[], k: number): boolean {
  if (words[k] !== 'and' || (words[k + 1] !== 'a' && words[k + 1] !== 'an')) return false;
  const next = readNounPhrase(tokens, words, k + 2);
  if (!next || next.kind !== 'phrase') return false;
  const head = headKind(words[next.labelEnd - 1] ?? '');
  if (head !== 'security' && head !== 'militants' && head !== 'civilians') return false;
  return PLURAL_LINKS.has(words[next.labelEnd] ?? '');
}

/** Where ", among them a ..." joins its figure: the index of "them", else `k`. */
function listJoinAfter(words: readonly string[], k: number): number {
  return words[k] === ',' && words[k + 1] === 'among' && words[k + 2] === 'them' ? k + 2 : k;
}

const LIST_JOINS = new Set(['and', ',', 'including', 'them']);

/** "... and a traffic policeman": a person added to a list of figures counts one. */
function readListedArticle(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
  i: number,
): Candidate | null {
  if (!LIST_JOINS.has(words[i] ?? '') || (words[i + 1] !== 'a' && words[i + 1] !== 'an'))
    return null;
  // ", among them a police officer,": names one of the figure before it.
  if (words[i] === 'them' && words[i - 1] !== 'among') return null;
  const phrase = readNounPhrase(tokens, words, i + 2);
  if (!phrase || phrase.kind !== 'phrase') return null;
  const label = span(text, tokens, phrase.labelStart, phrase.labelEnd);
  const side = classifySide(label);
  if (side === 'inherit') return null;
  return {
    first: i + 1,
    last: phrase.labelEnd,
    quantity: { low: 1, high: 1, vague: false, next: i + 2 },
    qualifier: null,
    label,
    side,
    labelStart: phrase.labelStart,
  };
}

/** Verbs after which a list of figures is a clause of its own, not the verb's object. */
const CLAUSE_OPENING_VERBS = new Set(
  'said reported announced added stated confirmed noted claimed warned explained estimated'.split(
    ' ',
  ),
);
/** Words in -ed/-ing that open a phrase, not take an object. */
const NOT_A_VERB = new Set(
  'including excluding following during according regarding concerning involving led'.split(' '),
);

/**
 * "the project employed 15,000 workers": a count right after a past or
 * present participle that is no casualty verb is that verb's object, so it
 * cannot share a verb that comes after it with the figures listed next.
 */
function isObjectOfOtherVerb(words: readonly string[], candidate: Candidate): boolean {
  const before = words[candidate.first - 1] ?? '';
  if (!/^[a-z]{3,}(?:ed|ing)$/.test(before)) return false;
  if (CLAUSE_OPENING_VERBS.has(before) || NOT_A_VERB.has(before)) return false;
  return readOutcomeAt(words, candidate.first - 1) === null;
}

/** Figures joined by "and" or commas share the verb that follows them. */
function groupCandidates(
  words: readonly string[],
  candidates: readonly Candidate[],
): Candidate[][] {
  const groups: Candidate[][] = [];
  for (const candidate of candidates) {
    const group = groups[groups.length - 1];
    const previous = group?.[group.length - 1];
    if (group && group.length === 1 && previous && isObjectOfOtherVerb(words, previous)) {
      groups.push([candidate]);
      continue;
    }
    const between = previous ? words.slice(previous.last, candidate.first).join(' ') : null;
    // ", and" after a single item opens a new clause ("employed 15,000 workers, and two
    // workers were killed"); only a list of three or more takes a comma before "and".
    const serialAnd = between === ', and' && (group?.length ?? 0) >= 2;
    const joins = between === 'and' || (candidate.label !== '' && (between === ',' || serialAnd));
    if (group && !candidate.relative && joins) group.push(candidate);
    else groups.push([candidate]);
  }
  return groups;
}

const MERGED_SIDES: ReadonlySet<Side | 'inherit' | null> = new Set([
  'security',
  'militants',
  'civilians',
]);

/**
 * "several special forces officers and a traffic policeman were shot dead"
 * is one figure of one side (4-10 security), as a report would be recorded;
 * "eight policemen and two gunmen" stays two. Counts of unknown side are
 * never added up: "people" and "Palestinians" may be the same dead.
 */
function mergeSameSide(
  text: string,
  tokens: readonly Token[],
  group: readonly Candidate[],
): Candidate[] {
  const merged: Candidate[] = [];
  for (const candidate of group) {
    const previous = merged[merged.length - 1];
    const joins =
      previous !== undefined &&
      MERGED_SIDES.has(candidate.side) &&
      candidate.side === previous.side &&
      previous.labelStart !== undefined &&
      candidate.labelStart !== undefined &&
      (candidate.qualifier === null || candidate.qualifier === previous.qualifier) &&
      Boolean(candidate.increment) === Boolean(previous.increment);
    if (!previous || !joins) {
      merged.push(candidate);
      continue;
    }
    merged[merged.length - 1] = {
      ...previous,
      last: candidate.last,
      quantity: {
        low: previous.quantity.low + candidate.quantity.low,
        high: previous.quantity.high + candidate.quantity.high,
        vague: previous.quantity.vague || candidate.quantity.vague,
        next: candidate.quantity.next,
      },
      label: span(text, tokens, previous.labelStart ?? previous.first, candidate.last),
    };
  }
  return merged;
}

const QUOTE_MARKS = new Set(["'", '"', '”', '’']);
const LIFE_TAKERS = new Set(
  'claimed claiming claims claim took taking takes take cost costing costs'.split(' '),
);

/**
 * The outcome whose object the group is: "killing 28 soldiers", "wounded
 * three others", "claimed the lives of 40 soldiers", "the army lost 300
 * soldiers", "among those killed were three children".
 */
function outcomeBefore(words: readonly string[], group: readonly Candidate[]): Outcome | null {
  const start = group[0]?.first ?? 0;
  // "had 'neutralised' 23 PKK militants": the quote mark does not part verb and object.
  const first = QUOTE_MARKS.has(words[start - 1] ?? '') ? start - 1 : start;
  // "found the bodies of 19 people"
  if (words[first - 1] === 'of' && words[first - 2] === 'bodies' && words[first - 3] === 'the')
    return 'killed';
  if (words[first - 1] === 'dead' && words[first - 2] === 'shot') return 'killed';
  if (
    words[first - 1] === 'of' &&
    words[first - 2] === 'lives' &&
    words[first - 3] === 'the' &&
    LIFE_TAKERS.has(words[first - 4] ?? '')
  ) {
    return 'killed';
  }
  // A force loses people only when the phrase names fighters: not "lost 12 members" or "lost 3 seats".
  const side = group[0]?.side;
  if (words[first - 1] === 'lost' && (side === 'security' || side === 'militants')) return 'killed';
  if (PASSIVE_AUX.has(words[first - 1] ?? '')) return amongOutcome(words, first - 1);
  const found = readOutcomeAt(words, first - 1);
  return found && found.transitive && found.next === first ? found.outcome : null;
}

/** "among the dead", "among those killed" ending right before words[end]. */
function amongOutcome(words: readonly string[], end: number): Outcome | null {
  for (let k = end - 1; k >= end - 3 && k >= 2; k--) {
    const found = readOutcomeAt(words, k);
    const determiner = words[k - 1];
    if (found?.next === end && (determiner === 'the' || determiner === 'those')) {
      return words[k - 2] === 'among' ? found.outcome : null;
    }
  }
  return null;
}

/** "were among the dead", "was among those wounded" starting at words[k]. */
function amongAfter(words: readonly string[], k: number): Outcome | null {
  if (words[k] !== 'among') return null;
  const determiner = words[k + 1];
  if (determiner !== 'the' && determiner !== 'those') return null;
  const found = readOutcomeAt(words, k + 2);
  return found && (!found.transitive || determiner === 'those') ? found.outcome : null;
}

/** The outcome the group is the subject of: "were killed", "have been eliminated", "dead". */
function outcomeAfter(words: readonly string[], last: number, hasNoun: boolean): Outcome | null {
  let k = last;
  if (hasNoun && RELATIVE.has(words[k] ?? '')) {
    for (let x = k + 1; x < words.length && x <= k + MAX_RELATIVE_CLAUSE; x++) {
      if (CLAUSE_END.has(words[x] ?? '')) return null;
      const word = words[x] ?? '';
      const found = SUBJECT_OUTCOMES.has(word) ? readOutcomeAt(words, x) : null;
      // "who were later killed", "who died"; not "who killed three soldiers".
      const passive = words.slice(Math.max(k, x - 3), x).some((w) => PASSIVE_AUX.has(w));
      if (found && (passive || !found.transitive))
        return mixedOutcome(words, found) ? null : found.outcome;
    }
    return null;
  }
  k = skipAside(words, k);
  let fillers = 0;
  let passive = false;
  while (fillers < MAX_FILLERS) {
    const word = words[k] ?? '';
    if (word === 'in' && words[k + 1] === 'fact') k += 2;
    else if (FILLERS.has(word)) k += 1;
    else break;
    passive ||= PASSIVE_AUX.has(word);
    fillers += 1;
  }
  const word = words[k] ?? '';
  if (fillers > 0 && word === 'among') return amongAfter(words, k);
  if (!SUBJECT_OUTCOMES.has(word)) return null;
  const found = readOutcomeAt(words, k);
  if (!found) return null;
  if (word === 'deaths' && fillers > 0) return null;
  // "20 militants (had) killed three soldiers": the number counts the killers.
  if (!passive && found.transitive) {
    const next = words[found.next] ?? '';
    if (OBJECT_START.has(next) || headKind(next) !== undefined || readQuantityAt(words, found.next))
      return null;
  }
  return mixedOutcome(words, found) ? null : found.outcome;
}

/** "killed or wounded" counts casualties of either kind: no single outcome to report. */
function mixedOutcome(words: readonly string[], found: { next: number }): boolean {
  return (
    (words[found.next] === 'or' || words[found.next] === 'and/or') &&
    readOutcomeAt(words, found.next + 1) !== null
  );
}

/** Skips an aside between a subject and its verb: ", including women and children,". */
function skipAside(words: readonly string[], k: number): number {
  // ", including women and children," / ", five of them children,"
  const opener = words[k + 1] ?? '';
  const countOfThem = mayStartQuantity(opener) && words.slice(k + 2, k + 5).includes('them');
  if (words[k] !== ',' || !(ASIDE_OPENERS.has(opener) || countOfThem)) return k;
  for (let x = k + 2; x < words.length && x <= k + MAX_ASIDE; x++) {
    if (words[x] === ',') return x + 1;
    if (CLAUSE_END.has(words[x] ?? '')) return k;
  }
  return k;
}

/** "..., as well as nine of Nazarzod's troops." ends a list that began with an earlier figure. */
function closesList(words: readonly string[], group: readonly Candidate[]): boolean {
  const first = group[0];
  const last = group[group.length - 1];
  if (!first || !last) return false;
  const before = words.slice(Math.max(0, first.first - 3), first.first).join(' ');
  const after = words[last.last];
  // "..., including three children," names a part of the figure before it.
  if (/(?:including|among them)$/.test(before)) {
    return after === undefined || after === ',' || CLAUSE_END.has(after);
  }
  const listed = /(?:as well as|along with|plus|and|,)$/.test(before);
  return listed && (after === undefined || CLAUSE_END.has(after) || LIST_PREPOSITIONS.has(after));
}

/** "the number of Tajik security officers killed ... is seven"; "the death toll rose to 25". */
function readTotals(
  text: string,
  tokens: readonly Token[],
  words: readonly string[],
): Array<Found & { label: string }> {
  const found: Array<Found & { label: string }> = [];
  for (let x = 0; x < words.length; x++) {
    if (words[x] === 'number' && words[x + 1] === 'of') {
      // "the number of dead", "the number of the wounded": a total of every side.
      const of = words[x + 2] === 'the' ? x + 3 : x + 2;
      const alone = readOutcomeAt(words, of);
      const phrase = alone ? null : readNounPhrase(tokens, words, x + 2);
      if (!alone && (!phrase || phrase.kind !== 'phrase')) continue;
      const outcome =
        alone ?? (phrase?.kind === 'phrase' ? readOutcomeAt(words, phrase.labelEnd) : null);
      if (!outcome) continue;
      // "bringing the number of dead to 14"
      const brought = TOTAL_BRINGERS.has(words[x - 2] ?? '') && words[outcome.next] === 'to';
      for (let y = outcome.next; y < words.length && y < outcome.next + 25; y++) {
        if (SENTENCE_STOP.has(words[y] ?? '')) break;
        // Lower case only: "(IS)" is a group, not a verb.
        if (!COPULAS.has(tokens[y]?.text ?? '') && !(brought && y === outcome.next)) continue;
        const start = words[y + 1] === 'at' || words[y + 1] === 'to' ? y + 2 : y + 1;
        const candidate = readCandidate(
          text,
          tokens,
          words,
          brought && y === outcome.next ? y + 1 : start,
        );
        if (candidate && candidate.label === '') {
          const label =
            phrase?.kind === 'phrase' ? span(text, tokens, phrase.labelStart, phrase.labelEnd) : '';
          const side = alone ? 'all' : classifySide(label);
          found.push({
            candidate: {
              ...candidate,
              last: candidate.quantity.next,
              side: side === 'inherit' ? 'unknown' : side,
            },
            outcome: outcome.outcome,
            groupQualifier: null,
            label,
          });
        }
        break;
      }
    }
    if (isToll(words, x)) {
      for (let y = x + 1; y < words.length && y <= x + MAX_TOLL_REACH; y++) {
        if (CLAUSE_END.has(words[y] ?? '') || words[y] === ',') break;
        if (!TOLL_VERBS.has(words[y - 1] ?? '')) continue;
        const candidate = readCandidate(text, tokens, words, y);
        if (candidate && candidate.label === '') {
          found.push({
            candidate: { ...candidate, last: candidate.quantity.next, side: 'all' },
            outcome: 'killed',
            groupQualifier: null,
            label: '',
          });
          break;
        }
      }
    }
  }
  return found;
}

interface SentenceClaim extends Omit<Claim, 'attributedTo'> {}

function claimsInSentence(text: string, sentence: Span, paragraph: Paragraph): SentenceClaim[] {
  const tokens = tokenize(text, sentence.start, sentence.end);
  const words = tokens.map((token) => token.lower);
  const mayHaveTotal = /\b(?:number|toll)\b/i.test(text.slice(sentence.start, sentence.end));
  const totals = mayHaveTotal ? readTotals(text, tokens, words) : [];
  const taken = new Set(totals.map((total) => total.candidate.first));

  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length;) {
    const word = words[i] ?? '';
    const candidate =
      taken.has(i) || !(mayStartQuantity(word) || mayStartQualifier(word))
        ? null
        : (readCandidate(text, tokens, words, i) ?? readArticleAt(text, tokens, words, i));
    if (!candidate) {
      i += 1;
      continue;
    }
    candidates.push(candidate);
    const listed = candidate.label
      ? readListedArticle(text, tokens, words, listJoinAfter(words, candidate.last))
      : null;
    if (listed) candidates.push(listed);
    i = (listed ?? candidate).last;
  }

  const found: Found[] = [];
  for (const group of groupCandidates(words, candidates)) {
    const first = group[0];
    const last = group[group.length - 1];
    if (!first || !last) continue;
    const hasNoun = group.some((candidate) => candidate.label !== '');
    const end = last.label === '' ? last.quantity.next : last.last;
    const before = outcomeBefore(words, group);
    const after = outcomeAfter(words, end, hasNoun);
    if (before && after && group.length > 1) {
      // "detained 12 suspects and four others were killed": the last item opens a clause of its own.
      const objects = group.slice(0, -1);
      for (const candidate of mergeSameSide(text, tokens, objects))
        found.push({ candidate, outcome: before, groupQualifier: first.qualifier });
      found.push({ candidate: last, outcome: after, groupQualifier: null });
      continue;
    }
    let outcome = before ?? after;
    if (!outcome && hasNoun && closesList(words, group)) {
      // "..., as well as nine of Nazarzod's troops", "the toll rose to 305, including 27 children"
      const earlier = [...found, ...totals]
        .filter((item) => item.candidate.first < first.first)
        .toSorted((a, b) => b.candidate.first - a.candidate.first)[0];
      outcome = earlier?.outcome ?? null;
    }
    if (!outcome) continue;
    for (const candidate of mergeSameSide(text, tokens, group))
      found.push({ candidate, outcome, groupQualifier: first.qualifier });
  }

  const all = [...found, ...totals].toSorted((a, b) => a.candidate.first - b.candidate.first);
  const claims: SentenceClaim[] = [];
  for (const { candidate, outcome, groupQualifier } of all) {
    const total = totals.find((t) => t.candidate === candidate);
    const previous = claims[claims.length - 1];
    let side: Side;
    let sideLabel = total ? total.label : candidate.label;
    if (candidate.side === null || candidate.side === 'inherit') {
      if (previous) {
        side = previous.side;
        sideLabel = previous.sideLabel;
      } else {
        side = candidate.side === 'inherit' ? 'unknown' : paragraph.headline ? 'all' : 'unknown';
      }
    } else {
      side = candidate.side;
    }
    const qualifier: Qualifier =
      candidate.qualifier ?? groupQualifier ?? (candidate.quantity.vague ? 'about' : 'exact');
    const start = tokens[candidate.first]?.start ?? 0;
    const endToken = tokens[candidate.last - 1];
    const end = endToken?.end ?? start;
    claims.push({
      start,
      end,
      text: text.slice(start, end),
      low: candidate.quantity.low,
      high: candidate.quantity.high,
      qualifier,
      side,
      sideLabel,
      outcome,
      ...(candidate.increment ? { relativeTo: 'previous' as const } : {}),
    });
  }
  return claims;
}

/** The source each sentence names, pronouns resolved within the paragraph. */
function paragraphAttributions(
  text: string,
  paragraph: Paragraph,
  firstClaims: readonly number[],
): Array<string | null> {
  const own = paragraph.sentences.map((sentence, i) =>
    attributionIn(
      text.slice(sentence.start, sentence.end),
      (firstClaims[i] ?? Infinity) - sentence.start,
    ),
  );
  const named = own.map((attribution) =>
    attribution && !isPronoun(attribution) ? attribution : null,
  );
  return own.map((attribution, i) => {
    if (attribution && !isPronoun(attribution)) return attribution;
    const earlier = named.slice(0, i).findLast((name) => name !== null);
    const later = named.slice(i + 1).find((name) => name !== null);
    return earlier ?? later ?? attribution;
  });
}

/** Every casualty figure in `text` (paragraphs separated by "\n"), in reading order. */
export function extractClaims(text: string): Claim[] {
  const english = extractEnglishClaims(text);
  const other = extractOtherLanguageClaims(text);
  const all =
    other.length === 0 ? english : [...english, ...other].toSorted((a, b) => a.start - b.start);
  return markOperationFrames(text, all);
}

function extractEnglishClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  for (const paragraph of splitParagraphs(text)) {
    const perSentence = paragraph.sentences.map((sentence) =>
      OUTCOME_CUE.test(text.slice(sentence.start, sentence.end))
        ? claimsInSentence(text, sentence, paragraph)
        : [],
    );
    if (perSentence.every((found) => found.length === 0)) continue;
    const attributions = paragraphAttributions(
      text,
      paragraph,
      perSentence.map((found) => found[0]?.start ?? Infinity),
    );
    perSentence.forEach((found, i) => {
      for (const claim of found) claims.push({ ...claim, attributedTo: attributions[i] ?? null });
    });
  }
  return claims;
}
