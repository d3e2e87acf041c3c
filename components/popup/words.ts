/** Plain words the popup uses for sides, outcomes and verdicts. */
import type { Outcome, Side } from '../../core/schema';
import type { Verdict } from '../../core/types';

export const SIDE_LABELS: Record<Side, string> = {
  security: 'Security forces',
  militants: 'Militants',
  civilians: 'Civilians',
  unknown: 'Unknown side',
  all: 'Everyone (a total)',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  killed: 'killed',
  wounded: 'wounded',
  captured: 'captured',
  detained: 'detained',
  missing: 'missing',
};

export const VERDICT_WORDS: Record<Verdict, string> = {
  agrees: 'Matches a report',
  'within-range': 'Within the reports’ range',
  'above-all': 'Higher than every report',
  'below-all': 'Lower than every report',
  'no-comparable': 'No report to compare',
};

export const VERDICT_TONE: Record<Verdict, 'good' | 'warn' | 'error' | 'muted'> = {
  agrees: 'good',
  'within-range': 'warn',
  'above-all': 'error',
  'below-all': 'error',
  'no-comparable': 'muted',
};

/** Only http(s) links are ever rendered as links. */
export function safeHref(url: string | null): string | null {
  return url !== null && /^https?:\/\//i.test(url) ? url : null;
}
