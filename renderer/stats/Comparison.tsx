import { useTranslation } from 'react-i18next';
import type { RangeKind } from '../../shared/calendar.js';
import type { ComparedMeasure, MeasureChange, PeriodComparison } from '../../shared/statsReport.js';
import { describeRange } from '../lib/dates.js';
import { formatMinutes, formatNumber } from '../lib/format.js';

/** How each measure's values read: minutes as a duration, counts with one or two decimals. */
const SHOW: Record<ComparedMeasure, (x: number) => string> = {
  dailySitting: (x) => formatMinutes(x),
  longBoutsPerDay: (x) => formatNumber(x, 1),
  breaksPerSittingHour: (x) => formatNumber(x, 2),
};

/** Issue 17's "am I sitting less than last month?": this period against the one before, in words. */
export function Comparison({ comparison: c, kind }: { comparison: PeriodComparison; kind: RangeKind | 'custom' }) {
  const { t } = useTranslation();
  const before = describeRange(kind, c.previousFrom, c.previousTo);
  return (
    <section className="card" aria-labelledby="compare-h" data-testid="stats-comparison" data-previous-from={c.previousFrom} data-previous-to={c.previousTo}>
      <h2 id="compare-h">{t(`stats.compare.title.${kind}`)}</h2>
      <p className="muted small">{before}</p>
      {c.previousTrackedDays === 0 ? (
        <p data-testid="stats-compare-none">{t('stats.compare.noPrevious')}</p>
      ) : (
        <>
          <ul className="comparison">
            {c.measures.map((m) => (
              <Line key={m.measure} m={m} />
            ))}
          </ul>
          <p className="muted small">{t('stats.compare.averaged', { now: c.trackedDays, before: c.previousTrackedDays })}</p>
        </>
      )}
    </section>
  );
}

function Line({ m }: { m: MeasureChange }) {
  const { t } = useTranslation();
  if (m.current === null || m.previous === null || m.change === null || m.direction === null) return null;
  const show = SHOW[m.measure];
  const how =
    m.direction === 'same'
      ? t('stats.compare.same', { previous: show(m.previous) })
      : t(`stats.compare.${m.direction}`, { diff: show(Math.abs(m.change)), previous: show(m.previous) });
  const verdict = m.better === null ? null : m.better ? 'better' : 'worse';
  return (
    <li data-testid={`stats-compare-${m.measure}`} data-direction={m.direction} data-change={m.change} data-better={String(m.better)}>
      <span className="compare-name">{t(`stats.compare.${m.measure}`)}</span>{' '}
      <strong>{show(m.current)}</strong>{' '}
      <span className={`compare-change ${verdict ?? 'same'}`}>
        <span aria-hidden="true">{m.direction === 'up' ? '▲ ' : m.direction === 'down' ? '▼ ' : '≈ '}</span>
        {how}
        {verdict && <> · {t(`stats.compare.${verdict}`)}</>}
      </span>
    </li>
  );
}
