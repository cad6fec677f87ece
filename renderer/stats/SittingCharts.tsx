import { useCallback, useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import type { StatsReport } from '../../shared/statsReport.js';
import { weekdayOf } from '../../shared/calendar.js';
import { dateSeconds } from '../lib/dates.js';
import { formatCount, formatMinutes } from '../lib/format.js';
import { useChartColors } from './chartColors.js';
import { sittingBarsOptions, trendOptions } from './charts.js';
import { UPlotChart } from './UPlotChart.js';

/** Long ranges switch the longest-bout trend from days to weeks so the line stays readable. */
const DAILY_TREND_MAX_DAYS = 92;

/** "3 of 30 days over the limit": the plural follows the number of days (`count`). */
const overText = (over: number, days: number, goal: number) => ({ over: formatCount(over), count: days, limit: formatMinutes(goal) });

export function SittingCharts({ report, goal, singleDay }: { report: StatsReport; goal: number; singleDay: boolean }) {
  const colors = useChartColors();
  const { t } = useTranslation();
  const overGoal = report.days.filter((d) => d.sittingMinutes > goal).length;

  const standing = !singleDay && report.totals.standingMinutes > 0;
  const standingSeries = t('stats.standing.series');
  const bars = useMemo((): { data: uPlot.AlignedData; label: string; max: number } => {
    const over = overText(overGoal, report.days.length, goal);
    if (singleDay) {
      // One day: its hours, from the heatmap row of that weekday (the range holds only that day).
      const row = report.heatmap[weekdayOf(report.from)] ?? [];
      const hours = Array.from({ length: 24 }, (_, h) => h);
      const ys = hours.map((h) => row[h] ?? 0);
      return { data: [hours, ys], label: t('stats.charts.byHourLabel'), max: Math.max(0, ...ys) };
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
        label: t('stats.charts.perDayStandingLabel', { ...over, standing: formatMinutes(report.totals.standingMinutes) }),
      };
    }
    return {
      data: [xs, sitting, goals],
      max: report.days.reduce((m, d) => Math.max(m, d.sittingMinutes), 0),
      label: t('stats.charts.perDayLabel', over),
    };
  }, [report, goal, singleDay, overGoal, standing, t]);

  const trend = useMemo((): { data: uPlot.AlignedData; label: string; series: string; max: number } => {
    const weekly = report.days.length > DAILY_TREND_MAX_DAYS;
    const periods = weekly ? report.weeks : report.days;
    const xs = periods.map((p) => dateSeconds(p.from));
    const ys = periods.map((p) => (p.bouts > 0 ? p.longestBoutMinutes : null));
    const longest = periods.reduce((m, p) => Math.max(m, p.longestBoutMinutes), 0);
    return {
      data: [xs, ys],
      max: longest,
      series: t(weekly ? 'stats.charts.longestPerWeek' : 'stats.charts.longestPerDay'),
      label: t(weekly ? 'stats.charts.longestWeekLabel' : 'stats.charts.longestDayLabel', { duration: formatMinutes(longest) }),
    };
  }, [report, t]);

  const buildBars = useCallback(
    (w: number) =>
      sittingBarsOptions(w, colors, {
        goal: singleDay ? null : goal,
        xTime: !singleDay,
        max: bars.max,
        standing: standing ? standingSeries : undefined,
        labels: {
          day: t('stats.kind.day'),
          hour: t('stats.charts.hour'),
          sitting: t('stats.charts.sittingSeries'),
          goal: t('stats.charts.goalSeries'),
        },
      }),
    [colors, goal, singleDay, bars.max, standing, standingSeries, t],
  );
  const buildTrend = useCallback(
    (w: number) => trendOptions(w, colors, { from: t('stats.charts.from'), series: trend.series }, trend.max),
    [colors, trend.series, trend.max, t],
  );

  return (
    <>
      <section className="card" aria-labelledby="bars-h">
        <h2 id="bars-h">{singleDay ? t('stats.charts.byHour') : t('stats.charts.perDay')}</h2>
        {!singleDay && (
          <p className="muted small">
            <span className="legend-swatch sitting" aria-hidden="true" />
            {t('now.sitting')}{' '}
            {standing && (
              <>
                <span className="legend-swatch standing" aria-hidden="true" data-testid="legend-standing" />
                {t('stats.standing.name')}{' '}
              </>
            )}
            <span className="legend-swatch goal" aria-hidden="true" />
            <Trans i18nKey="stats.charts.limit" values={{ limit: formatMinutes(goal) }} components={{ 1: <a href="#/settings" /> }} />{' '}
            <span data-testid="stats-days-over-goal" data-value={overGoal}>
              {t('stats.charts.daysOver', overText(overGoal, report.days.length, goal))}
            </span>
          </p>
        )}
        <UPlotChart build={buildBars} data={bars.data} label={bars.label} testId="stats-bars" />
      </section>
      {!singleDay && (
        <section className="card" aria-labelledby="trend-h">
          <h2 id="trend-h">{t('stats.totals.longest')}</h2>
          <UPlotChart build={buildTrend} data={trend.data} label={trend.label} testId="stats-trend" />
        </section>
      )}
    </>
  );
}
