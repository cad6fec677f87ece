import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { StatsReport } from '../../shared/statsReport.js';
import { callOnce, peek } from '../bridge/prefetch.js';
import { errorText } from '../lib/errors.js';
import { daysBetween, isCalendarDate, rangeOf, RANGE_KINDS, shiftRange, type RangeKind } from '../../shared/calendar.js';
import { describeRange, today } from '../lib/dates.js';
import { routineFor } from '../../shared/movementMode.js';
import { useLoad, useMovementMode, useSettings } from '../lib/hooks.js';
import { CheckIns } from '../stats/CheckIns.js';
import { Comparison } from '../stats/Comparison.js';
import { Distribution } from '../stats/Distribution.js';
import { Heatmap } from '../stats/Heatmap.js';
import { Outcomes } from '../stats/Outcomes.js';
import { BusyHeld } from '../stats/BusyHeld.js';
import { PeriodTable } from '../stats/PeriodTable.js';
import { SittingCharts } from '../stats/SittingCharts.js';
import { Totals } from '../stats/Totals.js';
import { DeviceSelect } from '../stats/DeviceSelect.js';
import { DeviceBreakdown } from '../stats/DeviceBreakdown.js';
import { href, queryParam } from '../lib/route.js';

interface Selection {
  kind: RangeKind | 'custom';
  anchor: string;
  from: string;
  to: string;
}

/**
 * `#/stats?range=week&date=2026-03-29` (day, week, month or year around a date) or
 * `#/stats?from=2025-01-01&to=2025-12-31` (any range), so a view can be linked and reloaded.
 */
function selectionFrom(query: URLSearchParams, todayDate: string): Selection {
  const from = query.get('from');
  const to = query.get('to');
  if (isCalendarDate(from) && isCalendarDate(to) && from <= to) return { kind: 'custom', anchor: to, from, to };
  const kind = (RANGE_KINDS as readonly string[]).includes(query.get('range') ?? '') ? (query.get('range') as RangeKind) : 'week';
  const date = query.get('date');
  const anchor = isCalendarDate(date) ? date : todayDate;
  return { kind, anchor, ...rangeOf(kind, anchor) };
}

/** `&device=<id>`: one computer's statistics (issue 15); kept while the period changes. */
const DEVICE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const deviceOf = (query: URLSearchParams): string | null => {
  const d = query.get('device');
  return d !== null && DEVICE_ID.test(d) ? d : null;
};

const statsHash = (params: Record<string, string>, device: string | null) => `#/stats?${new URLSearchParams(device ? { ...params, device } : params).toString()}`;

function setQuery(params: Record<string, string>, device = queryParam('device')) {
  window.location.hash = statsHash(params, device);
}

export function StatsView({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const info = useLoad(() => callOnce('getInfo', {}), () => peek('getInfo', {}));
  const settings = useSettings();
  const zone = settings.data?.timeZone ?? info.data?.zone;
  const todayDate = today(zone);
  const sel = selectionFrom(query, todayDate);
  const device = deviceOf(query);
  const [report, setReport] = useState<StatsReport | null>(() => (device ? null : peek('getStats', { from: sel.from, to: sel.to })));
  const [reportDevice, setReportDevice] = useState<string | null>(device);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    callOnce('getStats', device ? { from: sel.from, to: sel.to, device } : { from: sel.from, to: sel.to }).then(
        (r) => {
          performance.mark('sitwell-stats-data');
          if (!live) return;
          setReport(r);
          setReportDevice(device);
        },
        (e: unknown) => live && setError(errorText(e)),
      );
    return () => {
      live = false;
    };
  }, [sel.from, sel.to, device]);

  const current = report && report.from === sel.from && report.to === sel.to && reportDevice === device ? report : null;
  const goal = settings.data?.dailySittingGoalMinutes ?? null;
  const ready = current !== null && goal !== null;
  const period = useMemo(
    (): Record<string, string> => (sel.kind === 'custom' ? { from: sel.from, to: sel.to } : { range: sel.kind, date: sel.anchor }),
    [sel.kind, sel.from, sel.to, sel.anchor],
  );
  // Stable while the period is, so the report (memoised) is not drawn again when the computers or the zone come in.
  const deviceHref = useCallback((id: string) => statsHash(period, id), [period]);

  return (
    <>
      <h1>{t('nav.stats')}</h1>
      <div className="row" role="group" aria-label={t('stats.period')}>
        <div className="segmented">
          {RANGE_KINDS.map((k) => (
            <button key={k} type="button" aria-pressed={sel.kind === k} onClick={() => setQuery({ range: k, date: sel.anchor })}>
              {k === 'months12' ? t('stats.range.months12') : t(`stats.kind.${k}`)}
            </button>
          ))}
        </div>
        {sel.kind !== 'custom' && (
          <>
            <button type="button" onClick={() => setQuery({ range: sel.kind, date: shiftRange(sel.kind as RangeKind, sel.anchor, -1) })}>
              <span aria-hidden="true">‹ </span>
              {t('stats.previous')}
            </button>
            <button
              type="button"
              disabled={sel.to >= todayDate}
              onClick={() => setQuery({ range: sel.kind, date: shiftRange(sel.kind as RangeKind, sel.anchor, 1) })}
            >
              {t('stats.next')}
              <span aria-hidden="true"> ›</span>
            </button>
          </>
        )}
      </div>
      <DeviceSelect value={device} onChange={(d) => setQuery(period, d)} />
      <h2 className="field-gap" data-testid="stats-range" data-from={sel.from} data-to={sel.to}>
        {describeRange(sel.kind, sel.from, sel.to)}
      </h2>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!current && !error && <p className="muted">{t('now.loading')}</p>}
      {current && goal !== null && <Report report={current} goal={goal} kind={sel.kind} deviceHref={deviceHref} />}
      {ready && <ReadyMarker from={sel.from} to={sel.to} />}
    </>
  );
}

