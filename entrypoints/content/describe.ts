/**
 * A short spoken description of an annotation, for the live region a keyboard
 * step updates: what kind it is, the page's own words, and for a figure how it
 * stands against the other reports.
 */
import type { Verdict } from '../../core/types';
import type { PageResolveReply } from '../../messaging/protocol';
import type { PlannedAnnotation } from './plan';

const VERDICT_WORDS: Record<Verdict, string> = {
  agrees: 'agrees with other reports',
  'within-range': 'disputed: within the range other reports give',
  'above-all': 'higher than every other report',
  'below-all': 'lower than every other report',
  'no-comparable': 'no comparable report',
};

const KIND_WORDS: Record<PlannedAnnotation['kind'], string> = {
  actor: 'Name',
  place: 'Place',
  incident: 'Incident',
  figure: 'Figure',
};

export function describeAnnotation(
  annotation: PlannedAnnotation,
  reply: PageResolveReply | null,
  text: string,
): string {
  const words = text.slice(annotation.start, annotation.end).replace(/\s+/g, ' ').trim();
  const base = `${KIND_WORDS[annotation.kind]}: ${words}`;
  if (annotation.kind !== 'figure') return base;
  const verdict = reply?.claims[annotation.claimIndex]?.comparison?.verdict;
  return verdict === undefined ? base : `${base}, ${VERDICT_WORDS[verdict]}`;
}
