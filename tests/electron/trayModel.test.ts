import { describe, expect, it } from 'vitest';
import { menuActions, trayState, type TrayMenuItem } from '../../main/app/trayModel.js';
import { DEFAULT_SETTINGS } from '../../shared/settings.js';
import { nowState, ZONE } from './support/appCore.js';

const MIN = 60_000;
const at = Date.parse('2026-03-10T10:00:00+01:00');
const view = (over: Parameters<typeof nowState>[0]) => trayState(nowState({ at, ...over }), DEFAULT_SETTINGS, { zone: ZONE });
const sitting = (min: number) => ({ bout: { start: at - min * MIN, sittingMs: min * MIN } });
const labels = (items: TrayMenuItem[]): string[] =>
  items.flatMap((i) => (i.type === 'item' ? [i.label] : i.type === 'submenu' ? [i.label, ...labels(i.items)] : ['—']));

describe('trayState: icon', () => {
  it('is ok while away and early in a bout, rising from half the limit, due at the limit', () => {
    expect(view({}).icon).toBe('ok');
    expect(view(sitting(5)).icon).toBe('ok');
    expect(view(sitting(14)).icon).toBe('ok');
    expect(view(sitting(15)).icon).toBe('rising');
    expect(view(sitting(29)).icon).toBe('rising');
    expect(view(sitting(30)).icon).toBe('due');
  });

  it('is due while a break prompt is open, whatever the bout length', () => {
    expect(view({ ...sitting(3), openPrompt: { id: 4, at, sittingMs: 3 * MIN } }).icon).toBe('due');
  });

  it('is paused while paused or not tracking, even with a long bout', () => {
    expect(view({ ...sitting(40), pausedUntil: at + 30 * MIN }).icon).toBe('paused');
    expect(view({ ...sitting(40), tracking: false }).icon).toBe('paused');
  });

  it('is ok during a stretch', () => {
    expect(view({ ...sitting(40), stretching: { id: 1, routineId: 'quick-2', start: at } }).icon).toBe('ok');
  });

  it('follows the configured limit', () => {
    const s = { ...DEFAULT_SETTINGS, sitLimitMinutes: 60 };
    expect(trayState(nowState({ at, ...sitting(29) }), s, { zone: ZONE }).icon).toBe('ok');
    expect(trayState(nowState({ at, ...sitting(30) }), s, { zone: ZONE }).icon).toBe('rising');
  });
});

describe('trayState: tooltip and title', () => {
  it('shows the live sitting minutes, the limit and today', () => {
    const v = view({ ...sitting(23), todaySittingMs: 125 * MIN });
    expect(v.tooltip).toBe('Sitwell: sitting 23 min of 30 min (today 2 h 5 min)');
    expect(v.title).toBe('23m');
  });

  it('says when a pause ends, in the user zone', () => {
    expect(view({ pausedUntil: at + 30 * MIN }).tooltip).toContain('paused until 10:30');
    expect(view({ pausedUntil: Date.parse('2026-03-11T00:00:00+01:00') }).tooltip).toContain('paused until tomorrow');
    expect(view({ pausedUntil: Number.MAX_SAFE_INTEGER }).tooltip).toContain('paused until you resume');
    expect(view({ pausedUntil: at + 30 * MIN }).title).toBe('');
  });

  it('names away, locked, stretching, prompt due and not tracking', () => {
    expect(view({}).tooltip).toContain('away');
    expect(view({ locked: true }).tooltip).toContain('screen locked');
    expect(view({ stretching: { id: 1, routineId: 'x', start: at } }).tooltip).toContain('stretching');
    expect(view({ ...sitting(31), openPrompt: { id: 1, at, sittingMs: 30 * MIN } }).tooltip).toContain('time to stand up');
    expect(view({ tracking: false }).tooltip).toContain('not tracking');
  });

  it('says when a break prompt is held back and why (busy, DESIGN.md §6), in the tray\'s language', () => {
    const held = { ...sitting(34), held: { at: at - 4 * MIN, reasons: ['call' as const] } };
    expect(view(held).tooltip).toBe('Sitwell: Holding your break prompt: you are in a call (today 0 min)');
    const two = { ...sitting(34), held: { at, reasons: ['fullscreen' as const, 'dnd' as const] } };
    expect(view(two).tooltip).toContain('Holding your break prompt: Do Not Disturb is on and a window is fullscreen');
    const de = trayState(nowState({ at, ...held }), { ...DEFAULT_SETTINGS, language: 'de' }, { zone: ZONE });
    expect(de.tooltip).toContain('Ihre Pausenerinnerung wartet: Sie sind in einem Anruf');
  });

  it("at a sit-stand desk: says standing with its minutes, and offers I'm sitting (DESIGN.md §7)", () => {
    const v = view({ standing: { start: at - 12 * MIN, standingMs: 12 * MIN } });
    expect(v.tooltip).toBe('Sitwell: standing 12 min (today 0 min)');
    expect(labels(v.items)).toContain("I'm sitting (standing 12 min)");
    expect(menuActions(v.items)).toContain('sit');
    expect(menuActions(v.items)).not.toContain('stand');
    const de = trayState(nowState({ at, standing: { start: at, standingMs: 5 * MIN } }), { ...DEFAULT_SETTINGS, language: 'de' }, { zone: ZONE });
    expect(labels(de.items)).toContain('Ich sitze (stehend seit 5 Min.)');
  });

  it('counts whole minutes already sat: 59.9 min still reads 59 min', () => {
    expect(view(sitting(59.9)).tooltip).toContain('sitting 59 min of');
  });
});

describe('trayState: menu', () => {
  it("offers Now, Start stretch, I'm standing, Pause (30 min / 1 h / until tomorrow), Statistics, Settings, Quit", () => {
    const v = view(sitting(10));
    expect(menuActions(v.items)).toEqual(['now', 'start-stretch', 'stand', 'pause-30', 'pause-60', 'pause-tomorrow', 'stats', 'settings', 'quit']);
    expect(labels(v.items)).toEqual([
      'Now: sitting 10 min of 30 min',
      'Start stretch',
      "I'm standing",
      '—',
      'Pause',
      'For 30 minutes',
      'For 1 hour',
      'Until tomorrow',
      '—',
      'Statistics',
      'Settings',
      '—',
      'Quit Sitwell',
    ]);
  });

  it('offers Resume instead of Pause while paused', () => {
    const actions = menuActions(view({ pausedUntil: at + 60 * MIN }).items);
    expect(actions).toContain('resume');
    expect(actions).not.toContain('pause-30');
  });

  it('disables Start stretch during a stretch', () => {
    const item = view({ stretching: { id: 1, routineId: 'x', start: at } }).items.find((i) => i.type === 'item' && i.action === 'start-stretch');
    expect(item).toMatchObject({ enabled: false, label: 'Stretching…' });
  });
});
