import { useTranslation } from 'react-i18next';
import type { StatsReport } from '../../shared/statsReport.js';
import { formatMinutes, formatNumber, formatPercent } from '../lib/format.js';
import { Stat } from './Num.js';

export function Totals({ report, days }: { report: StatsReport; days: number }) {
  const { t: tr } = useTranslation();
  const t = report.totals;
  const sittingDays = report.days.filter((d) => d.sittingMinutes > 0).length;
  return (
    <section className="card" aria-labelledby="totals-h">
      <h2 id="totals-h">Summary</h2>
      <dl className="stats">
        <Stat label="Total sitting" testId="stats-sitting" value={t.sittingMinutes} text={formatMinutes(t.sittingMinutes)} />
        {days > 1 && (
          <Stat
            label="Per day with sitting"
            testId="stats-sitting-per-day"
            value={sittingDays ? t.sittingMinutes / sittingDays : null}
            text={sittingDays ? formatMinutes(t.sittingMinutes / sittingDays) : '—'}
          />
        )}
        <Stat label="Sitting bouts" testId="stats-bouts" value={t.bouts} text={String(t.bouts)} />
        <Stat label="Average bout" testId="stats-mean-bout" value={t.meanBoutMinutes} text={t.meanBoutMinutes === null ? '—' : `${formatNumber(t.meanBoutMinutes)} min`} />
        <Stat label="Longest bout" testId="stats-longest" value={t.longestBoutMinutes} text={`${formatNumber(t.longestBoutMinutes)} min`} />
        <Stat label="Breaks" testId="stats-breaks" value={t.breaks} text={String(t.breaks)} />
        <Stat
          label="Breaks per sitting hour"
          testId="stats-breaks-per-hour"
          value={t.breaksPerSittingHour}
          text={formatNumber(t.breaksPerSittingHour, 2)}
        />
        <Stat
          label="In bouts over 30 min"
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