/**
 * Memoised: the page renders again as the computer list and the zone come in after the report, and
 * drawing every card again (the heatmap's 168 cells, a table row per period) changed nothing.
 */
const Report = memo(function Report({
  report,
  goal,
  kind,
  deviceHref,
}: {
  report: StatsReport;
  goal: number;
  kind: RangeKind | 'custom';
  deviceHref: (id: string) => string;
}) {
  const { t } = useTranslation();
  const days = daysBetween(report.from, report.to);
  const empty = report.totals.bouts === 0 && report.totals.sittingMinutes === 0;
  if (empty) {
    return (
      <>
        <FirstDay />
        {Object.values(report.prompts.break).some((n) => n > 0) && <Outcomes report={report} />}
        {report.busyHeld.length > 0 && <BusyHeld held={report.busyHeld} />}
        {report.checkIns.length > 0 && <CheckIns report={report} />}
      </>
    );
  }
  const table =
    kind === 'day' ? null : days <= 7 ? (
      <PeriodTable title={t('stats.byDay')} periods={report.days} kind="day" />
    ) : days <= 31 ? (
      <PeriodTable title={t('stats.byWeek')} periods={report.weeks} kind="week" />
    ) : (
      <PeriodTable title={t('stats.byMonth')} periods={report.months} kind="month" />
    );
  return (
    <>
      <Totals report={report} days={days} />
      {report.devices && <DeviceBreakdown devices={report.devices} hrefOf={deviceHref} />}
      {report.comparison && <Comparison comparison={report.comparison} kind={kind} />}
      <SittingCharts report={report} goal={goal} singleDay={days === 1} />
      {days > 1 && (
        // One day's hours are already the bars above.
        <section className="card" aria-labelledby="heat-h">
          <h2 id="heat-h">{t('stats.whenYouSit')}</h2>
          <Heatmap heatmap={report.heatmap} />
        </section>
      )}
      <Distribution report={report} />
      <Outcomes report={report} />
      <BusyHeld held={report.busyHeld} />
      <CheckIns report={report} />
      {table}
    </>
  );
});

function FirstDay() {
  const { t } = useTranslation();
  const mode = useMovementMode();
  return (
    <section className="card" data-testid="stats-empty" aria-labelledby="empty-h">
      <h2 id="empty-h">{t('stats.empty.title')}</h2>
      <p>{t('stats.empty.intro')}</p>
      <ul>
        <li>{t('stats.empty.daily')}</li>
        <li>{t('stats.empty.longest')}</li>
        <li>{t('stats.empty.prompts')}</li>
      </ul>
      <p>
        <Trans i18nKey="stats.empty.meanwhile" components={{ 1: <a href={href('stretch', 'play', routineFor(mode, 'short'))} />, 2: <strong /> }} />
      </p>
    </section>
  );
}

/**
 * Marks the moment the report is on screen: the end-to-end tests and the benchmark wait for it.
 * Rendered after the report, so its layout effect runs after the charts were built; the frame that
 * follows paints all of it, and a task queued from that frame's animation callback runs once it has.
 */
function ReadyMarker({ from, to }: { from: string; to: string }) {
  useLayoutEffect(() => {
    let live = true;
    const frame = requestAnimationFrame(() => {
      const afterPaint = new MessageChannel();
      afterPaint.port1.onmessage = () => {
        if (live) performance.mark('sitwell-stats-ready', { detail: { from, to } });
      };
      afterPaint.port2.postMessage(null);
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, [from, to]);
  return <div data-testid="stats-ready" data-from={from} data-to={to} hidden />;
}
