import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { appErrorText } from '../../i18n/error-text';

export type SaveState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; message?: string } | { kind: 'error'; title?: string; message: string };

/** Runs a Save: busy while it goes, then Saved or what failed (main's error, localized). */
export async function runSave(setState: (state: SaveState) => void, t: TFunction, action: () => Promise<void>): Promise<void> {
  setState({ kind: 'busy' });
  try {
    await action();
    setState({ kind: 'saved' });
  } catch (err) {
    const text = appErrorText(t, err);
    setState({ kind: 'error', title: text.title, message: text.hint });
  }
}

interface SaveBarProps {
  /** The form differs from what is saved. */
  dirty: boolean;
  state: SaveState;
  /** The Save button's label; "Save" unless a section has two forms. */
  label?: string;
  /** A submit button (inside a <form>) or a plain one calling onSave. */
  onSave?: () => void;
  /** Buttons shown before Save (e.g. Test connection). */
  children?: ReactNode;
}

/**
 * The one way Settings saves: a status on the left ("Unsaved changes", "Saved", or what went
 * wrong) and an explicit Save on the right. Used by every section.
 */
export function SaveBar({ dirty, state, label, onSave, children }: SaveBarProps) {
  const { t } = useTranslation();
  const busy = state.kind === 'busy';
  const text =
    state.kind === 'busy'
      ? t('settings.saving')
      : state.kind === 'error'
        ? state.message
        : dirty
          ? t('settings.unsaved')
          : state.kind === 'saved'
            ? (state.message ?? t('settings.saved'))
            : '';
  const tone = state.kind === 'error' ? ' form-error' : !dirty && state.kind === 'saved' ? ' form-success' : dirty ? ' form-dirty' : '';
  return (
    <div className="form-actions save-bar">
      <p className={`form-status${tone}`} role={state.kind === 'error' ? 'alert' : 'status'}>
        {state.kind === 'error' && state.title && <strong>{state.title} </strong>}
        {text}
      </p>
      {children}
      {/* aria-disabled, not disabled: disabling the focused button would drop focus to <body>. */}
      <button type={onSave ? 'button' : 'submit'} className="button button-primary" aria-disabled={busy} onClick={onSave && (() => !busy && onSave())}>
        {label ?? t('settings.save')}
      </button>
    </div>
  );
}
