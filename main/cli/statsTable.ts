import type { ComparedMeasure, PeriodComparison, StatsPeriod, StatsReport } from '../../shared/statsReport.js';
import { weekdayOf } from '../../shared/calendar.js';

/** The human-readable `sitwell stats`: days, weeks, months (when the range has several), totals, then the measures. */

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const hm = (minutes: number): string => {
  const m = Math.round(minutes);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
};
const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);
const num = (x: number | null, digits = 1): string => (x === null ? '–' : x.toFixed(digits));

const HEAD = ['', 'sitting', 'bouts', 'mean', 'longest', 'breaks', 'breaks/h', '>30 min', 'prompts→break'];

function cells(label: string, p: StatsPeriod): string[] {
  return [
    label,
    hm(p.sittingMinutes),
    String(p.bouts),
    p.meanBoutMinutes === null ? '–' : `${Math.round(p.meanBoutMinutes)}m`,
    p.bouts ? `${Math.round(p.longestBoutMinutes)}m` : '–',
    String(p.breaks),
    num(p.breaksPerSittingHour),
    pct(p.longBoutShare),
    p.breakPrompts ? `${p.breakPromptsHeeded}/${p.breakPrompts}` : '–',
  ];
}

function table(rows: string[][]): string[] {
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd());
}

const MEASURE_TEXT: Record<ComparedMeasure, { name: string; show: (x: number) => string }> = {
  dailySitting: { name: 'Sitting a day', show: hm },
  longBoutsPerDay: { name: 'Bouts of 30 min or more a day', show: (x) => x.toFixed(1) },
  breaksPerSittingHour: { name: 'Breaks per hour of sitting', show: (x) => x.toFixed(2) },
};

/** "Sitting a day: 3:20, 0:40 less than 2026-03-16 to 2026-03-22 (4:00)". */
function comparisonLines(c: PeriodComparison): string[] {
  const before = `${c.previousFrom} to ${c.previousTo}`;
  if (c.previousTrackedDays === 0) return [`Compared with ${before}: nothing recorded then, so nothing to compare with.`];
  if (c.trackedDays === 0) return [`Compared with ${before}: nothing recorded in this period yet.`];
  const lines = [`Compared with ${before} (averages over days with records: ${c.trackedDays} now, ${c.previousTrackedDays} then):`];
  for (const x of c.measures) {
    const t = MEASURE_TEXT[x.measure];
    if (x.current === null || x.previous === null || x.change === null) continue;
    const how = x.direction === 'same' ? 'about the same as' : `${t.show(Math.abs(x.change))} ${x.direction === 'up' ? 'more' : 'less'} than`;
    lines.push(`  ${t.name}: ${t.show(x.current)}, ${how} before (${t.show(x.previous)})`);
  }
  return lines;
}

export function renderStats(r: StatsReport): string {
  const rows: string[][] = [HEAD];
  // Long ranges list weeks (or months) instead of hundreds of days.
  const days = r.days.length;
  const detail = days <= 62 ? r.days.map((p) => cells(`${p.label} ${DAY_NAMES[weekdayOf(p.label)]}`, p)) : [];
  const weeks = days > 7 && days <= 366 ? r.weeks.map((p) => cells(`week ${p.label} (${p.from.slice(5)}${p.from === p.to ? '' : `–${p.to.slice(5)}`})`, p)) : [];
  const months = days > 62 ? r.months.map((p) => cells(`month ${p.label}`, p)) : [];
  rows.push(...detail, ...weeks, ...months, cells('total', r.totals));

  const { research: m, prompts: pr } = r;
  const lines = [`Sitwell statistics, ${r.from} to ${r.to} (${r.zone})`, '', ...table(rows), ''];
  if (r.comparison) lines.push(...comparisonLines(r.comparison), '');
  lines.push(
    `Research measures over ${m.bouts} bout${m.bouts === 1 ? '' : 's'} starting in the range: ` +
      `alpha ${num(m.alpha, 3)}, W50 ${m.w50Minutes === null ? '–' : `${m.w50Minutes.toFixed(1)} min`}, Gini ${num(m.gini, 3)}`,
  );
  const b = pr.break;
  lines.push(
    `Break prompts: ${pr.breakShown} shown, ${pr.ledToBreak} led to a break (${pct(pr.breakRate)}): ` +
      `stretched ${b.stretched}, took a break ${b['took-break']}, stood up ${b.stood}, snoozed ${b.snoozed}, skipped ${b.skipped}, unanswered ${b.unanswered}; ` +
      `${b.suppressed} not shown (paused, outside work hours or quiet hours)`,
  );
  lines.push(`Posture prompts: ${pr.posture.shown} shown, ${pr.posture.suppressed} not shown`);
  if (r.busyHeld.length) {
    lines.push(
      `Held while busy: ${r.busyHeld
        .map((h) => `${h.reason} ${h.prompts} (then kept sitting ${h.meanKeptSittingMinutes === null ? '–' : hm(h.meanKeptSittingMinutes)} on average)`)
        .join(', ')}`,
    );
  }
  lines.push(`Bout lengths (min): ${r.boutLengths.map((x) => `${x.label}: ${x.bouts}`).join(' · ')}`);
  const hourTotals = Array.from({ length: 24 }, (_, h) => r.heatmap.reduce((s, row) => s + row[h]!, 0));
  const peak = hourTotals.indexOf(Math.max(...hourTotals));
  if (hourTotals[peak]! > 0) lines.push(`Most sitting in the hour from ${String(peak).padStart(2, '0')}:00 (${hm(hourTotals[peak]!)} over the range)`);
  if (r.checkIns.length) {
    lines.push('Check-ins:');
    for (const c of r.checkIns) {
      const flags = c.redFlags.length ? `; warning signs: ${c.redFlags.join(', ')}` : '';
      lines.push(`  ${c.at.slice(0, 16).replace('T', ' ')}  soreness ${c.soreness}/10${c.areas.length ? ` (${c.areas.join(', ')})` : ''}${flags}`);
    }
  }
  return lines.join('\n') + '\n';
}
