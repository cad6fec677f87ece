import { describe, expect, it } from 'vitest';
import { breakPromptText } from '../../main/app/promptText.js';
import { ON_HOLD_ADVICE } from '../../shared/checkin.js';

describe('break prompt words', () => {
  it('suggest moving, or (stretches on hold after a warning sign) walking or rest and no stretch', () => {
    expect(breakPromptText(31 * 60_000).body).toMatch(/31 minutes/);
    const held = breakPromptText(31 * 60_000, false);
    expect(held.body).toContain(ON_HOLD_ADVICE.short);
    expect(held.body).not.toMatch(/stretch(?!es for now)/i);
  });
});
