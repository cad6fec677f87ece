import type { StatsReport } from '../../shared/statsReport.js';
import { formatNumber } from '../lib/format.js';

/** Bout lengths as bars per bucket, and the three research measures in one plain sentence each. */
export function Distribution({ report }: { report: StatsReport }) {
  const buckets = report.boutLengths;
  const max = Math.max(1, ...buckets.map((b) => b.bouts));
  const r = report.research;
  const rowH = 24;
  const labelW = 84;
  const barW = 260;
  return (
    <section className="card" aria-labelledby="dist-h">
      <h2 id="dist-h">How long your bouts are</h2>
      <svg
        className="distribution"
        viewBox={`0 0 ${labelW + barW + 60} ${buckets.length * rowH + 4}`}
        role="img"
        aria-labelledby="dist-title"
        data-testid="stats-distribution"
      >
        <title id="dist-title">
          {`Number of bouts by length: ${buckets.map((b) => `${b.label} minutes: ${b.bouts}`).join('; ')}.`}
        </title>
        {buckets.map((b, i) => (
          <g key={b.label} data-testid={`stats-bucket-${i}`} data-value={b.bouts}>
            <text x={labelW - 8} y={i * rowH + 16} textAnchor="end">
              {`${b.label} min`}
            </text>
            <rect className="bar" x={labelW} y={i * rowH + 4} width={Math.max(b.bouts > 0 ? 2 : 0, (barW * b.bouts) / max)} height={rowH - 8} rx={3} />
            <text x={labelW + (barW * b.bouts) / max + 6} y={i * rowH + 16}>
              {b.bouts}
            </text>
          </g>
        ))}
      </svg>
      <dl className="measures">
        <Measure
          name="Alpha"
          testId="stats-alpha"
          value={r.alpha}
          text={formatNumber(r.alpha, 3)}
          meaning="How quickly long bouts become rare: a higher alpha means your sitting is broken into more short bouts, which is better."
        />
        <Measure
          name="W50"
          testId="stats-w50"
          value={r.w50Minutes}
          text={r.w50Minutes === null ? '—' : `${formatNumber(r.w50Minutes)} min`}
          meaning="Half of all your sitting happens in bouts at least this long, so lower is better."
        />
        <Measure
          name="Gini"
          testId="stats-gini"
          value={r.gini}
          text={formatNumber(r.gini, 3)}
          meaning="How unequal your bouts are, from 0 (all the same length) towards 1 (a few very long bouts make up most of your sitting)."
        />
      </dl>
      <p className="muted small">These are the measures sitting researchers use (Chastin and Granat, 2010).</p>
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
