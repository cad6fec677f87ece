/** The words of the nudges. Kept short: they are read at a glance, mid-task. */
import { ON_HOLD_ADVICE } from '../../shared/checkin.js';

const mins = (ms: number): number => Math.max(1, Math.round(ms / 60_000));

export function posturePromptText(sittingMs: number): { title: string; body: string } {
  return {
    title: 'Posture check',
    body: `${mins(sittingMs)} min in the chair. Change position: shift your weight, sit back, let your shoulders drop.`,
  };
}

export function movePromptText(standingMs: number): { title: string; body: string } {
  return {
    title: 'Time to move',
    body: `${mins(standingMs)} min standing still. Shift your weight, walk a few steps, or sit for a while.`,
  };
}

/** `offerStretch: false` after a check-in with a warning sign: walking or rest, never a stretch. */
export function breakPromptText(sittingMs: number, offerStretch = true): { title: string; body: string } {
  return {
    title: 'Time to stand up',
    body: offerStretch
      ? `You have been sitting for ${mins(sittingMs)} minutes. Two to five minutes of moving helps your hips and back.`
      : `You have been sitting for ${mins(sittingMs)} minutes. ${ON_HOLD_ADVICE.short}`,
  };
}
