import { useState } from 'react';
import { getBridge } from '../bridge/index.js';
import { errorText } from '../lib/errors.js';
import { useLoad } from '../lib/hooks.js';
import { ImportSection } from './ImportSection.js';

/** Where the history lives, export as a download, and delete-all behind a typed confirmation. */
export function DataSection() {
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
      setMessage({ ok: true, text: `Exported ${file.filename}.` });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  };

  const deleteAll = async () => {
    try {
      await getBridge().deleteAllData({ confirm: 'DELETE' });
      setConfirm('');
      setMessage({ ok: true, text: 'All history was deleted. Your settings were kept.' });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  };

  return (
    <section className="card" aria-labelledby="data-h">
      <h2 id="data-h">Your data</h2>
      {info.data && (
        <dl className="stats">
          <div className="stat">
            <dt>History file</dt>
            <dd className="small">
              <code data-testid="data-path">{info.data.dataPath}</code>
            </dd>
          </div>
          <div className="stat">
            <dt>Version</dt>
            <dd className="small">
              {info.data.version} ({info.data.mode === 'web' ? 'browser' : 'desktop app'})
            </dd>
          </div>
          <div className="stat">
            <dt>Time zone</dt>
            <dd className="small">{info.data.zone}</dd>
          </div>
        </dl>
      )}
      {info.error && <p className="error">{info.error}</p>}
      <p className="hint muted small">Everything stays on this computer. Nothing is sent anywhere.</p>
      <div className="row field-gap">
        <button type="button" onClick={() => void exportAs('json')}>
          Export as JSON
        </button>
        <button type="button" onClick={() => void exportAs('csv')}>
          Export as CSV
        </button>
      </div>
      <ImportSection />
      <div className="field field-gap">
        <label htmlFor="delete-confirm">Delete all history</label>
        <p className="hint" id="delete-confirm-hint">
          Removes every bout, prompt, stretch and check-in. This cannot be undone. Type <strong>DELETE</strong> to
          confirm.
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
          <button type="button" className="danger" disabled={confirm !== 'DELETE'} onClick={() => void deleteAll()}>
            Delete all history
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
