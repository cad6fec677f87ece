import { useTranslation } from 'react-i18next';
import { BREAK_OUTCOMES } from '../../shared/domain.js';
import type { StatsReport } from '../../shared/statsReport.js';
import { formatCount, formatPercent } from '../lib/format.js';
import { Stat } from './Num.js';

/** How often a break prompt led to a break, and what happened to the rest. */
export function Outcomes({ report }: { report: StatsReport }) {
  const { t } = useTranslation();
  const p = report.prompts;
  return (
    <section className="card" aria-labelledby="outcomes-h">
      <h2 id="outcomes-h">{t('stats.outcomes.title')}</h2>
      <p>
        {p.breakShown === 0
          ? t('stats.outcomes.none')
          : t('stats.outcomes.summary', { count: p.breakShown, shown: formatCount(p.breakShown), led: formatCount(p.ledToBreak), rate: formatPercent(p.breakRate) })}
      </p>
      <dl className="stats">
        <Stat label={t('stats.outcomes.shown')} testId="stats-prompts-shown" value={p.breakShown} text={formatCount(p.breakShown)} />
        <Stat label={t('stats.outcomes.led')} testId="stats-prompts-heeded" value={p.ledToBreak} text={formatCount(p.ledToBreak)} />
        <Stat label={t('stats.outcomes.rate')} testId="stats-prompt-rate" value={p.breakRate} text={formatPercent(p.breakRate)} />
        <Stat label={t('stats.outcomes.posture')} testId="stats-posture-shown" value={p.posture.shown} text={formatCount(p.posture.shown)} />
      </dl>
      <table className="data field-gap">
        <caption className="visually-hidden">{t('stats.outcomes.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats.outcomes.outcome')}</th>
            <th scope="col" className="num">
              {t('stats.held.prompts')}
            </th>
          </tr>
        </thead>
        <tbody>
          {BREAK_OUTCOMES.map((o) => (
            <tr key={o}>
              <th scope="row">{t(`stats.outcomes.name.${o}`)}</th>
              <td className="num" data-testid={`stats-outcome-${o}`} data-value={p.break[o]}>
                {formatCount(p.break[o])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
