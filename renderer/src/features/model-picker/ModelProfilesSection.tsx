import { useId, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { ModelSetting } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { useAppStore } from '../../state/app-store';
import { Field } from '../../ui/Field';
import { useCurrentTarget } from './current-target';
import { connectionModels } from './model-options';
import { EffortField, type Effort } from './EffortField';

type Tri = 'unknown' | 'yes' | 'no';
const toTri = (v: boolean | null | undefined): Tri => (v === true ? 'yes' : v === false ? 'no' : 'unknown');
const fromTri = (v: Tri): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

interface Form {
  vision: Tri;
  reasoning: Tri;
  temperature: string;
  topP: string;
  maxTokens: string;
  effort: Effort | '';
}

const toForm = (m: ModelSetting | undefined): Form => ({
  vision: toTri(m?.vision),
  reasoning: toTri(m?.reasoning),
  temperature: m?.defaults?.temperature?.toString() ?? '',
  topP: m?.defaults?.topP?.toString() ?? '',
  maxTokens: m?.defaults?.maxTokens?.toString() ?? '',
  effort: m?.defaults?.reasoningEffort ?? '',
});
const num = (text: string): number | null => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text));

/**
 * Settings → Models: what one model can do (takes images, thinks) and the parameters a
 * conversation with it uses when it sets none of its own.
 */
export function ModelProfilesSection() {
  const { t } = useTranslation();
  const connections = useAppStore((s) => s.connections);
  const profiles = useAppStore((s) => s.prefs?.modelSettings ?? []);
  const current = useCurrentTarget();
  const known = useMemo(() => [...new Set(connections.flatMap(connectionModels))], [connections]);
  const listId = useId();
  const [model, setModel] = useState(current.model ?? '');
  const [form, setForm] = useState<Form>(() => toForm(profiles.find((p) => p.model === current.model)));
  const [status, setStatus] = useState('');
  const choose = (name: string) => {
    setModel(name);
    setForm(toForm(profiles.find((p) => p.model === name.trim())));
    setStatus('');
  };
  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setStatus('');
  };
  const save = async () => {
    const name = model.trim();
    if (!name) return;
    try {
      const prefs = await getApi().call('models.setProfile', {
        model: name,
        vision: fromTri(form.vision),
        reasoning: fromTri(form.reasoning),
        defaults: { temperature: num(form.temperature), topP: num(form.topP), maxTokens: num(form.maxTokens), reasoningEffort: form.effort || null },
      });
      useAppStore.getState().setPrefs(prefs);
      setStatus(t('rich.profiles.saved', { model: name }));
    } catch (err) {
      setStatus(appErrorText(t, err).title);
    }
  };
  const tri = (key: 'vision' | 'reasoning', label: string, help: string) => (
    <Field label={label} help={help}>
      {({ id, helpId }) => (
        <select id={id} className="input" value={form[key]} aria-describedby={helpId} onChange={(e) => set(key)(e.target.value as Tri)}>
          <option value="unknown">{t('rich.profiles.unknown')}</option>
          <option value="yes">{t('rich.profiles.yes')}</option>
          <option value="no">{t('rich.profiles.no')}</option>
        </select>
      )}
    </Field>
  );
  const configured = profiles.filter((p) => p.vision != null || p.reasoning != null || p.defaults);

  return (
    <form
      className="model-profiles settings-form"
      aria-label={t('rich.profiles.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="field-help">{t('rich.profiles.hint')}</p>
      <Field label={t('rich.profiles.model')}>
        {({ id }) => (
          <>
            <input id={id} className="input input-mono" list={listId} value={model} onChange={(e) => choose(e.target.value)} autoComplete="off" />
            <datalist id={listId}>
              {known.slice(0, 2000).map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <div className="settings-grid">
        {tri('vision', t('rich.profiles.vision'), t('rich.profiles.visionHint'))}
        {tri('reasoning', t('rich.profiles.reasoning'), t('rich.profiles.reasoningHint'))}
      </div>
      <div className="settings-grid">
        <Field label={t('branch.temperature')}>
          {({ id }) => <input id={id} className="input" type="number" min={0} max={2} step={0.1} value={form.temperature} onChange={(e) => set('temperature')(e.target.value)} />}
        </Field>
        <Field label={t('branch.topP')}>
          {({ id }) => <input id={id} className="input" type="number" min={0} max={1} step={0.05} value={form.topP} onChange={(e) => set('topP')(e.target.value)} />}
        </Field>
        <Field label={t('branch.maxTokens')}>
          {({ id }) => <input id={id} className="input" type="number" min={1} step={1} value={form.maxTokens} onChange={(e) => set('maxTokens')(e.target.value)} />}
        </Field>
        <EffortField value={form.effort} onChange={set('effort')} />
      </div>
      <div className="form-actions">
        <span className="field-help" role="status">
          {status}
        </span>
        <button type="submit" className="button button-primary" disabled={!model.trim()}>
          {t('rich.profiles.save')}
        </button>
      </div>
      {configured.length > 0 && (
        <ul className="model-profiles-list" aria-label={t('rich.profiles.configured')}>
          {configured.map((p) => (
            <li key={p.model}>
              <button type="button" className="model-profiles-link" onClick={() => choose(p.model)}>
                {p.model}
              </button>
              <span className="field-help">
                {[p.vision === true && t('rich.profiles.tagVision'), p.vision === false && t('rich.profiles.tagTextOnly'), p.reasoning && t('rich.profiles.tagReasoning')].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
