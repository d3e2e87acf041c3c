/**
 * Marks figures whose sentence speaks of an operation, a hunt or a sweep
 * (Claim.frame): "13 gunmen had been killed since the operation began",
 * "в ходе спецоперации уничтожены четыре боевика". When a page is linked to
 * both an attack and the operation that followed it, such a figure counts
 * the operation; without the mark it would fall to the attack and be
 * compared with the attack's dead. A figure a group claims responsibility
 * for ("claimed responsibility for killing 28 soldiers") is the opposite
 * case: the toll of that group's attack, whatever operation the sentence
 * goes on to describe.
 */
import { splitParagraphs } from './sentences';
import type { Claim } from './types';

/** Words for a security operation in English, French, Russian and Tajik (stems where words inflect). */
const OPERATION_WORDS =
  /(?:^|[^\p{L}-])(?:operations?|manhunt|sweep|crackdown|counter-?strike|counter-?offensive|opérations?|(?:спец)?операци\p{L}*|зачистк\p{L}*|амалиёт\p{L}*)(?=$|[^\p{L}])/iu;

/** "claimed responsibility for killing 28 soldiers" (English: the other readers' figures never follow such a lead). */
const CLAIMED_RESPONSIBILITY = /claim(?:ed|s|ing)?\s+responsibility\s+for\s+(?:\p{L}+\s+){0,3}$/iu;

/** How far before a figure its claim of responsibility is looked for. */
const CLAIM_LEAD = 120;

/**
 * Claims in reading order, each marked when its sentence speaks of an
 * operation, or 'claimed' when a claim of responsibility leads up to it.
 */
export function markOperationFrames(text: string, claims: readonly Claim[]): Claim[] {
  const marked = [...claims];
  if (marked.length === 0) return marked;
  let next = 0;
  for (const paragraph of splitParagraphs(text)) {
    if (next >= marked.length) break;
    for (const sentence of paragraph.sentences) {
      const first = next;
      while (next < marked.length && (marked[next]?.start ?? Infinity) < sentence.end) next += 1;
      if (first === next) continue;
      const body = text.slice(sentence.start, sentence.end);
      const operation = OPERATION_WORDS.test(body);
      for (let i = first; i < next; i++) {
        const claim = marked[i];
        if (!claim || claim.start < sentence.start) continue;
        // The claim of responsibility sits just before the figure: a short look back is enough.
        const lead = text.slice(Math.max(sentence.start, claim.start - CLAIM_LEAD), claim.start);
        if (CLAIMED_RESPONSIBILITY.test(lead)) marked[i] = { ...claim, frame: 'claimed' };
        else if (operation) marked[i] = { ...claim, frame: 'operation' };
      }
    }
  }
  return marked;
}
