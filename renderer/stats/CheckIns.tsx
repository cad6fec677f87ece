import { useTranslation } from 'react-i18next';
import { AREAS, RED_FLAGS, isStopSign } from '../../shared/checkin.js';
import type { StatsReport } from '../../shared/statsReport.js';
import { daysBetween } from '../../shared/calendar.js';
import { formatDate } from '../lib/dates.js';

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
      <h2 id="checkins-h">Check-ins</h2>
      {list.length === 0 ? (
        <p className="muted" data-testid="stats-checkins" data-value="0">
          No check-ins in this period. A <a href="#/checkin">check-in</a> records how sore you are, so you can see it
          next to your sitting.
        </p>
      ) : (
        <>
          <p data-testid="stats-checkins" data-value={list.length}>
            {list.length} check-in{list.length === 1 ? '' : 's'}; average soreness{' '}
            {(list.reduce((a, c) => a + c.soreness, 0) / list.length).toFixed(1)} of 10.
          </p>
          <svg className="timeline" viewBox={`0 0 ${w} ${h}`} role="img" aria-labelledby="checkin-tl-title">
            <title id="checkin-tl-title">Soreness from 0 to 10 over the period, one dot per check-in; a ring marks warning signs.</title>
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
              <caption className="visually-hidden">Latest check-ins</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col" className="num">
                    Soreness
                  </th>
                  <th scope="col">Where</th>
                  <th scope="col">Warning signs</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((c) => (
                  <tr key={c.at}>
                    <td>{`${formatDate(c.date)} ${c.at.slice(11, 16)}`}</td>
                    <td className="num">{c.soreness}</td>
                    <td>{c.areas.map(areaLabel).join(', ') || '—'}</td>
                    <td>{c.redFlags.map(flagLabel).join('; ') || 'None'}</td>
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
