import { dayToDate, dateToDay, isoWeek } from '../main/core/calendar.ts';
import { DateTime } from 'luxon';
for (let d = -719162; d < 800000; d += 1) { const iso = new Date(d * 86400000).toISOString().slice(0, 10); if (dayToDate(d) !== iso) { console.log('bad', d, iso, dayToDate(d)); process.exit(1);} }
for (let d = 0; d < 60000; d++) { const s = dayToDate(d); if (dateToDay(s) !== d) throw 1; const dt = DateTime.fromISO(s, {zone:'UTC'}); const w = `${dt.weekYear}-W${String(dt.weekNumber).padStart(2,'0')}`; if (w !== isoWeek(s)) { console.log('week', s, w, isoWeek(s)); process.exit(1);} }
console.log('ok');
