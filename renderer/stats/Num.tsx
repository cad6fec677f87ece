/**
 * A number the statistics view shows. `data-value` carries the report's exact value, so tests can
 * compare the view with `sitwell stats --json` for the same database and range.
 */
export function Stat({ label, testId, value, text }: { label: string; testId: string; value: number | null; text: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={value === null ? 'null' : String(value)}>
        {text}
      </dd>
    </div>
  );
}
