/**
 * Words for people: dates as a reader writes them ("4 Sept 2015") and the
 * readable report the command line prints. Kept apart from the logic so the
 * resolver and the comparison return data, and only this module decides how
 * it reads.
 */
import type { DatePrecision } from './schema';

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
