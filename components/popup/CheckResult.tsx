/**
 * A checked figure: the verdict in plain words, the incident it was checked
 * against (and why), the range chart shared with the popover, and every
 * report with its outlet, date, count, attribution, quote and link. The
 * user's own saved sources are marked as theirs.
 */
import { verdictSentence } from '../../core/checkClaim';
import { countText } from '../../core/compare';
import { formatDay, formatSpan } from '../../core/format';
import { rangeChartView } from '../../core/rangeChartView';
import type { FigureComparison } from '../../core/types';
import type { CheckedIncident } from '../../messaging/protocol';
import { RangeChart } from '../shared/RangeChart';
import { safeHref, SIDE_LABELS, VERDICT_TONE } from './words';
import type { Outcome, Side } from '../../core/schema';

export interface CheckedFigure {
  low: number;
  high: number;
  side: Side;
  outcome: Outcome;
}

export function CheckResult({
  incident,
  comparison,
  figure,
  why,
}: {
  incident: CheckedIncident;
  comparison: FigureComparison;
  figure: CheckedFigure;
  why: string | null;
}) {
  const mine = new Set(incident.userReportIds);
  const chart = rangeChartView({
    title: `${SIDE_LABELS[figure.side]} ${figure.outcome}`,
    bars: comparison.sources.map((source) => ({
      low: source.low,
      high: source.high,
      qualifier: source.qualifier,
      label: `${source.outletName}: ${countText(source)}`,
      agrees: source.agrees,
    })),
    page: [{ low: figure.low, high: figure.high, qualifier: 'exact' }],
  });
  return (
    <div data-testid="check-result">
      <p
        class={`tg-verdict tg-${VERDICT_TONE[comparison.verdict]}`}
        data-testid="verdict"
        data-verdict={comparison.verdict}
      >
        {verdictSentence(comparison)}
      </p>
      <p>
        Checked against <strong data-testid="checked-incident">{incident.title}</strong>{' '}
        <span class="tg-muted">
          ({formatSpan(incident.startDate, incident.endDate, incident.datePrecision)}
          {incident.placeNames.length > 0 && `, ${incident.placeNames.join(', ')}`})
        </span>
        {why && <span class="tg-muted"> — {why}</span>}
      </p>
      {comparison.sources.length > 0 && (
        <>
          <RangeChart chart={chart} />
          <h3>Every report</h3>
          <ul class="tg-list" data-testid="sources">
            {comparison.sources.map((source) => {
              const href = safeHref(source.url);
              return (
                <li key={source.figureId} data-testid="source" data-agrees={String(source.agrees)}>
                  <div class="tg-row">
                    <strong>{source.outletName}</strong>
                    {mine.has(source.reportId) && <span class="tg-mine">your saved source</span>}
                    <span class="tg-muted">
                      {source.publishedAt && formatDay(source.publishedAt)}
                    </span>
                  </div>
                  <div>
                    <span class={source.agrees ? 'tg-good' : undefined}>
                      {countText(source)} {source.agrees ? '(matches)' : ''}
                    </span>{' '}
                    <span class="tg-muted">per {source.attributedTo}</span>
                  </div>
                  <p class="tg-quote">“{source.quote}”</p>
                  {href && (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      Read the report
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
