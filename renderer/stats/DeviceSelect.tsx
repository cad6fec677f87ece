import { useTranslation } from 'react-i18next';
import { callOnce, peek } from '../bridge/prefetch.js';
import { useLoad } from '../lib/hooks.js';

/**
 * All computers (the person's statistics, overlaps once) or one of them alone (issue 15). Shown
 * only when the history has more than one computer; `value` null is all of them.
 */
export function DeviceSelect({ value, onChange }: { value: string | null; onChange: (device: string | null) => void }) {
  const { t } = useTranslation();
  const sync = useLoad(() => callOnce('getSync', {}), () => peek('getSync', {}));
  const devices = sync.data?.devices ?? [];
  if (devices.length < 2 && value === null) return null;
  return (
    <div className="row field-gap">
      <label htmlFor="stats-device">{t('stats.device.label')}</label>
      <select id="stats-device" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} data-testid="stats-device">
        <option value="">{t('stats.device.all')}</option>
        {devices.map((d) => (
          <option key={d.id} value={d.id}>
            {d.thisDevice ? t('stats.device.thisOne', { name: d.name || d.id.slice(0, 8) }) : d.name || d.id.slice(0, 8)}
          </option>
        ))}
      </select>
      {value !== null && <span className="muted small">{t('stats.device.note')}</span>}
    </div>
  );
}
