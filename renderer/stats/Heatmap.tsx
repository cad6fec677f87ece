import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/dates.js';
import { filledText } from '../lib/filledText.js';
import { formatHour, formatMinutes } from '../lib/format.js';

/** Weekday names in the window's language, Monday first: 1 January 2024 was a Monday. */
const weekday = (w: number, style: 'short' | 'long') => formatDate(`2024-01-0${w + 1}`, { weekday: style });
const WEEK = [0, 1, 2, 3, 4, 5, 6];

/** Sitting by hour of day × weekday as a plain SVG grid; a stronger colour means more sitting, in either theme. */
export function Heatmap({ heatmap }: { heatmap: number[][] }) {
  const { t } = useTranslation();
  const max = Math.max(0, ...heatmap.flat());
  const cell = 22;
  const days = WEEK.map((w) => weekday(w, 'short'));
  // Each name once, not once per cell: 168 cells each name a weekday and two hours.
  const longDays = WEEK.map((w) => weekday(w, 'long'));
  const hours = Array.from({ length: 25 }, (_, h) => formatHour(h));
  // 168 cells' titles: filled in, not translated one by one (filledText says why).
  // Room for the longest weekday name ("Mon", "lun.", "الاثنين"), at about 7 px a character.
  const left = Math.max(34, 10 + 7 * Math.max(...days.map((d) => d.length)));
  const top = 16;
  const busiest = busiestHour(heatmap);
  return (
    <figure>
      <svg
        className="heatmap"
        viewBox={`0 0 ${left + 24 * cell + 4} ${top + 7 * cell + 4}`}
        role="img"
        aria-labelledby="heatmap-title"
        data-testid="stats-heatmap"
      >
        <title id="heatmap-title">
          {busiest ? t('stats.heat.title', { day: longDays[busiest.day], time: hours[busiest.hour] }) : t('stats.heat.titleNone')}
        </title>
        {Array.from({ length: 24 }, (_, h) =>
          h % 3 === 0 ? (
            <text key={`h${h}`} x={left + h * cell + cell / 2} y={top - 5} textAnchor="middle">
              {h}
            </text>
          ) : null,
        )}
        {WEEK.map((w) => (
          <g key={w}>
            <text x={left - 6} y={top + w * cell + cell / 2 + 3} textAnchor="end">
              {days[w]}
            </text>
            {Array.from({ length: 24 }, (_, h) => {
              const v = heatmap[w]?.[h] ?? 0;
              return (
                <rect
                  key={h}
                  className={v > 0 ? 'cell' : 'empty'}
                  x={left + h * cell + 1}
                  y={top + w * cell + 1}
                  width={cell - 2}
                  height={cell - 2}
                  rx={3}
                  fillOpacity={v > 0 && max > 0 ? 0.15 + 0.85 * (v / max) : 1}
                  data-value={v}
                >
                  <title>{filledText('stats.heat.cell', { day: longDays[w]!, from: hours[h]!, to: hours[h + 1]!, duration: formatMinutes(v) })}</title>
                </rect>
              );
            })}
          </g>
        ))}
      </svg>
      {max > 0 && <Legend max={max} t={t} />}
      <figcaption className="muted small">{t('stats.heat.caption')}</figcaption>
    </figure>
  );
}

/** The cells' opacity runs from this (least sitting) to 1 (the busiest hour). */
const STEPS = [0.15, 0.36, 0.58, 0.79, 1];

/** The colour scale: an empty cell, then pale (a little) to strong (the busiest hour's sitting, in words). */
function Legend({ max, t }: { max: number; t: (key: string) => string }) {
  const sw = 18;
  return (
    <div className="heat-legend small" data-testid="stats-heat-legend" data-max={max}>
      <span>{t('stats.heat.legend')}:</span>
      <span className="heat-scale">
        <svg width={sw} height={sw} viewBox={`0 0 ${sw} ${sw}`} aria-hidden="true">
          <rect className="empty" x={1} y={1} width={sw - 2} height={sw - 2} rx={3} />
        </svg>
        <span>{t('stats.heat.none')}</span>
        <span className="heat-ends">{t('stats.heat.little')}</span>
        <svg width={STEPS.length * sw} height={sw} viewBox={`0 0 ${STEPS.length * sw} ${sw}`} aria-hidden="true">
          {STEPS.map((o, i) => (
            <rect key={o} className="cell" x={i * sw + 1} y={1} width={sw - 2} height={sw - 2} rx={3} fillOpacity={o} />
          ))}
        </svg>
        <span data-testid="stats-heat-max">{formatMinutes(max)}</span>
      </span>
    </div>
  );
}

function busiestHour(heatmap: number[][]): { day: number; hour: number } | null {
  let best: { day: number; hour: number; v: number } | null = null;
  for (let day = 0; day < heatmap.length; day++) {
    const row = heatmap[day] ?? [];
    for (let hour = 0; hour < row.length; hour++) {
      const v = row[hour] ?? 0;
      if (v > 0 && (best === null || v > best.v)) best = { day, hour, v };
    }
  }
  return best;
}
