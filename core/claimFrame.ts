/**
 * Marks figures whose sentence speaks of an operation, a hunt or a sweep
 * (Claim.frame): "13 gunmen had been killed since the operation began",
 * "в ходе спецоперации уничтожены четыре боевика". When a page is linked to
 * both an attack and the operation that followed it, such a figure counts
 * the operation; without the mark it would fall to the attack and be
 * compared with the attack's dead.
 */
import { splitParagraphs } from './sentences';
import type { Claim } from './types';

/** Words for a security operation in English, French, Russian and Tajik (stems where words inflect). */
const OPERATION_WORDS =
  /(?:^|[^\p{L}-])(?:operations?|manhunt|sweep|crackdown|counter-?strike|counter-?offensive|opérations?|(?:спец)?операци\p{L}*|зачистк\p{L}*|амалиёт\p{L}*)(?=$|[^\p{L}])/iu;

/** Claims in reading order, each marked when its sentence speaks of an operation. */
export function markOperationFrames(text: string, claims: readonly Claim[]): Claim[] {
  const marked = [...claims];
  if (marked.length === 0) return marked;
  let next = 0;
  for (const paragraph of splitParagraphs(text)) {
    if (next >= marked.length) break;
    for (const sentence of paragraph.sentences) {
      const first = next;
      while (next < marked.length && (marked[next]?.start ?? Infinity) < sentence.end) next += 1;
      if (first === next || !OPERATION_WORDS.test(text.slice(sentence.start, sentence.end)))
        continue;
      for (let i = first; i < next; i++) {
        const claim = marked[i];
        if (claim && claim.start >= sentence.start) marked[i] = { ...claim, frame: 'operation' };
      }
    }
  }
  return marked;
}
