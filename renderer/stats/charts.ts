import uPlot from 'uplot';
import { formatDate } from '../lib/dates.js';
import { formatHour, formatMinutes } from '../lib/format.js';
import type { ChartColors } from './chartColors.js';

/** Options for Sitwell's two uPlot charts: sitting bars with a goal line, and a longest-bout line. */

const FONT = '12px system-ui, sans-serif';

/**
 * The series' names in the window's language, from the caller's `t`: a new language gives new
 * labels, so the memoised options (and the chart) are rebuilt with them.
 */
export interface BarLabels {
  day: string;
  hour: string;
  sitting: string;
  goal: string;
}

/** Minute scales tick at whole hours (shown as "2 h") once they pass two hours, else at round minutes. */
const HOUR_INCRS = [60, 120, 180, 240, 360, 480, 720, 1440];
const MINUTE_INCRS = [5, 10, 15, 20, 30, 60];

function minutesAxis(c: ChartColors, max: number): uPlot.Axis {
  const hours = max > 120;
  return {
    stroke: c.muted,
    font: FONT,
    labelFont: FONT,
    grid: { stroke: c.grid, width: 1 },
    ticks: { stroke: c.grid, width: 1 },
    size: 62,
    incrs: hours ? HOUR_INCRS : MINUTE_INCRS,
    // In the window's language: "2 h" / "2 Std.", "30 min" / "30分".
    values: (_u, splits) => splits.map((v) => formatMinutes(v)),
  };
}

function xAxis(c: ChartColors, labels: Pick<uPlot.Axis, 'values' | 'splits' | 'space'>): uPlot.Axis {
  return { stroke: c.muted, font: FONT, grid: { show: false }, ticks: { stroke: c.grid, width: 1 }, ...labels };
}

const DAY_SECONDS = 86_400;
/** Room for one date label ("10 Nov", "10. Nov.", "11月10日"). */
const DATE_LABEL_PX = 72;
const dateOf = (s: number) => new Date(s * 1000).toISOString().slice(0, 10);
/** Over three months, ticks name months ("Nov 2025"), else days ("10 Nov"). */
const byMonth = (xs: ArrayLike<number>) => xs.length > 1 && (xs[xs.length - 1]! - xs[0]!) / DAY_SECONDS > 92;

/**
 * Date ticks under the bars themselves, in the window's language (uPlot's own tick names are English,
 * and its time ticks fall at midnights and noons between and under the bars): the days (or, over three
 * months, the first day of each month) of the data, thinned to fit the width.
 */
/** Per data array (uPlot asks again on every redraw): the tick candidates and whether they are months. */
const tickCandidates = new WeakMap<object, { months: boolean; xs: number[] }>();
function candidatesOf(data: ArrayLike<number>): { months: boolean; xs: number[] } {
  let c = tickCandidates.get(data);
  if (!c) {
    const xs = Array.from(data);
    const months = byMonth(xs);
    // The first day of each month in the data: where the UTC month changes from the point before.
    const month = (s: number) => new Date(s * 1000).getUTCMonth();
    c = { months, xs: months ? xs.filter((x, i) => i === 0 || month(x) !== month(xs[i - 1]!)) : xs };
    tickCandidates.set(data, c);
  }
  return c;
}

const dateTicks: Pick<uPlot.Axis, 'values' | 'splits'> = {
  splits: (u) => {
    const { xs } = candidatesOf(u.data[0] as ArrayLike<number>);
    const room = Math.max(1, Math.floor((u.width - 70) / DATE_LABEL_PX));
    const step = Math.max(1, Math.ceil(xs.length / room));
    return xs.filter((_, i) => i % step === 0);
  },
  values: (u, splits) => {
    const { months } = candidatesOf(u.data[0] as ArrayLike<number>);
    return splits.map((s) => formatDate(dateOf(s), months ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }));
  },
};
/** A day's x value in the legend, as a date in the window's language. */
const dateValue = (_u: uPlot, v: number | null) => (v === null ? '—' : formatDate(dateOf(v)));
/** Hours of one day ("9:00 AM", "09:00"), spaced for the longest of them. */
const hourTicks: Pick<uPlot.Axis, 'values' | 'space'> = { space: DATE_LABEL_PX, values: (_u, splits) => splits.map((v) => formatHour(v)) };

