import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { href, type View } from '../lib/route.js';
import { useUnsavedSettings } from './keptDraft.js';

/**
 * While Settings has unsaved edits: the Settings view shows a bar with Save and Discard; every
 * other view says so with a way back; and closing or reloading the page asks first (beforeunload;
 * the desktop app turns that into its own dialog). Going to another view keeps the edits (keptDraft.ts).
 */

/** The bar at the bottom of the Settings view; Save submits the settings form. */
export function UnsavedBar({ formId, onDiscard }: { formId: string; onDiscard: () => void }) {
  const { t } = useTranslation();
  if (!useUnsavedSettings()) return null;
  return (
    <div className="unsaved-bar" role="region" aria-label={t('unsaved.label')} data-testid="unsaved-bar">
      <span>{t('unsaved.text')}</span>
      <span className="row">
        <button type="submit" form={formId} className="primary">
          {t('unsaved.save')}
        </button>
        <button type="button" onClick={onDiscard}>
          {t('unsaved.discard')}
        </button>
      </span>
    </div>
  );
}

/** Mounted once for the whole window: the notice on other views, and the question before the page goes. */
export function UnsavedSettingsGuard({ view }: { view: View }) {
  const { t } = useTranslation();
  const unsaved = useUnsavedSettings();
  useEffect(() => {
    if (!unsaved) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers ask only when returnValue is set; they all show their own words.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);
  if (!unsaved || view === 'settings') return null;
  return (
    <div className="banner" role="status" data-testid="unsaved-elsewhere">
      <span>{t('unsaved.elsewhere')}</span>
      <a className="button" href={href('settings')}>
        {t('unsaved.back')}
      </a>
    </div>
  );
}
