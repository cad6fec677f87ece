import { describe, expect, it } from 'vitest';
import { breakPromptText, posturePromptText } from '../../main/app/promptText.js';
import en from '../../shared/i18n/locales/en/app.json';

// The evidence texts live in the window's catalog (issue 14); English is the source every translation keeps.
const SETTINGS_EVIDENCE = en.settings.evidence;
const POSTURE_NOTE = en.settings.number.postureEveryMinutes.hint;

describe('break prompt words', () => {
  it('suggest moving, or (stretches on hold after a warning sign) walking or rest and no stretch', () => {
    expect(breakPromptText(31 * 60_000).body).toMatch(/31 minutes/);
    const held = breakPromptText(31 * 60_000, false);
    expect(held.body).toContain(en.checkin.onHold.short);
    expect(held.body).not.toMatch(/stretch(?!es for now)/i);
  });
});

describe('evidence stated as it is (issue #17)', () => {
  it('names what the studies tested: walking, glucose, not ambulatory blood pressure in Bhammar 2017; Duran 2023', () => {
    expect(SETTINGS_EVIDENCE).toMatch(/Bhammar et al\., 2017/);
    expect(SETTINGS_EVIDENCE).toMatch(/not 24-hour ambulatory blood pressure/);
    expect(SETTINGS_EVIDENCE).toMatch(/five minutes of light walking every 30 minutes.*Duran et al\., 2023/);
    expect(SETTINGS_EVIDENCE).toMatch(/walking, not stretching/);
    expect(SETTINGS_EVIDENCE).not.toMatch(/Diaz/);
  });
  it('the posture interval is a convention, and the nudge is to change position', () => {
    expect(POSTURE_NOTE).toMatch(/convention, not a figure from studies/);
    expect(posturePromptText(16 * 60_000).body).toMatch(/Change position/);
  });
});
