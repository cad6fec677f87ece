import { useTranslation } from 'react-i18next';
import type { BusyHeldSummary } from '../../shared/statsReport.js';
import { formatMinutes } from '../lib/format.js';

/** Issue 12: how many prompts each busy reason held back, and how long the user then kept sitting. */
export function BusyHeld({ held }: { held: BusyHeldSummary[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="held-h" data-testid="stats-busy-held">
      <h2 id="held-h">{t('stats.held.title')}</h2>
      {held.length === 0 ? (
        <p data-testid="stats-busy-held-none">{t('stats.held.none')}</p>
      ) : (
        <>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('stats.held.reason')}</th>
                <th scope="col" className="num">
                  {t('stats.held.prompts')}
                </th>
                <th scope="col" className="num">
                  {t('stats.held.kept')}
                </th>
                <th scope="col" className="num">
                  {t('stats.held.keptTotal')}
                </th>
              </tr>
            </thead>
            <tbody>
              {held.map((h) => (
                <tr key={h.reason} data-testid={`stats-busy-held-${h.reason}`} data-prompts={h.prompts} data-kept={h.keptSittingMinutes}>
                  <th scope="row">{t(`busy.reason.${h.reason}`)}</th>
                  <td className="num">{h.prompts}</td>
                  <td className="num">{h.meanKeptSittingMinutes === null ? '–' : formatMinutes(h.meanKeptSittingMinutes)}</td>
                  <td className="num">{formatMinutes(h.keptSittingMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('stats.held.note')}</p>
        </>
      )}
    </section>
  );
}
