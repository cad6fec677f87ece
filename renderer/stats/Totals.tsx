import { useTranslation } from 'react-i18next';
import type { StatsReport } from '../../shared/statsReport.js';
import { formatCount, formatDecimalMinutes, formatMinutes, formatNumber, formatPercent } from '../lib/format.js';
import { Stat } from './Num.js';

export function Totals({ report, days }: { report: StatsReport; days: number }) {
  const { t: tr } = useTranslation();
  const t = report.totals;
  const label = (key: string) => tr(`stats.totals.${key}`);
  const sittingDays = report.days.filter((d) => d.sittingMinutes > 0).length;
  return (
    <section className="card" aria-labelledby="totals-h">
      <h2 id="totals-h">{label('title')}</h2>
      <dl className="stats">
        <Stat label={label('sitting')} testId="stats-sitting" value={t.sittingMinutes} text={formatMinutes(t.sittingMinutes)} />
        {days > 1 && (
          <Stat
            label={label('perDay')}
            testId="stats-sitting-per-day"
            value={sittingDays ? t.sittingMinutes / sittingDays : null}
            text={sittingDays ? formatMinutes(t.sittingMinutes / sittingDays) : '—'}
          />
        )}
        <Stat label={label('bouts')} testId="stats-bouts" value={t.bouts} text={formatCount(t.bouts)} />
        <Stat label={label('meanBout')} testId="stats-mean-bout" value={t.meanBoutMinutes} text={formatDecimalMinutes(t.meanBoutMinutes)} />
        <Stat label={label('longest')} testId="stats-longest" value={t.longestBoutMinutes} text={formatDecimalMinutes(t.longestBoutMinutes)} />
        <Stat label={label('breaks')} testId="stats-breaks" value={t.breaks} text={formatCount(t.breaks)} />
        <Stat
          label={label('breaksPerHour')}
          testId="stats-breaks-per-hour"
          value={t.breaksPerSittingHour}
          text={formatNumber(t.breaksPerSittingHour, 2)}
        />
        <Stat
          label={label('longShare')}
          testId="stats-long-share"
          value={t.longBoutShare}
          text={formatPercent(t.longBoutShare)}
        />
        {t.standingMinutes > 0 && (
          <>
            <Stat label={tr('stats.standing.name')} testId="stats-standing" value={t.standingMinutes} text={formatMinutes(t.standingMinutes)} />
            <Stat label={tr('stats.standing.share')} testId="stats-standing-share" value={t.standingShare} text={formatPercent(t.standingShare)} />
          </>
        )}
      </dl>
    </section>
  );
}
