import fuzzysort from 'fuzzysort';
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { Prompt } from '../../../../shared/schemas';
import { useAssistantsStore } from './assistants-store';
import { fillTemplate, slashQuery, templateVariables } from './prompt-template';
import { PromptVariablesDialog } from './PromptVariablesDialog';
import { useAssistantsLoaded } from './use-assistants';
import './assistants.css';

interface Palette {
  /** True when the key was the palette's (the composer must not act on it). */
  onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): boolean;
  /** For the textarea while the list is open. */
  inputProps: { 'aria-controls'?: string; 'aria-activedescendant'?: string };
  element: ReactNode;
}

/**
 * `/` at the start of the composer opens the prompt library: type to filter (fuzzy), arrows move,
 * Enter or Tab inserts, Esc closes. A prompt with `{{variables}}` asks for them in a small form first.
 */
export function usePromptPalette(text: string, setText: (text: string) => void, focusBox: () => void): Palette {
  const { t } = useTranslation();
  useAssistantsLoaded();
  const listId = useId();
  const prompts = useAssistantsStore((s) => s.prompts);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [filling, setFilling] = useState<Prompt | null>(null);
  const query = slashQuery(text);
  const open = query !== null && dismissed !== text && !filling;
  const results = useMemo(() => {
    if (query === null) return [];
    if (!query) return prompts;
    return fuzzysort.go(query, prompts, { keys: ['title', 'body'], limit: 50 }).map((r) => r.obj);
  }, [prompts, query]);
  const current = Math.min(active, results.length - 1);

  const insert = (prompt: Prompt) => {
    if (templateVariables(prompt.body).length > 0) setFilling(prompt);
    else {
      setText(prompt.body);
      focusBox();
    }
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || e.nativeEvent.isComposing) return false;
    if (e.key === 'ArrowDown') setActive((current + 1) % Math.max(1, results.length));
    else if (e.key === 'ArrowUp') setActive((current - 1 + results.length) % Math.max(1, results.length));
    else if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && results[current]) insert(results[current]);
    else if (e.key === 'Escape') setDismissed(text);
    else return false;
    e.preventDefault();
    e.stopPropagation();
    return true;
  };

  const optionId = (i: number) => `${listId}-${i}`;
  const element = (
    <>
      {open && (
        <div className="prompt-palette">
          <div id={listId} role="listbox" aria-label={t('rich.prompts.palette')} className="prompt-palette-list">
            {results.map((p, i) => (
              <div
                key={p.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === current}
                className={`prompt-palette-option${i === current ? ' is-active' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => i !== current && setActive(i)}
                onClick={() => insert(p)}
              >
                <span className="prompt-palette-title">{p.title}</span>
                <span className="prompt-palette-body">{p.body}</span>
              </div>
            ))}
          </div>
          {results.length === 0 && <p className="prompt-palette-empty">{t('rich.prompts.noMatch')}</p>}
          <p className="prompt-palette-hint" aria-hidden="true">
            {t('rich.prompts.paletteHint')}
          </p>
        </div>
      )}
      {filling && (
        <PromptVariablesDialog
          prompt={filling}
          onCancel={() => {
            setFilling(null);
            focusBox();
          }}
          onSubmit={(values) => {
            setText(fillTemplate(filling.body, values));
            setFilling(null);
            focusBox();
          }}
        />
      )}
    </>
  );
  return {
    onKeyDown,
    inputProps: open && results.length > 0 ? { 'aria-controls': listId, 'aria-activedescendant': optionId(current) } : {},
    element,
  };
}
