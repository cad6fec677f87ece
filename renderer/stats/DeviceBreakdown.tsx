import { useTranslation } from 'react-i18next';
import type { DeviceRow } from '../../shared/statsReport.js';
import { formatCount, formatMinutes, formatPercent } from '../lib/format.js';

/**
 * Each computer alone under "All computers" (issue 15): its sitting, bouts and standing, and its
 * share of the person's total. A computer's name links to its statistics alone.
 */
export function DeviceBreakdown({ devices, hrefOf }: { devices: DeviceRow[]; hrefOf: (id: string) => string }) {
  const { t } = useTranslation();
  const standing = devices.some((d) => d.standingMinutes > 0);
  return (
    <section className="card" aria-labelledby="devices-h" data-testid="stats-devices">
      <h2 id="devices-h">{t('stats.devices.title')}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="devices-h">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('stats.device.label')}</th>
              <th scope="col" className="num">
                {t('now.sitting')}
              </th>
              <th scope="col" className="num">
                {t('now.bouts')}
              </th>
              {standing && (
                <th scope="col" className="num">
                  {t('stats.standing.name')}
                </th>
              )}
              <th scope="col" className="num">
                {t('stats.devices.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => {
              const name = d.name || d.id.slice(0, 8);
              return (
                <tr key={d.id} data-testid="stats-device-row" data-device={d.id}>
                  <th scope="row">
                    <a href={hrefOf(d.id)}>{d.thisDevice ? t('stats.device.thisOne', { name }) : name}</a>
                  </th>
                  <td className="num">{formatMinutes(d.sittingMinutes)}</td>
                  <td className="num">{formatCount(d.bouts)}</td>
                  {standing && <td className="num">{formatMinutes(d.standingMinutes)}</td>}
                  <td className="num">{formatPercent(d.share)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('stats.devices.note')}</p>
    </section>
  );
}
