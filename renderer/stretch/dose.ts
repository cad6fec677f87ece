import { useTranslation } from 'react-i18next';
import type { Stretch } from '../../shared/stretches/index.js';

/** How long and how often a stretch is held, in words: "30 s each side, 2 times" ("30 s je Seite, 2-mal"). */
export function useDose(): (stretch: Pick<Stretch, 'holdSeconds' | 'sides' | 'repetitions'>) => string {
  const { t } = useTranslation();
  return (s) => {
    const hold = t(s.sides === 'both' ? 'stretchList.secondsEachSide' : 'stretchList.seconds', { seconds: s.holdSeconds });
    return s.repetitions > 1 ? t('stretchList.repeated', { hold, count: s.repetitions }) : hold;
  };
}
