import { Trans, useTranslation } from 'react-i18next';
import { AREAS, RED_FLAGS, isStopSign } from '../../shared/checkin.js';
import type { StatsReport } from '../../shared/statsReport.js';
import { daysBetween } from '../../shared/calendar.js';
import { formatDate } from '../lib/dates.js';
import { formatNumber } from '../lib/format.js';

// Ids stored by a newer Sitwell that this one does not know are shown as they are.
const KNOWN_AREAS = new Set<string>(AREAS.map((a) => a.id));
const KNOWN_FLAGS = new Set<string>(RED_FLAGS.map((f) => f.id));

/** Check-ins on the range's timeline: soreness up, time across; warning signs drawn as a ring. */
export function CheckIns({ report }: { report: StatsReport }) {
  const { t } = useTranslation();
  const areaLabel = (id: string) => (KNOWN_AREAS.has(id) ? t(`checkin.area.${id}`) : id);
  const flagLabel = (id: string) => (KNOWN_FLAGS.has(id) ? t(`checkin.flag.${id}.sign`) : id);
  const list = report.checkIns;
  const span = Math.max(1, daysBetween(report.from, report.to));
  const w = 600;
  const h = 120;
  const pad = { l: 28, r: 10, t: 8, b: 20 };
  const x = (date: string) => pad.l + ((daysBetween(report.from, date) - 0.5) / span) * (w - pad.l - pad.r);
  const y = (s: number) => pad.t + (1 - s / 10) * (h - pad.t - pad.b);
  const recent = list.slice(-8).reverse();
  return (
    <section className="card" aria-labelledby="checkins-h">
      <h2 id="checkins-h">{t('stats.checkins.title')}</h2>
      {list.length === 0 ? (
        <p className="muted" data-testid="stats-checkins" data-value="0">
          <Trans i18nKey="stats.checkins.none" components={{ 1: <a href="#/checkin" /> }} />
        </p>
      ) : (
        <>
          <p data-testid="stats-checkins" data-value={list.length}>
            {t('stats.checkins.summary', { count: list.length, average: formatNumber(list.reduce((a, c) => a + c.soreness, 0) / list.length) })}
          </p>
          <svg className="timeline" viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby="checkin-tl-title">
            <title id="checkin-tl-title">{t('stats.checkins.chart')}</title>
            <line className="axis" x1={pad.l} x2={w - pad.r} y1={y(0)} y2={y(0)} />
            <line className="axis" x1={pad.l} x2={pad.l} y1={y(0)} y2={y(10)} />
            <text x={pad.l - 4} y={y(10) + 4} textAnchor="end">
              10
            </text>
            <text x={pad.l - 4} y={y(0)} textAnchor="end">
              0
            </text>
            <text x={pad.l} y={h - 4}>
              {formatDate(report.from)}
            </text>
            <text x={w - pad.r} y={h - 4} textAnchor="end">
              {formatDate(report.to)}
            </text>
            {list.map((c) => {
              const flag = c.redFlags.some(isStopSign);
              return (
                <circle
                  key={c.at}
                  className={flag ? 'dot flag' : 'dot'}
                  cx={x(c.date)}
                  cy={y(c.soreness)}
                  r={flag ? 6 : 4}
                  fillOpacity={flag ? 0.35 : 1}
                  strokeWidth={flag ? 2 : 0}
                  stroke="currentColor"
                />
              );
            })}
          </svg>
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">{t('stats.checkins.latest')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stats.checkins.when')}</th>
                  <th scope="col" className="num">
                    {t('stats.checkins.soreness')}
                  </th>
                  <th scope="col">{t('stats.checkins.where')}</th>
                  <th scope="col">{t('checkin.warningsLegend')}</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((c) => (
                  <tr key={c.at}>
                    <td>{`${formatDate(c.date)} ${c.at.slice(11, 16)}`}</td>
                    <td className="num">{c.soreness}</td>
                    <td>{c.areas.map(areaLabel).join(t('busy.listSeparator')) || '—'}</td>
                    <td>{c.redFlags.map(flagLabel).join(t('stats.checkins.signSeparator')) || t('stats.checkins.noSigns')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
