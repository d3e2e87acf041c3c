/**
 * Words for people: dates as a reader writes them ("4 Sept 2015") and the
 * readable report the command line prints. Kept apart from the logic so the
 * resolver and the comparison return data, and only this module decides how
 * it reads.
 */
import type { AnnotatedFigure, Annotation } from './annotate';
import type { IncidentSummary } from './compare';
import type { DatePrecision } from './schema';
import type { Verdict } from './types';

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'June',
  'July',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];

/** "4 Sept 2015", "Sept 2019" or "2015" from YYYY-MM-DD and how exact it is. */
export function formatDay(day: string, precision: DatePrecision = 'day'): string {
  const [year = '', month = '1', date = '1'] = day.split('-');
  const monthName = MONTHS[Number(month) - 1] ?? month;
  if (precision === 'year') return year;
  if (precision === 'month') return `${monthName} ${year}`;
  return `${Number(date)} ${monthName} ${year}`;
}

/** "4 Sept 2015", "Sept 2019", "1992-1997": a span of days as a reader says it. */
export function formatSpan(start: string, end: string, precision: DatePrecision): string {
  const from = formatDay(start, precision);
  const to = formatDay(end, precision);
  return from === to ? from : `${from}-${to}`;
}

/** What the readable report needs beside the annotation: each linked incident's summary. */
export interface ReportContext {
  outletName: string | null;
  summaries: ReadonlyMap<string, IncidentSummary>;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  agrees: 'agrees with',
  'within-range': 'within the range of',
  'above-all': 'above every report of',
  'below-all': 'below every report of',
  'no-comparable': 'no report gives this count for',
};

/** The annotation as a person reads it in a terminal. */
export function formatAnnotation(annotation: Annotation, context: ReportContext): string {
  const { page } = annotation;
  const lines: string[] = [];
  lines.push(`Page: ${page.title ?? '(no title)'}`);
  const about = [
    `outlet: ${context.outletName ?? page.outlet ?? 'unknown'}`,
    `published: ${page.publishedAt === null ? 'unknown' : formatDay(page.publishedAt)}`,
    `language: ${page.language ?? 'unknown'}`,
  ];
  lines.push(about.join(' | '), '');

  const titles = new Map(annotation.incidents.map((i) => [i.id, i.title]));
  lines.push(annotation.incidents.length === 0 ? 'Incidents: none linked' : 'Incidents:');
  annotation.incidents.forEach((incident, i) => {
    lines.push(
      `  ${i + 1}. ${incident.title} (${formatDay(incident.startDate)}), score ${incident.score}`,
    );
    lines.push(`     why: ${incident.reasons.join(', ')}`);
    const summary = context.summaries.get(incident.id);
    if (summary === undefined) return;
    lines.push(`     ${summary.sources} report(s) in the dataset`);
    for (const spread of summary.spreads) {
      const range = spread.low === spread.high ? `${spread.low}` : `${spread.low}-${spread.high}`;
      lines.push(`     ${spread.side} ${spread.outcome}: ${range} (${spread.sources} source(s))`);
      if (spread.sentence !== null) lines.push(`       ${spread.sentence}`);
    }
    for (const dates of summary.dateDisagreements)
      lines.push(`     dates differ: ${dates.sentence}`);
  });

  lines.push('', annotation.actors.length === 0 ? 'Actors: none found' : 'Actors:');
  for (const actor of annotation.actors) {
    const spellings = [...new Set(actor.mentions.map((m) => m.text))].join(', ');
    lines.push(`  ${actor.name}: ${actor.mentions.length} mention(s) (${spellings})`);
  }

  lines.push('', annotation.figures.length === 0 ? 'Figures: none found' : 'Figures:');
  for (const figure of annotation.figures) {
    lines.push(`  "${figure.text}" = ${describeFigure(figure)}`);
    if (figure.incidentId === null) {
      lines.push('     not tied to a linked incident');
      continue;
    }
    const title = titles.get(figure.incidentId) ?? figure.incidentId;
    const { verdict, sources } = figure.comparison;
    const agreeing = sources.filter((s) => s.agrees).map((s) => s.outlet);
    const named = verdict === 'agrees' ? ` (${[...new Set(agreeing)].join(', ')})` : '';
    lines.push(`     ${VERDICT_WORDS[verdict]} ${title}${named}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeFigure(figure: AnnotatedFigure): string {
  const qualifier = figure.qualifier === 'exact' ? '' : `${figure.qualifier.replace('-', ' ')} `;
  const count = figure.low === figure.high ? `${figure.low}` : `${figure.low}-${figure.high}`;
  const by = figure.attributedTo === null ? '' : `, per ${figure.attributedTo}`;
  return `${qualifier}${count} ${figure.side} ${figure.outcome}${by}`;
}
