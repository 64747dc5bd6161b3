import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import {
  bindingOf,
  checkBinding,
  DEFAULT_SHORTCUTS,
  effectiveShortcuts,
  formatBinding,
  ShortcutAction,
  type ShortcutOverrides,
} from '../../../../shared/shortcuts';
import { appErrorText } from '../../i18n/error-text';
import { useAppStore } from '../../state/app-store';
import { setPreference } from '../../state/settings-actions';
import { SaveBar, type SaveState } from '../settings/SaveBar';
import { useReportUnsaved } from '../settings/unsaved';
import { isMacPlatform } from './use-shortcuts';

const NO_OVERRIDES: ShortcutOverrides = {};

/** Only what differs from the defaults is stored. */
function overridesOf(bindings: Record<ShortcutAction, string>): ShortcutOverrides {
  const out: ShortcutOverrides = {};
  for (const action of ShortcutAction.options) if (bindings[action] !== DEFAULT_SHORTCUTS[action]) out[action] = bindings[action];
  return out;
}

/** Settings › Shortcuts: press "Change", then the new keys; clashes and reserved keys are refused with a reason. */
export function ShortcutsSection() {
  const { t } = useTranslation();
  const saved = useAppStore((s) => s.prefs?.shortcuts ?? NO_OVERRIDES);
  const mac = isMacPlatform(useAppStore((s) => s.info?.platform));
  const [bindings, setBindings] = useState(() => effectiveShortcuts(saved));
  const [recording, setRecording] = useState<ShortcutAction | null>(null);
  const [problem, setProblem] = useState<{ action: ShortcutAction; text: string } | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const dirty = JSON.stringify(overridesOf(bindings)) !== JSON.stringify(overridesOf(effectiveShortcuts(saved)));
  useReportUnsaved('shortcuts', dirty);

  const assign = (action: ShortcutAction, binding: string) => {
    const checked = checkBinding(action, binding, bindings);
    if (!checked.ok) {
      const other = checked.other ? t(`shortcuts.actions.${checked.other}`) : '';
      setProblem({ action, text: t(`shortcuts.problems.${checked.problem}`, { keys: formatBinding(binding, mac), other }) });
      return;
    }
    setProblem(null);
    setBindings((b) => ({ ...b, [action]: checked.binding }));
    setState({ kind: 'idle' });
  };

  const onRecordKey = (action: ShortcutAction) => (e: KeyboardEvent<HTMLButtonElement>) => {
    // An IME candidate being chosen is not a shortcut.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'Tab') return setRecording(null);
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Escape' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey && action !== 'stop') return setRecording(null);
    const binding = bindingOf(e, mac);
    if (!binding) return;
    setRecording(null);
    assign(action, binding);
  };

  const save = async () => {
    setState({ kind: 'busy' });
    try {
      await setPreference({ shortcuts: overridesOf(bindings) });
      setState({ kind: 'saved' });
    } catch (err) {
      const text = appErrorText(t, err);
      setState({ kind: 'error', title: text.title, message: text.hint });
    }
  };

  return (
    <div className="settings-form">
      <p className="field-help">{t('shortcuts.settingsHint')}</p>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.action')}</th>
            <th scope="col">{t('shortcuts.keys')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('shortcuts.change')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ShortcutAction.options.map((action) => {
            const name = t(`shortcuts.actions.${action}`);
            const isRecording = recording === action;
            return (
              <tr key={action}>
                <th scope="row" className="shortcut-name">
                  {name}
                  {problem?.action === action && (
                    <span className="shortcut-problem" role="alert">
                      {problem.text}
                    </span>
                  )}
                </th>
                <td>
                  <kbd className="kbd">{formatBinding(bindings[action], mac)}</kbd>
                </td>
                <td className="shortcut-buttons">
                  <button
                    type="button"
                    className={`button button-secondary button-small${isRecording ? ' is-recording' : ''}`}
                    aria-label={isRecording ? t('shortcuts.pressKeys', { action: name }) : t('shortcuts.changeAction', { action: name })}
                    aria-pressed={isRecording}
                    onClick={() => setRecording(isRecording ? null : action)}
                    onKeyDown={isRecording ? onRecordKey(action) : undefined}
                    onBlur={() => isRecording && setRecording(null)}
                  >
                    {isRecording ? t('shortcuts.pressKeysShort') : t('shortcuts.change')}
                  </button>
                  {bindings[action] !== DEFAULT_SHORTCUTS[action] && (
                    <button type="button" className="button button-ghost button-small" aria-label={t('shortcuts.resetAction', { action: name })} onClick={() => assign(action, DEFAULT_SHORTCUTS[action])}>
                      {t('shortcuts.reset')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <SaveBar dirty={dirty} state={state} onSave={() => void save()} />
    </div>
  );
}
