import { useTranslation } from 'react-i18next';

/**
 * Seconds left in the current hold: a ring that drains, or (with reduced motion) just the number.
 * Geometry is set through SVG attributes, not style, to stay inside the CSP.
 */
export function Countdown({ remainingMs, totalMs, reducedMotion, label }: { remainingMs: number; totalMs: number; reducedMotion: boolean; label: string }) {
  const { t } = useTranslation();
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  const number = (
    <span data-testid="player-seconds" aria-hidden="true">
      {seconds}
    </span>
  );
  const spoken = <span className="visually-hidden">{t('player.secondsLeft', { count: seconds, label })}</span>;
  if (reducedMotion) {
    return (
      <div className="countdown-plain" data-testid="player-countdown" data-motion="reduced">
        {number}
        {spoken}
      </div>
    );
  }
  const r = 52;
  const circumference = 2 * Math.PI * r;
  const fraction = totalMs > 0 ? remainingMs / totalMs : 0;
  return (
    <div data-testid="player-countdown" data-motion="full">
      <svg className="ring" viewBox="0 0 120 120" aria-hidden="true">
        <circle className="track" cx="60" cy="60" r={r} fill="none" strokeWidth="10" />
        <circle
          className="progress"
          cx="60"
          cy="60"
          r={r}
          fill="none"
          strokeWidth="10"
          strokeLinecap="round"
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - fraction)}
          transform="rotate(-90 60 60)"
        />
        <text x="60" y="60" textAnchor="middle" dominantBaseline="central">
          {seconds}
        </text>
      </svg>
      <div className="visually-hidden">
        {number}
        {spoken}
      </div>
    </div>
  );
}
