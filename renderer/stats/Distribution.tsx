import { useTranslation } from 'react-i18next';
import type { StatsReport } from '../../shared/statsReport.js';
import { formatCount, formatDecimalMinutes, formatNumber } from '../lib/format.js';

/** Bout lengths as bars per bucket, and the three research measures in one plain sentence each. */
export function Distribution({ report }: { report: StatsReport }) {
  const { t } = useTranslation();
  const buckets = report.boutLengths;
  // "<10", "10–20", "90+" are symbols and numbers; the unit comes from the catalog ("<10 min", "<10 Min.").
  const bucketName = (label: string) => t('duration.min', { m: label });
  const max = Math.max(1, ...buckets.map((b) => b.bouts));
  const r = report.research;
  const rowH = 24;
  const labelW = 84;
  const barW = 260;
  return (
    <section className="card" aria-labelledby="dist-h">
      <h2 id="dist-h">{t('stats.dist.title')}</h2>
      <svg
        className="distribution"
        viewBox={`0 0 ${labelW + barW + 60} ${buckets.length * rowH + 4}`}
        role="img"
        aria-labelledby="dist-title"
        data-testid="stats-distribution"
      >
        <title id="dist-title">
          {t('stats.dist.chartTitle', { list: buckets.map((b) => t('stats.dist.bucket', { length: bucketName(b.label), bouts: formatCount(b.bouts) })).join(t('stats.dist.separator')) })}
        </title>
        {buckets.map((b, i) => (
          <g key={b.label} data-testid={`stats-bucket-${i}`} data-value={b.bouts}>
            <text x={labelW - 8} y={i * rowH + 16} textAnchor="end">
              {bucketName(b.label)}
            </text>
            <rect className="bar" x={labelW} y={i * rowH + 4} width={Math.max(b.bouts > 0 ? 2 : 0, (barW * b.bouts) / max)} height={rowH - 8} rx={3} />
            <text x={labelW + (barW * b.bouts) / max + 6} y={i * rowH + 16}>
              {formatCount(b.bouts)}
            </text>
          </g>
        ))}
      </svg>
      <dl className="measures">
        <Measure name={t('stats.dist.alpha')} testId="stats-alpha" value={r.alpha} text={formatNumber(r.alpha, 3)} meaning={t('stats.dist.alphaMeaning')} />
        <Measure name="W50" testId="stats-w50" value={r.w50Minutes} text={formatDecimalMinutes(r.w50Minutes)} meaning={t('stats.dist.w50Meaning')} />
        <Measure name={t('stats.dist.gini')} testId="stats-gini" value={r.gini} text={formatNumber(r.gini, 3)} meaning={t('stats.dist.giniMeaning')} />
      </dl>
      <p className="muted small">{t('stats.dist.source')}</p>
    </section>
  );
}

function Measure({ name, testId, value, text, meaning }: { name: string; testId: string; value: number | null; text: string; meaning: string }) {
  return (
    <div className="measure">
      <dt>{name}</dt>
      <dd className="measure-value" data-testid={testId} data-value={value === null ? 'null' : String(value)}>
        {text}
      </dd>
      <dd className="measure-meaning">{meaning}</dd>
    </div>
  );
}
