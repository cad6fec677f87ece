import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError, type MethodOutput } from '../../shared/bridge.js';
import { MAX_IMPORT_BYTES, READS_EXPORT_VERSIONS, type ImportProblem } from '../../shared/importFile.js';
import { getBridge } from '../bridge/index.js';
import { i18n } from '../i18n.js';
import { dateFormat, formatDate } from '../lib/dates.js';
import { errorText } from '../lib/errors.js';

type Preview = MethodOutput<'previewImport'>;
type Counts = Preview['inFile'];

/** The kinds of record in the order the preview lists them, sitting first. */
const KINDS = ['bouts', 'standing', 'prompts', 'stretches', 'checkIns'] as const satisfies readonly (keyof Counts)[];

const total = (c: Counts): number => KINDS.reduce((n, k) => n + c[k], 0);

type State =
  | { step: 'idle' }
  | { step: 'reading'; file: string }
  | { step: 'preview'; file: string; text: string; preview: Preview }
  | { step: 'importing'; file: string; preview: Preview }
  | { step: 'done'; file: string; result: MethodOutput<'importData'> }
  | { step: 'refused'; file: string; reason: ImportProblem | 'other'; detail: string };

/** A refused file's kind and detail, from the bridge's answer (or anything else that went wrong). */
function refusal(e: unknown): { reason: ImportProblem | 'other'; detail: string } {
  if (e instanceof BridgeError && e.body.reason) return { reason: e.body.reason, detail: e.body.problem ?? e.body.message };
  return { reason: 'other', detail: errorText(e) };
}

/**
 * Import in the window (issue 17): pick a Sitwell export, see what it holds and what is already in
 * the history, then Import or Cancel. Nothing is written before Import; a bad file is refused with
 * what is wrong, and the history stays as it was.
 */
export function ImportSection() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ step: 'idle' });

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be picked again after Cancel
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setState({ step: 'refused', file: file.name, reason: 'too-large', detail: '' });
      return;
    }
    setState({ step: 'reading', file: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      setState({ step: 'refused', file: file.name, reason: 'other', detail: t('import.unreadable', { detail: (err as Error).message }) });
      return;
    }
    try {
      setState({ step: 'preview', file: file.name, text, preview: await getBridge().previewImport({ fileText: text }) });
    } catch (err) {
      setState({ step: 'refused', file: file.name, ...refusal(err) });
    }
  };

  const apply = async (s: Extract<State, { step: 'preview' }>) => {
    setState({ step: 'importing', file: s.file, preview: s.preview });
    try {
      setState({ step: 'done', file: s.file, result: await getBridge().importData({ fileText: s.text }) });
    } catch (err) {
      setState({ step: 'refused', file: s.file, ...refusal(err) });
    }
  };

  const busy = state.step === 'reading' || state.step === 'importing';
  return (
    <div className="field field-gap">
      <h3 id="import-h">{t('import.heading')}</h3>
      <p className="hint" id="import-hint">
        {t('import.hint')}
      </p>
      <div className="row">
        <button type="button" onClick={() => input.current?.click()} disabled={busy} aria-describedby="import-hint">
          {t('import.choose')}
        </button>
        <input ref={input} type="file" accept=".json,application/json" hidden aria-label={t('import.fileLabel')} data-testid="import-file" onChange={(e) => void pick(e)} />
      </div>
      {state.step === 'reading' && (
        <p className="muted" role="status">
          {t('import.reading', { file: state.file })}
        </p>
      )}
      {(state.step === 'preview' || state.step === 'importing') && (
        <PreviewPanel
          file={state.file}
          preview={state.preview}
          importing={state.step === 'importing'}
          onImport={() => state.step === 'preview' && void apply(state)}
          onCancel={() => setState({ step: 'idle' })}
        />
      )}
      {state.step === 'done' && (
        <p className="success" role="status" data-testid="import-done">
          {t('import.done', { added: total(state.result.added), file: state.file })}{' '}
          {total(state.result.skipped) > 0 && t('import.doneSkipped', { skipped: total(state.result.skipped) })}{' '}
          {state.result.settingsApplied && t('import.doneSettings')}
        </p>
      )}
      {state.step === 'refused' && (
        <div className="alert" role="alert" data-testid="import-error">
          <p>
            <strong>{t('import.refused', { file: state.file })}</strong>
          </p>
          <p>{problemText(t, state.reason, state.detail)}</p>
          <p>{t('import.unchanged')}</p>
        </div>
      )}
    </div>
  );
}

function problemText(t: ReturnType<typeof useTranslation>['t'], reason: ImportProblem | 'other', detail: string): string {
  switch (reason) {
    case 'too-large':
      return t('import.problem.tooLarge', { mb: MAX_IMPORT_BYTES / 1024 / 1024 });
    case 'not-json':
      return t('import.problem.notJson');
    case 'not-sitwell':
      return t('import.problem.notSitwell');
    case 'version':
      return t('import.problem.version', { versions: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(READS_EXPORT_VERSIONS.map(String)) });
    case 'record':
      return t('import.problem.record', { detail });
    case 'clash':
      return t('import.problem.clash', { detail });
    default:
      return detail;
  }
}

function PreviewPanel(props: { file: string; preview: Preview; importing: boolean; onImport: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { preview: p } = props;
  const toAdd = total(p.inFile) - total(p.present);
  const changesNothing = toAdd === 0 && !p.settingsApplied;
  return (
    <section className="card import-preview" aria-labelledby="import-preview-h" data-testid="import-preview">
      <h4 id="import-preview-h">{t('import.previewHeading', { file: props.file })}</h4>
      <p data-testid="import-summary">
        {p.bouts
          ? t('import.summary', { count: p.inFile.bouts, from: formatDate(p.bouts.from), to: formatDate(p.bouts.to), days: t('import.days', { count: p.bouts.days }) })
          : t('import.noBouts')}{' '}
        {p.inFile.bouts > 0 &&
          (p.present.bouts === 0
            ? t('import.presentNone')
            : p.present.bouts === p.inFile.bouts
              ? t('import.presentAll')
              : t('import.present', { count: p.present.bouts }))}
      </p>
      <div className="table-scroll" tabIndex={0} aria-labelledby="import-preview-h">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('import.col.kind')}</th>
              <th scope="col" className="num">
                {t('import.col.inFile')}
              </th>
              <th scope="col" className="num">
                {t('import.col.present')}
              </th>
              <th scope="col" className="num">
                {t('import.col.toAdd')}
              </th>
            </tr>
          </thead>
          <tbody>
            {KINDS.map((k) => (
              <tr key={k}>
                <th scope="row">{t(`import.kind.${k}`)}</th>
                <td className="num">{p.inFile[k]}</td>
                <td className="num">{p.present[k]}</td>
                <td className="num">{p.inFile[k] - p.present[k]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        {t('import.made', { date: dateFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(p.exportedAt), version: p.version })} {p.settingsApplied ? t('import.settingsTaken') : t('import.settingsKept')}
      </p>
      <p>
        <strong>{changesNothing ? t('import.nothingNew') : t('import.nothingYet')}</strong>
      </p>
      <div className="row">
        <button type="button" className="primary" onClick={props.onImport} disabled={props.importing || changesNothing}>
          {props.importing ? t('import.importing') : t('import.import')}
        </button>
        <button type="button" onClick={props.onCancel} disabled={props.importing}>
          {t('import.cancel')}
        </button>
      </div>
    </section>
  );
}
