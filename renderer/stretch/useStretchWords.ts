import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Routine } from '../../shared/routines.js';
import { routineWords, stretchWords, type RoutineWords, type Stretch, type StretchDef, type WordsT } from '../../shared/stretches/index.js';

export interface StretchWords {
  stretch(def: StretchDef): Stretch;
  routine(routine: Pick<Routine, 'id'>): RoutineWords;
}

/** The catalog's words in the window's language; a new object when the language changes, so views re-render. */
export function useStretchWords(): StretchWords {
  const { t } = useTranslation('stretches');
  return useMemo(() => {
    const wt = t as unknown as WordsT;
    return { stretch: (d) => stretchWords(wt, d), routine: (r) => routineWords(wt, r) };
  }, [t]);
}
