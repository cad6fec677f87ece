import { useTranslation } from 'react-i18next';
import type { StatsPeriod } from '../../shared/statsReport.js';
import { formatDate } from '../lib/dates.js';
import { filledText } from '../lib/filledText.js';
import { formatCount, formatDecimalMinutes, formatMinutes, formatNumber, formatPercent } from '../lib/format.js';

/** The range broken into days, weeks or months, one row each. */
export function PeriodTable({ title, periods, kind }: { title: string; periods: StatsPeriod[]; kind: 'day' | 'week' | 'month' }) {
  const { t } = useTranslation();
  // Standing columns only for someone who stands at a sit-stand desk (DESIGN.md §7).
  const standing = periods.some((p) => p.standingMinutes > 0);
  const name = (p: StatsPeriod) =>
    kind === 'day'
      ? formatDate(p.from, { weekday: 'short', day: 'numeric', month: 'short' })
      : kind === 'week'
        ? `${formatDate(p.from, { day: 'numeric', month: 'short' })} – ${formatDate(p.to, { day: 'numeric', month: 'short' })}`
        : formatDate(p.from, { month: 'long', year: 'numeric' });
  return (
    <section className="card" aria-labelledby="periods-h">
      <h2 id="periods-h">{title}</h2>
      {/* Focusable, so a keyboard can scroll it when the standing columns make it wider than the card. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="periods-h">
        <table className="data" data-testid="stats-periods">
          <thead>
            <tr>
              <th scope="col">{t(`stats.kind.${kind}`)}</th>
              <th scope="col" className="num">
                {t('now.sitting')}
              </th>
              {standing && (
                <>
                  <th scope="col" className="num">
                    {t('stats.standing.name')}
                  </th>
                  <th scope="col" className="num">
                    {t('stats.standing.share')}
                  </th>
                </>
              )}
              <th scope="col" className="num">
                {t('now.bouts')}
              </th>
              <th scope="col" className="num">
                {t('stats.periodTable.longest')}
              </th>
              <th scope="col" className="num">
                {t('stats.periodTable.breaksPerHour')}
              </th>
              <th scope="col" className="num">
                {t('stats.periodTable.heeded')}
              </th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.label} data-period={p.label}>
                <th scope="row">{name(p)}</th>
                <td className="num" data-value={p.sittingMinutes}>
                  {formatMinutes(p.sittingMinutes)}
                </td>
                {standing && (
                  <>
                    <td className="num" data-testid={`stats-period-standing-${p.label}`} data-value={p.standingMinutes}>
                      {formatMinutes(p.standingMinutes)}
                    </td>
                    <td className="num" data-value={p.standingShare === null ? 'null' : p.standingShare}>
                      {formatPercent(p.standingShare)}
                    </td>
                  </>
                )}
                <td className="num">{formatCount(p.bouts)}</td>
                <td className="num">{p.bouts ? formatDecimalMinutes(p.longestBoutMinutes) : '—'}</td>
                <td className="num">{formatNumber(p.breaksPerSittingHour, 2)}</td>
                <td className="num">
                  {p.breakPrompts
                    ? filledText('stats.periodTable.heededOf', { heeded: formatCount(p.breakPromptsHeeded), prompts: formatCount(p.breakPrompts), rate: formatPercent(p.breakPromptRate) })
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