/**
 * Days are plain dates placed at UTC noon; uPlot labels them with local Date getters, so shift each
 * instant by the local offset. (uPlot.tzDate does the same through Intl, far slower per tick.)
 */
const utc = (ts: number) => {
  const d = new Date(ts * 1000);
  return new Date(d.getTime() + d.getTimezoneOffset() * 60_000);
};
const headroom = (max: number | null, floor: number) => Math.max(max ?? 0, floor) * 1.08;

/** Standing's bar runs from the top of the day's sitting (series 1) to sitting + standing (issue 13). */
const minutes = (u: uPlot, s: number) => Array.from(u.data[s] ?? [], (v: number | null | undefined) => v ?? null);
const onTopOfSitting: uPlot.Series.BarsPathBuilderDisplay = {
  y0: { unit: 1, values: (u) => minutes(u, 1).map((v) => v ?? 0) },
  y1: {
    unit: 1,
    values: (u, s) => {
      const sitting = minutes(u, 1);
      return minutes(u, s).map((v, i) => (v === null ? null : v + (sitting[i] ?? 0)));
    },
  },
};

/**
 * Sitting bars (minutes per day, or per hour for a single day) and, when `goal` is given,
 * the goal as a dashed line. `xTime` false draws hours 0–23 instead of dates. With `standing` (its
 * series' label), the data's second series is standing minutes, drawn stacked on the sitting bar:
 * the legend shows sitting and standing each as they are, never their sum (issue 13).
 */
export function sittingBarsOptions(
  width: number,
  c: ChartColors,
  opts: { goal: number | null; xTime: boolean; max: number; standing?: string; labels: BarLabels },
): uPlot.Options {
  const { labels } = opts;
  const series: uPlot.Series[] = [
    { label: opts.xTime ? labels.day : labels.hour, value: opts.xTime ? dateValue : (_u, v) => (v === null ? '—' : formatHour(v)) },
  ];
  const bars = (label: string, colour: string, more: { disp?: uPlot.Series.BarsPathBuilderDisplay; stroke?: string; width?: number } = {}): uPlot.Series => ({
    label,
    stroke: more.stroke ?? colour,
    fill: colour,
    width: more.width ?? 0,
    paths: uPlot.paths.bars!({ size: [0.7, 40], align: 0, ...(more.disp ? { disp: more.disp } : {}) }),
    points: { show: false },
  });
  series.push(bars(labels.sitting, c.bar));
  // A 1-px edge in the card's colour keeps the two parts of a stacked bar apart where their colours are close.
  if (opts.standing) series.push(bars(opts.standing, c.standing, { disp: onTopOfSitting, stroke: c.surface, width: 1 }));
  if (opts.goal !== null) series.push({ label: labels.goal, stroke: c.goal, width: 2, dash: [6, 4], points: { show: false } });
  const top = headroom(opts.max, Math.max(opts.goal ?? 0, opts.xTime ? 60 : 10));
  return {
    width,
    height: 220,
    tzDate: utc,
    scales: { x: { time: opts.xTime }, y: { range: () => [0, top] } },
    axes: [xAxis(c, opts.xTime ? dateTicks : hourTicks), minutesAxis(c, top)],
    series,
    cursor: { drag: { x: false, y: false } },
  };
}

export function trendOptions(width: number, c: ChartColors, labels: { from: string; series: string }, max: number): uPlot.Options {
  const top = headroom(max, 30);
  return {
    width,
    height: 180,
    tzDate: utc,
    scales: { x: { time: true }, y: { range: () => [0, top] } },
    axes: [xAxis(c, dateTicks), minutesAxis(c, top)],
    series: [{ label: labels.from, value: dateValue }, { label: labels.series, stroke: c.line, width: 2, spanGaps: true, points: { show: true, size: 4, fill: c.line } }],
    cursor: { drag: { x: false, y: false } },
  };
}
