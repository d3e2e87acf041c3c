/**
 * The plain data behind a range chart (components/shared/RangeChart.tsx):
 * where each source's count sits on one axis, where this page's own figure
 * sits, and the same in words for screen readers. Shared by the popover and
 * the popup's figure check, so both draw and describe counts the same way.
 *
 * The axis always starts at 0: a truncated axis makes 8 against 9 look like
 * a gulf, and these charts exist to show how far apart counts really are.
 */
import { countText } from './compare';
import type { Qualifier } from './schema';

export interface ChartCount {
  low: number;
  high: number;
  qualifier: Qualifier;
}

export interface RangeChartBar extends ChartCount {
  /** Who gives it, written beside its lane ("TASS"); else the label up to its first colon. */
  source?: string;
  /** "TASS: 9 (Tajikistan's Interior Ministry)", the lane's tooltip. */
  label: string;
  /** Whether this source agrees with the page's figure; null when there is no page figure. */
  agrees: boolean | null;
}

export interface RangeChartView {
  /** "Security forces killed" */
  title: string;
  axis: { low: number; high: number };
  /** One per source, in the order given. */
  bars: RangeChartBar[];
  /** This page's own figures of the same side and outcome. */
  page: ChartCount[];
  /** "Reports range 8 to 33; this page: 8." */
  description: string;
}

export function rangeChartView(input: {
  title: string;
  bars: RangeChartBar[];
  page?: ChartCount[];
}): RangeChartView {
  const page = input.page ?? [];
  const highs = [...input.bars, ...page].map((count) => count.high);
  return {
    title: input.title,
    axis: { low: 0, high: Math.max(1, ...highs) },
    bars: input.bars,
    page,
    description: describeRange(input.bars, page),
  };
}

/** "Reports range 8 to 33; this page: 8.", "One report gives 9; this page: at least 8." */
export function describeRange(bars: readonly ChartCount[], page: readonly ChartCount[]): string {
  const pageText = page.length === 0 ? '' : `; this page: ${listWords(page.map(countText))}`;
  if (bars.length === 0) return `No report gives this count${pageText}.`;
  const low = Math.min(...bars.map((bar) => bar.low));
  const high = Math.max(...bars.map((bar) => bar.high));
  if (bars.length === 1) return `One report gives ${countText(bars[0] as ChartCount)}${pageText}.`;
  if (low === high) return `${bars.length} reports all give ${low}${pageText}.`;
  return `Reports range ${low} to ${high}${pageText}.`;
}

/** "8", "8 and 9", "at least 2, 2 and 9" */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
