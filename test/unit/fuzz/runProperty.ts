/**
 * Runs a fast-check property the way the fuzz suite wants it: 10,000 runs,
 * stopped by a time limit so CI stays bounded, failures thrown with
 * fast-check's counterexample report, and the number of runs actually done
 * returned so a test can prove the property was not cut short or vacuous.
 */
import fc from 'fast-check';
import { FUZZ_OPTIONS } from './arbitraries';

export interface PropertyRun {
  runs: number;
  interrupted: boolean;
  ms: number;
}

export function runProperty<Ts>(property: fc.IProperty<Ts>): PropertyRun {
  const started = performance.now();
  const details = fc.check(property, FUZZ_OPTIONS);
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? 'property failed');
  return {
    runs: details.numRuns,
    interrupted: details.interrupted,
    ms: Math.round(performance.now() - started),
  };
}
