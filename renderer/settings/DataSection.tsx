import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { getBridge } from '../bridge/index.js';
import { errorText } from '../lib/errors.js';
import { useLoad } from '../lib/hooks.js';
import { ImportSection } from './ImportSection.js';

/** Where the history lives, export as a download, and delete-all behind a typed confirmation. */
/** The word typed to confirm: the bridge checks this exact word, in every language. */
const CONFIRM_WORD = 'DELETE';

export function DataSection() {
  const { t } = useTranslation();
  const info = useLoad(() => getBridge().getInfo({}));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirm, setConfirm] = useState('');

  const exportAs = async (format: 'json' | 'csv') => {
    try {
      const file = await getBridge().exportData({ format });
      const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage({ ok: true, text: t('settings.data.exported', { file: file.filename }) });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  };

  const deleteAll = async () => {
    try {
      await getBridge().deleteAllData({ confirm: CONFIRM_WORD });
      setConfirm('');
      setMessage({ ok: true, text: t('settings.data.deleted') });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  };

  return (
    <section className="card" aria-labelledby="data-h">
      <h2 id="data-h">{t('settings.data.title')}</h2>
      {info.data && (
        <dl className="stats">
          <div className="stat">
            <dt>{t('settings.data.file')}</dt>
            <dd className="small">
              <code data-testid="data-path">{info.data.dataPath}</code>
            </dd>
          </div>
          <div className="stat">
            <dt>{t('settings.data.version')}</dt>
            <dd className="small">{t(info.data.mode === 'web' ? 'settings.data.versionWeb' : 'settings.data.versionDesktop', { version: info.data.version })}</dd>
          </div>
          <div className="stat">
            <dt>{t('settings.data.zone')}</dt>
            <dd className="small">{info.data.zone}</dd>
          </div>
        </dl>
      )}
      {info.error && <p className="error">{info.error}</p>}
      <p className="hint muted small">{t('settings.data.local')}</p>
      <div className="row field-gap">
        <button type="button" onClick={() => void exportAs('json')}>
          {t('settings.data.export', { format: 'JSON' })}
        </button>
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('settings.data.export', { format: 'CSV' })}
        </button>
      </div>
      <ImportSection />
      <div className="field field-gap">
        <label htmlFor="delete-confirm">{t('settings.data.delete')}</label>
        <p className="hint" id="delete-confirm-hint">
          <Trans i18nKey="settings.data.deleteHint" values={{ word: CONFIRM_WORD }} components={{ 1: <strong /> }} />
        </p>
        <div className="row">
          <input
            id="delete-confirm"
            type="text"
            autoComplete="off"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            aria-describedby="delete-confirm-hint"
          />
          <button type="button" className="danger" disabled={confirm !== CONFIRM_WORD} onClick={() => void deleteAll()}>
            {t('settings.data.delete')}
          </button>
        </div>
      </div>
      {message && (
        <p className={message.ok ? 'success' : 'alert'} role={message.ok ? 'status' : 'alert'} data-testid="data-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
