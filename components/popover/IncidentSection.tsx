/**
 * An incident in the popover: why the page was linked to it, a range chart
 * per side and outcome, the disagreements in words, every report in a
 * table, and how the counts moved from report to report.
 */
import type { IncidentView, ReportRow } from '../../core/popoverModel';
import { RangeChart } from '../shared/RangeChart';

const headingId = (part: string) => `tg-${part}`;

export function IncidentSection({ incident }: { incident: IncidentView }) {
  return (
    <>
      {incident.reasons.length > 0 && (
        <details class="tg-why" data-part="reasons">
          <summary>Why this page is linked to it</summary>
          <p class="tg-reasons">The page mentions: {incident.reasons.join(' · ')}</p>
        </details>
      )}
      {incident.charts.length > 0 && (
        <section class="tg-section" aria-labelledby={headingId('counts')} data-part="charts">
          <h3 class="tg-h" id={headingId('counts')}>
            Counts
          </h3>
          {incident.charts.map((chart, i) => (
            <div class="tg-chart-block" key={i}>
              <p class="tg-chart-title">{chart.title}</p>
              <p class="tg-chart-desc">{chart.description}</p>
              <RangeChart chart={chart} />
            </div>
          ))}
        </section>
      )}
      <section class="tg-section" aria-labelledby={headingId('reports')} data-part="reports">
        <h3 class="tg-h" id={headingId('reports')}>
          {incident.sourceCount === 1 ? '1 report' : `${incident.sourceCount} reports`}
        </h3>
        {incident.reports.length === 0 ? (
          <p class="tg-p tg-muted">No other outlet's report of it is in the dataset.</p>
        ) : (
          <ReportTable rows={incident.reports} />
        )}
      </section>
      {(incident.disagreements.length > 0 || incident.dateDisagreements.length > 0) && (
        <section class="tg-section" aria-labelledby={headingId('differ')} data-part="disagreements">
          <h3 class="tg-h" id={headingId('differ')}>
            Where sources differ
          </h3>
          {incident.disagreements.map((sentence, i) => (
            <p class="tg-p" key={`n${i}`}>
              {sentence}
            </p>
          ))}
          {incident.dateDisagreements.map((sentence, i) => (
            <p class="tg-p" key={`d${i}`}>
              Dates: {sentence}
            </p>
          ))}
        </section>
      )}
      {incident.timelines.length > 0 && (
        <section class="tg-section" aria-labelledby={headingId('timeline')} data-part="timelines">
          <h3 class="tg-h" id={headingId('timeline')}>
            How the count moved
          </h3>
          {incident.timelines.map((timeline, i) => (
            <div key={i}>
              <p class="tg-chart-title">{timeline.title}</p>
              <ol class="tg-timeline">
                {timeline.steps.map((step, j) => (
                  <li key={j}>
                    <span class="tg-count">{step.counts}</span>{' '}
                    <span class="tg-muted">
                      {step.date}, {step.outlet}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      )}
    </>
  );
}

function ReportTable({ rows }: { rows: ReportRow[] }) {
  return (
    <table class="tg-table">
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Figure, on whose word</th>
        </tr>
      </thead>
      <tbody>
        {rows.flatMap((row) => {
          const figures = row.figures.length > 0 ? row.figures : [null];
          return figures.map((figure, i) => (
            <tr key={`${row.reportId}-${i}`} data-report={row.reportId}>
              {i === 0 && (
                <th scope="row" rowspan={figures.length}>
                  {row.url !== null ? (
                    <a href={row.url} target="_blank" rel="noopener noreferrer" title={row.title}>
                      {row.outlet}
                    </a>
                  ) : (
                    <span title={row.title}>{row.outlet}</span>
                  )}
                  <span class="tg-date">{row.published}</span>
                  {row.userSource && <span class="tg-mine">Your saved source</span>}
                </th>
              )}
              {figure === null ? (
                <td class="tg-muted">no figure</td>
              ) : (
                <td data-figure={figure.figureId}>
                  <span class="tg-count">{figure.count}</span> {figure.what}
                  {figure.match !== null && ' '}
                  {figure.match !== null && (
                    <span class={`tg-badge tg-badge-${figure.match}`}>
                      {figure.match === 'agrees' ? '✓ agrees' : '≠ differs'}
                    </span>
                  )}{' '}
                  <span class="tg-per">per {figure.attributedTo}</span>
                  {figure.quote !== '' && (
                    <details class="tg-quote" data-part="quote">
                      <summary>Quote</summary>
                      <blockquote>{figure.quote}</blockquote>
                    </details>
                  )}
                </td>
              )}
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
