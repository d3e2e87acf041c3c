/**
 * The phrase a number counts: "eight policemen", "two of the attackers",
 * "nine of Nazarzod's troops", "33 interior and defense ministry troops",
 * "32 members of the criminal group". A number followed by a noun that is
 * not a person ("500 weapons", "two dozen ministers", "three police
 * stations") counts something else and is rejected; a number with no noun
 * ("13 dead") is bare and left to the caller.
 */
import { isCapitalized, isWord, type Token } from './claimTokens';
import { readQuantityAt } from './numbers';
import { ATTRIBUTIVE_HEADS, headKind, readOutcomeAt } from './sideWords';

export type NounPhrase =
  { kind: 'bare'; next: number } | { kind: 'phrase'; labelStart: number; labelEnd: number };

/** Words that end a noun phrase: verbs, prepositions, clause words, time words. */
const STOP = new Set(
  (
    'who whom which that whose were was are is am be been being have has had will would could should ' +
    'may might must can do did does in on at during from by after before near when where while with ' +
    'without including among for to into as than since until against across over under between through ' +
    'reportedly allegedly also both all or but nor a an this these those there here said say says told ' +
    'yesterday today tonight earlier later ago last each every some most many more ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july ' +
    'august september october november december'
  ).split(' '),
);
const DETERMINERS = new Set(['the', 'these', 'those']);
const MORE = new Set(['more', 'other', 'additional', 'further']);
const GROUP_NOUNS =
  /^(?:group|groups|gang|gangs|cell|cells|network|organization|organisation|movement|faction|party|unit)$/;
const MAX_PHRASE_WORDS = 8;

/**
 * Reads the counted noun phrase that starts at tokens[k], right after a
 * quantity. Returns null when the quantity counts something other than people.
 */
export function readNounPhrase(
  tokens: readonly Token[],
  words: readonly string[],
  k: number,
): NounPhrase | null {
  let m = k;
  // "five more", "12 additional", "three other": the count's own words, not its label.
  if (MORE.has(words[m] ?? '') && words[m + 1] !== 'than') m += 1;
  let partitive = false;
  if (words[m] === 'of') {
    const after = words[m + 1];
    if (after === 'whom' || after === 'which') return { kind: 'bare', next: m + 2 };
    partitive = true;
    m += 1;
    const determined = DETERMINERS.has(words[m] ?? '');
    if (determined) m += 1;
    // "3 of the 20 attackers" counts the part; "one of 12 men arrested" counts the 12.
    // "five of them": the phrase ends there, whatever follows.
    if (words[m] === 'them') return { kind: 'phrase', labelStart: m, labelEnd: m + 1 };
    const whole = readQuantityAt(words, m);
    if (whole && !determined) return null;
    if (whole) m = whole.next;
  }

  const labelStart = m;
  let lastHead = -1;
  let runEnd = m;
  let complement = false;
  for (let x = m; x < tokens.length && x - m < MAX_PHRASE_WORDS; x++) {
    const token = tokens[x];
    const word = words[x] ?? '';
    if (!isWord(token) || readOutcomeAt(words, x)) break;
    if (word === 'of') {
      // Only "members of <group>" continues past "of".
      if (lastHead !== x - 1 || headKind(words[x - 1] ?? '') !== 'generic') break;
      complement = true;
      // "members of the criminal group", "members of a banned Islamist group"
      if (DETERMINERS.has(words[x + 1] ?? '') || words[x + 1] === 'a' || words[x + 1] === 'an')
        x += 1;
      runEnd = x + 1;
      continue;
    }
    if (word === 'and') {
      const next = words[x + 1] ?? '';
      // "women and children", "men and boys": one count of two nouns.
      const bothHeads = lastHead === x - 1 && !complement && headKind(next) !== undefined;
      if (bothHeads && headKind(next) !== 'others') {
        runEnd = x + 1;
        continue;
      }
      if (lastHead >= 0 || !isWord(tokens[x + 1]) || STOP.has(next) || DETERMINERS.has(next)) break;
      if (readQuantityAt(words, x + 1)) break;
      runEnd = x + 1;
      continue;
    }
    if (STOP.has(word) || (x > m && DETERMINERS.has(word))) break;
    if (readQuantityAt(words, x)) break;
    // "the criminal group Nazarzoda": a name after a group noun is not part of it.
    if (complement && isCapitalized(token) && GROUP_NOUNS.test(words[x - 1] ?? '')) break;
    runEnd = x + 1;
    if (headKind(word) !== undefined && !complement) lastHead = x;
  }

  if (runEnd === labelStart) return partitive ? null : { kind: 'bare', next: labelStart };
  if (lastHead < 0) return null;
  const head = words[lastHead] ?? '';
  const following = tokens[lastHead + 1];
  if (
    ATTRIBUTIVE_HEADS.has(head) &&
    lastHead + 1 < runEnd &&
    following &&
    !isCapitalized(following) &&
    words[lastHead + 1] !== 'of'
  ) {
    return null;
  }
  const labelEnd = complement ? runEnd : lastHead + 1;
  return { kind: 'phrase', labelStart, labelEnd };
}
