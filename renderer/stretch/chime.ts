/**
 * The player's optional chime (off by default): a short soft tone made with Web Audio, so no sound file
 * is shipped or downloaded. The choice is kept in the window's storage, like the welcome's.
 */
const KEY = 'sitwell.playerChime';

export function chimeOn(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function setChimeOn(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // Storage refused (a private window): the toggle still works for this player.
  }
}

let audio: AudioContext | null = null;

/**
 * Creates (or wakes) the audio context. Call it from the click that switches the chime on: browsers let a
 * page make sound only after a user gesture.
 */
export function unlockChime(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    audio = null; // no Web Audio here: the chime stays silent
  }
}

/** One 0.25-s tone at 660 Hz that fades in and out (no click), quiet enough for an open-plan office. */
export function playChime(): void {
  if (!audio) unlockChime();
  const ctx = audio;
  if (!ctx) return;
  const t = ctx.currentTime;
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.value = 660;
  gain.gain.setValueAtTime(0, t);
  gain.gain.linearRampToValueAtTime(0.2, t + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.001, t + 0.25);
  osc.connect(gain).connect(ctx.destination);
  osc.start(t);
  osc.stop(t + 0.3);
}
