/**
 * A small horizontal range chart: one lane per source (a tick for an exact
 * count, a bar for a range, a dashed tail for "at least" / "up to"), this
 * page's own figure as a distinct vertical mark, and an axis from 0. The
 * words (core/rangeChartView.ts) are its accessible name, so a screen reader
 * hears what a sighted reader sees. Colours come from CSS custom properties
 * with fallbacks, so the popover and the popup can theme it.
 */
import type { RangeChartView } from '../../core/rangeChartView';

const WIDTH = 300;
const PAD = 10;
const LANE = 9;
const TOP = 6;
const AXIS = 16;
const TAIL = 10;

const COLORS = {
  neutral: 'var(--tg-chart-bar, #57606a)',
  agrees: 'var(--tg-chart-agrees, #1a7f37)',
  differs: 'var(--tg-chart-differs, #bc4c00)',
  page: 'var(--tg-chart-page, #8250df)',
  axis: 'var(--tg-chart-axis, #8c959f)',
  text: 'var(--tg-chart-text, #59636e)',
};

export function RangeChart({ chart }: { chart: RangeChartView }) {
  const lanes = Math.max(1, chart.bars.length);
  const height = TOP + lanes * LANE + AXIS;
  const span = Math.max(1, chart.axis.high - chart.axis.low);
  const x = (value: number) => PAD + ((value - chart.axis.low) / span) * (WIDTH - 2 * PAD);
  const axisY = TOP + lanes * LANE + 2;

  return (
    <svg
      class="tg-chart"
      role="img"
      aria-label={`${chart.title}: ${chart.description}`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      style={{ display: 'block', maxWidth: `${WIDTH}px`, overflow: 'visible' }}
    >
      {chart.page.map((count, i) => (
        <rect
          key={`page-${i}`}
          data-mark="page"
          x={x(count.low) - 1.5}
          y={TOP - 4}
          width={Math.max(3, x(count.high) - x(count.low) + 3)}
          height={lanes * LANE + 6}
          rx={1.5}
          style={{ fill: COLORS.page, fillOpacity: count.low === count.high ? 0.9 : 0.3 }}
        >
          <title>This page: {countLabel(count)}</title>
        </rect>
      ))}
      {chart.bars.map((bar, i) => {
        const y = TOP + i * LANE + 1;
        const color =
          bar.agrees === null ? COLORS.neutral : bar.agrees ? COLORS.agrees : COLORS.differs;
        const left = x(bar.low);
        const right = x(bar.high);
        const open = bar.qualifier === 'at-least' || bar.qualifier === 'more-than';
        return (
          <g key={i} data-mark="source">
            <title>{bar.label}</title>
            <rect
              x={left - 1.5}
              y={y}
              width={Math.max(3, right - left + 3)}
              height={LANE - 3}
              rx={1.5}
              style={{ fill: color }}
            />
            {(open || bar.qualifier === 'up-to') && (
              <line
                x1={open ? right + 2 : left - 2}
                x2={open ? right + 2 + TAIL : left - 2 - TAIL}
                y1={y + (LANE - 3) / 2}
                y2={y + (LANE - 3) / 2}
                style={{ stroke: color, strokeWidth: 1.5, strokeDasharray: '2 2' }}
              />
            )}
          </g>
        );
      })}
      <line
        x1={PAD}
        x2={WIDTH - PAD}
        y1={axisY}
        y2={axisY}
        style={{ stroke: COLORS.axis, strokeWidth: 1 }}
      />
      <text x={PAD} y={axisY + 11} style={{ fill: COLORS.text, fontSize: '9px' }}>
        {chart.axis.low}
      </text>
      <text
        x={WIDTH - PAD}
        y={axisY + 11}
        text-anchor="end"
        style={{ fill: COLORS.text, fontSize: '9px' }}
      >
        {chart.axis.high}
      </text>
    </svg>
  );
}

function countLabel(count: { low: number; high: number }): string {
  return count.low === count.high ? `${count.low}` : `${count.low}-${count.high}`;
}
