import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import type { StatsReport } from '../../shared/statsReport.js';
import { weekdayOf } from '../../shared/calendar.js';
import { dateSeconds } from '../lib/dates.js';
import { formatMinutes } from '../lib/format.js';
import { useChartColors } from './chartColors.js';
import { sittingBarsOptions, trendOptions } from './charts.js';
import { UPlotChart } from './UPlotChart.js';

/** Long ranges switch the longest-bout trend from days to weeks so the line stays readable. */
const DAILY_TREND_MAX_DAYS = 92;

export function SittingCharts({ report, goal, singleDay }: { report: StatsReport; goal: number; singleDay: boolean }) {
  const colors = useChartColors();
  const { t } = useTranslation();
  const overGoal = report.days.filter((d) => d.sittingMinutes > goal).length;

  const standing = !singleDay && report.totals.standingMinutes > 0;
  const standingSeries = t('stats.standing.series');
  const bars = useMemo((): { data: uPlot.AlignedData; label: string; max: number } => {
    if (singleDay) {
      // One day: its hours, from the heatmap row of that weekday (the range holds only that day).
      const row = report.heatmap[weekdayOf(report.from)] ?? [];
      const hours = Array.from({ length: 24 }, (_, h) => h);
      const ys = hours.map((h) => row[h] ?? 0);
      return { data: [hours, ys], label: 'Sitting minutes in each hour of the day.', max: Math.max(0, ...ys) };
    }
    const xs = report.days.map((d) => dateSeconds(d.from));
    const sitting = report.days.map((d) => d.sittingMinutes);
    const goals = report.days.map(() => goal);
    if (standing) {
      // Each as it is (the legend and hover show both); the chart stacks standing on sitting.
      const standingMinutes = report.days.map((d) => d.standingMinutes);
      return {
        data: [xs, sitting, standingMinutes, goals],
        max: Math.max(0, ...report.days.map((d) => d.sittingMinutes + d.standingMinutes)),
        label: `Sitting and standing per day, stacked, against your sitting limit of ${formatMinutes(goal)}: ${formatMinutes(report.totals.standingMinutes)} standing in all; ${overGoal} of ${report.days.length} days over the limit.`,
      };
    }
    return {
      data: [xs, sitting, goals],
      max: report.days.reduce((m, d) => Math.max(m, d.sittingMinutes), 0),
      label: `Sitting per day against your goal of ${formatMinutes(goal)}: ${overGoal} of ${report.days.length} days over the goal.`,
    };
  }, [report, goal, singleDay, overGoal, standing]);

  const trend = useMemo((): { data: uPlot.AlignedData; label: string; series: string; max: number } => {
    const weekly = report.days.length > DAILY_TREND_MAX_DAYS;
    const periods = weekly ? report.weeks : report.days;
    const xs = periods.map((p) => dateSeconds(p.from));
    const ys = periods.map((p) => (p.bouts > 0 ? p.longestBoutMinutes : null));
    const longest = periods.reduce((m, p) => Math.max(m, p.longestBoutMinutes), 0);
    return {
      data: [xs, ys],
      max: longest,
      series: weekly ? 'Longest bout per week (min)' : 'Longest bout per day (min)',
      label: `Longest sitting bout per ${weekly ? 'week' : 'day'}; the longest was ${formatMinutes(longest)}.`,
    };
  }, [report]);

  const buildBars = useCallback(
    (w: number) => sittingBarsOptions(w, colors, { goal: singleDay ? null : goal, xTime: !singleDay, max: bars.max, standing: standing ? standingSeries : undefined }),
    [colors, goal, singleDay, bars.max, standing, standingSeries],
  );
  const buildTrend = useCallback((w: number) => trendOptions(w, colors, trend.series, trend.max), [colors, trend.series, trend.max]);

  return (
    <>
      <section className="card" aria-labelledby="bars-h">
        <h2 id="bars-h">{singleDay ? 'Sitting by hour' : 'Sitting per day'}</h2>
        {!singleDay && (
          <p className="muted small">
            <span className="legend-swatch sitting" aria-hidden="true" />
            Sitting{' '}
            {standing && (
              <>
                <span className="legend-swatch standing" aria-hidden="true" data-testid="legend-standing" />
                {t('stats.standing.name')}{' '}
              </>
            )}
            <span className="legend-swatch goal" aria-hidden="true" />
            Your daily sitting limit: {formatMinutes(goal)} (change it in <a href="#/settings">Settings</a>).{' '}
            <span data-testid="stats-days-over-goal" data-value={overGoal}>
              {overGoal} of {report.days.length} days over the goal.
            </span>
          </p>
        )}
        <UPlotChart build={buildBars} data={bars.data} label={bars.label} testId="stats-bars" />
      </section>
      {!singleDay && (
        <section className="card" aria-labelledby="trend-h">
          <h2 id="trend-h">Longest bout</h2>
          <UPlotChart build={buildTrend} data={trend.data} label={trend.label} testId="stats-trend" />
        </section>
      )}
    </>
  );
}
