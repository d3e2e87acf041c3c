/**
 * A small range chart: one lane per source, named on the left, with a tick
 * for an exact count, a bar for a range and a dashed tail for "at least" /
 * "up to"; this page's own figures on lanes of their own and as a line
 * across every lane, so where the page sits among the sources is plain. The
 * axis starts at 0. The words (core/rangeChartView.ts) are its accessible
 * name, so a screen reader hears what a sighted reader sees. Colours are CSS
 * custom properties with fallbacks, so the popover and the popup can theme it.
 */
import { countText } from '../../core/compare';
import type { ChartCount, RangeChartView } from '../../core/rangeChartView';

const WIDTH = 360;
const LABEL = 118;
const TRACK_START = LABEL + 8;
const TRACK_END = WIDTH - 14;
const LANE = 16;
const AXIS = 16;
const TAIL = 9;
const MAX_LABEL_CHARS = 19;

const COLORS = {
  neutral: 'var(--tg-chart-bar, #57606a)',
  agrees: 'var(--tg-chart-agrees, #1a7f37)',
  differs: 'var(--tg-chart-differs, #bc4c00)',
  page: 'var(--tg-chart-page, #8250df)',
  axis: 'var(--tg-chart-axis, #8c959f)',
  text: 'var(--tg-chart-text, #59636e)',
};

interface Lane extends ChartCount {
  name: string;
  title: string;
  color: string;
  kind: 'page' | 'source';
}

export function RangeChart({ chart }: { chart: RangeChartView }) {
  const lanes: Lane[] = [
    ...chart.page.map((count) => ({
      ...count,
      name: 'This page',
      title: `This page: ${countText(count)}`,
      color: COLORS.page,
      kind: 'page' as const,
    })),
    ...chart.bars.map((bar) => ({
      ...bar,
      name: bar.source ?? bar.label.split(':')[0] ?? bar.label,
      title: bar.label,
      color: bar.agrees === null ? COLORS.neutral : bar.agrees ? COLORS.agrees : COLORS.differs,
      kind: 'source' as const,
    })),
  ];
  const span = Math.max(1, chart.axis.high - chart.axis.low);
  const x = (value: number) =>
    TRACK_START + ((value - chart.axis.low) / span) * (TRACK_END - TRACK_START);
  const axisY = lanes.length * LANE + 3;
  const height = axisY + AXIS;

  return (
    <svg
      class="tg-chart"
      role="img"
      aria-label={`${chart.title}: ${chart.description}`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ display: 'block', maxWidth: `${WIDTH}px`, overflow: 'visible' }}
    >
      {chart.page.map((count, i) => (
        <rect
          key={`line-${i}`}
          x={x(count.low) - 0.75}
          y={0}
          width={Math.max(1.5, x(count.high) - x(count.low) + 1.5)}
          height={axisY}
          style={{ fill: COLORS.page, fillOpacity: 0.22 }}
        />
      ))}
      {lanes.map((lane, i) => {
        const top = i * LANE;
        const mid = top + LANE / 2;
        const left = x(lane.low);
        const right = x(lane.high);
        const openRight = lane.qualifier === 'at-least' || lane.qualifier === 'more-than';
        const openLeft = lane.qualifier === 'up-to';
        const valueOnLeft = right > TRACK_END - 46;
        return (
          <g key={i} data-mark={lane.kind}>
            <title>{lane.title}</title>
            <text
              x={LABEL}
              y={mid + 3.5}
              text-anchor="end"
              style={{
                fill: lane.kind === 'page' ? COLORS.page : COLORS.text,
                fontSize: '10px',
                fontWeight: lane.kind === 'page' ? 600 : 400,
              }}
            >
              {shorten(lane.name)}
            </text>
            <line
              x1={TRACK_START}
              x2={TRACK_END}
              y1={mid}
              y2={mid}
              style={{ stroke: COLORS.axis, strokeOpacity: 0.35, strokeWidth: 1 }}
            />
            <rect
              x={left - 2}
              y={mid - 4}
              width={Math.max(4, right - left + 4)}
              height={8}
              rx={2}
              style={{ fill: lane.color }}
            />
            {(openRight || openLeft) && (
              <line
                x1={openRight ? right + 3 : left - 3}
                x2={openRight ? right + 3 + TAIL : left - 3 - TAIL}
                y1={mid}
                y2={mid}
                style={{ stroke: lane.color, strokeWidth: 2, strokeDasharray: '2 2' }}
              />
            )}
            <text
              x={
                valueOnLeft
                  ? left - 6 - (openLeft ? TAIL : 0)
                  : right + 6 + (openRight ? TAIL + 2 : 0)
              }
              y={mid + 3.5}
              text-anchor={valueOnLeft ? 'end' : 'start'}
              style={{ fill: lane.color, fontSize: '10px', fontWeight: 600 }}
            >
              {countText(lane)}
            </text>
          </g>
        );
      })}
      <line
        x1={TRACK_START}
        x2={TRACK_END}
        y1={axisY}
        y2={axisY}
        style={{ stroke: COLORS.axis, strokeWidth: 1 }}
      />
      <text x={TRACK_START} y={axisY + 12} style={{ fill: COLORS.text, fontSize: '9px' }}>
        {chart.axis.low}
      </text>
      <text
        x={TRACK_END}
        y={axisY + 12}
        text-anchor="end"
        style={{ fill: COLORS.text, fontSize: '9px' }}
      >
        {chart.axis.high}
      </text>
    </svg>
  );
}

/** Outlet names fit the label column: "Radio Free Europe/R…". */
function shorten(name: string): string {
  return name.length <= MAX_LABEL_CHARS ? name : `${name.slice(0, MAX_LABEL_CHARS - 1)}…`;
}
