import { BREAK_OUTCOMES, type BreakOutcome } from '../../shared/domain.js';
import type { StatsReport } from '../../shared/statsReport.js';
import { formatPercent } from '../lib/format.js';
import { Stat } from './Num.js';

const OUTCOME_NAMES: Record<BreakOutcome, string> = {
  stretched: 'Started a stretch',
  'took-break': 'Got up without answering',
  snoozed: 'Snoozed',
  skipped: 'Skipped',
  unanswered: 'Not answered',
  suppressed: 'Held back (paused, quiet or off hours)',
  stood: 'Stood up at the desk',
};

/** How often a break prompt led to a break, and what happened to the rest. */
export function Outcomes({ report }: { report: StatsReport }) {
  const p = report.prompts;
  return (
    <section className="card" aria-labelledby="outcomes-h">
      <h2 id="outcomes-h">Break prompts</h2>
      <p>
        {p.breakShown === 0
          ? 'No break prompts were shown in this period.'
          : `${p.ledToBreak} of ${p.breakShown} break prompts led to a break (${formatPercent(p.breakRate)}).`}
      </p>
      <dl className="stats">
        <Stat label="Prompts shown" testId="stats-prompts-shown" value={p.breakShown} text={String(p.breakShown)} />
        <Stat label="Led to a break" testId="stats-prompts-heeded" value={p.ledToBreak} text={String(p.ledToBreak)} />
        <Stat label="Break rate" testId="stats-prompt-rate" value={p.breakRate} text={formatPercent(p.breakRate)} />
        <Stat label="Posture reminders" testId="stats-posture-shown" value={p.posture.shown} text={String(p.posture.shown)} />
      </dl>
      <table className="data field-gap">
        <caption className="visually-hidden">Break prompts by outcome</caption>
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Prompts
            </th>
          </tr>
        </thead>
        <tbody>
          {BREAK_OUTCOMES.map((o) => (
            <tr key={o}>
              <th scope="row">{OUTCOME_NAMES[o]}</th>
              <td className="num" data-testid={`stats-outcome-${o}`} data-value={p.break[o]}>
                {p.break[o]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
