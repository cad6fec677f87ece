import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../shared/bridge.js';
import { DEVICE_NAME_MAX, SYNC_PROBLEM_REASONS } from '../../shared/sync.js';
import { getBridge } from '../bridge/index.js';
import { dateFormat } from '../lib/dates.js';
import { errorText } from '../lib/errors.js';
import { useLoad, useSettings } from '../lib/hooks.js';
import { typedFolderProblem } from './syncFolder.js';

type Message = { ok: boolean; text: string } | null;

/**
 * Settings' sync section (issue 15): the folder (typed, or the system's picker in the desktop app),
 * this computer's name, whether settings travel, the computers seen and what the folder gave that
 * was skipped. Each part applies at once, like the language; the running tracker follows the folder.
 */
export function SyncSection() {
  const { t } = useTranslation();
  const loaded = useLoad(() => getBridge().getSync({}));
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const sync = status ?? loaded.data;
  if (!sync) {
    return (
      <section className="card" aria-labelledby="sync-h">
        <h2 id="sync-h">{t('sync.heading')}</h2>
        {loaded.error && <p className="alert">{loaded.error}</p>}
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="sync-h" data-testid="sync-section">
      <h2 id="sync-h">{t('sync.heading')}</h2>
      <p className="muted small">{t('sync.help')}</p>
      <FolderField sync={sync} onChange={setStatus} />
      <NameField sync={sync} onChange={setStatus} />
      {sync.folder !== null && <ShareSettings />}
      <Devices sync={sync} />
      <Skipped sync={sync} />
    </section>
  );
}

function FolderField({ sync, onChange }: { sync: SyncStatusView; onChange: (s: SyncStatusView) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(sync.folder ?? '');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);

  async function applyFolder(folder: string | null) {
    setError(null);
    setMessage(null);
    try {
      const r = await getBridge().setSyncFolder({ folder });
      onChange(r.status);
      if (r.problem) setError(t(`sync.folderProblem.${r.problem}`));
      else setMessage({ ok: true, text: t(folder === null ? 'sync.stopped' : 'sync.saved') });
      if (folder === null && !r.problem) setText('');
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    const problem = typedFolderProblem(text);
    if (problem) setError(t(`sync.folderProblem.${problem}`));
    else void applyFolder(text.trim());
  }
  async function pick() {
    try {
      const { folder } = await getBridge().pickSyncFolder({});
      if (folder === null) return;
      setText(folder);
      await applyFolder(folder);
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }

  return (
    <form onSubmit={submit} noValidate className="field">
      <label htmlFor="sync-folder">{t('sync.folderLabel')}</label>
      <div className="row">
        <input
          id="sync-folder"
          className="path"
          dir="ltr" // a path reads left to right in every language
          type="text"
          value={text}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('sync.folderPlaceholder')}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={`sync-folder-hint${error ? ' sync-folder-error' : ''}`}
        />
        {sync.canPickFolder && (
          <button type="button" onClick={() => void pick()}>
            {t('sync.choose')}
          </button>
        )}
      </div>
      <p className="hint" id="sync-folder-hint">
        {sync.folder === null ? t('sync.off') : t(sync.running ? 'sync.on' : 'sync.onLater', { folder: sync.folder })} {t('sync.folderHint')}
      </p>
      {error && (
        <p className="field-error" id="sync-folder-error" data-testid="field-error-syncFolder">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          {t('sync.use')}
        </button>
        {sync.folder !== null && (
          <button type="button" onClick={() => void applyFolder(null)}>
            {t('sync.stop')}
          </button>
        )}
      </div>
      <p role="status" data-testid="sync-folder-status" className={message ? (message.ok ? 'success' : 'alert') : ''}>
        {message?.text}
      </p>
    </form>
  );
}

function NameField({ sync, onChange }: { sync: SyncStatusView; onChange: (s: SyncStatusView) => void }) {
  const { t } = useTranslation();
  const me = sync.devices.find((d) => d.thisDevice);
  const [name, setName] = useState(me?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (name.trim() === '') {
      setError(t('sync.nameEmpty'));
      return;
    }
    try {
      onChange(await getBridge().setDeviceName({ name }));
      setError(null);
      setSaved(true);
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="field">
      <label htmlFor="sync-name">{t('sync.nameLabel')}</label>
      <div className="row">
        <input
          id="sync-name"
          type="text"
          value={name}
          maxLength={DEVICE_NAME_MAX}
          placeholder={t('sync.namePlaceholder')}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
            setSaved(false);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={`sync-name-hint${error ? ' sync-name-error' : ''}`}
        />
        <button type="submit">{t('sync.saveName')}</button>
      </div>
      <p className="hint" id="sync-name-hint">
        {t('sync.nameHint')}
      </p>
      {error && (
        <p className="field-error" id="sync-name-error">
          {error}
        </p>
      )}
      <p role="status" className={saved ? 'success' : ''}>
        {saved ? t('sync.nameSaved') : ''}
      </p>
    </form>
  );
}

/** Whether settings travel: saved at once, like the movement mode. */
function ShareSettings() {
  const { t } = useTranslation();
  const settings = useSettings();
  const [error, setError] = useState<string | null>(null);
  if (!settings.data) return null;
  const on = settings.data.syncSettings;
  return (
    <div className="field">
      <div className="check">
        <input
          id="syncSettings"
          type="checkbox"
          checked={on}
          aria-describedby="syncSettings-hint"
          onChange={(e) => {
            setError(null);
            getBridge()
              .updateSettings({ syncSettings: e.target.checked })
              .then(settings.set, (err: unknown) => setError(errorText(err)));
          }}
        />
        <label htmlFor="syncSettings">{t('sync.shareSettings')}</label>
      </div>
      <p className="hint" id="syncSettings-hint">
        {t('sync.shareHint')}
      </p>
      {error && <p className="alert">{error}</p>}
    </div>
  );
}

function Devices({ sync }: { sync: SyncStatusView }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const info = useLoad(() => getBridge().getInfo({}));
  // In the zone the statistics use: the settings' zone, else the tracker's.
  const when = dateFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: settings.data?.timeZone ?? info.data?.zone });
  return (
    <div className="field-gap">
      <h3 id="sync-devices-h">{t('sync.devicesHeading')}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="sync-devices-h">
        <table className="data" data-testid="sync-devices">
          <thead>
            <tr>
              <th scope="col">{t('sync.device')}</th>
              <th scope="col">{t('sync.lastImport')}</th>
            </tr>
          </thead>
          <tbody>
            {sync.devices.map((d) => (
              <tr key={d.id} data-device={d.id}>
                <th scope="row">
                  {d.name || d.id.slice(0, 8)}
                  {d.thisDevice && <span className="muted"> ({t('sync.thisDevice')})</span>}
                </th>
                <td>{d.thisDevice ? '—' : d.lastImportAt === null ? t('sync.never') : when.format(d.lastImportAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A sentence with `a command` in it: the command as code. */
const withCode = (text: string) => text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));

function Skipped({ sync }: { sync: SyncStatusView }) {
  const { t } = useTranslation();
  if (sync.problems.length === 0) return null;
  const reason = (r: string) => t(`sync.reason.${(SYNC_PROBLEM_REASONS as readonly string[]).includes(r) ? r : 'other'}`);
  return (
    <div className="field-gap">
      <h3>{t('sync.skippedHeading')}</h3>
      <p className="muted small">{withCode(t('sync.skippedHelp'))}</p>
      <ul data-testid="sync-skipped">
        {sync.problems.map((p) => (
          <li key={`${p.path}:${p.line}`}>
            <code>{p.path}</code>
            {p.line > 0 && p.line < Number.MAX_SAFE_INTEGER ? ` ${t('sync.line', { line: p.line })}` : ''}: {reason(p.reason)}
            {/* The app's own words on it, as the log and `sitwell doctor` give them: in English, marked so. */}
            {p.message && p.reason !== 'more' && (
              <>
                {' '}
                <span className="muted small" lang="en">
                  ({p.message})
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
