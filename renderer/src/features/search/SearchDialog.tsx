import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { SearchGroup, SearchHit, SnippetSegment } from '../../../../shared/schemas';
import { openConversation } from '../../state/conversation-actions';
import { Modal } from '../../ui/Modal';
import { openSearchHit } from './jump-to-message';
import { useSearch } from './use-search';
import './search.css';

const NO_GROUPS: SearchGroup[] = [];

/** One choosable result: a message hit, or (hit null) the conversation whose title matched. */
interface FlatHit {
  group: SearchGroup;
  hit: SearchHit | null;
  index: number;
}

const Snippet = ({ segments }: { segments: SnippetSegment[] }) => (
  <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>
);

/** Ctrl/Cmd+K: search every conversation, titles and messages; Enter opens the conversation at the chosen message. */
export function SearchDialog({ onClose, initialText = '' }: { onClose(): void; initialText?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialText);
  const [selected, setSelected] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const state = useSearch(text);
  const groups = (state.status === 'done' ? state.result.groups : null) ?? NO_GROUPS;

  const flat = useMemo(() => {
    const out: FlatHit[] = [];
    for (const group of groups) {
      if (group.titleSnippet) out.push({ group, hit: null, index: out.length });
      for (const hit of group.hits) out.push({ group, hit, index: out.length });
    }
    return out;
  }, [groups]);
  const active = Math.min(selected, Math.max(0, flat.length - 1));

  const choose = (item: FlatHit | undefined) => {
    if (!item) return;
    onClose();
    if (item.hit) void openSearchHit(item.group.conversationId, item.hit.messageId);
    else void openConversation(item.group.conversationId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // Enter that commits an IME candidate must not open anything
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (flat.length === 0) return;
      const next = (active + (e.key === 'ArrowDown' ? 1 : -1) + flat.length) % flat.length;
      setSelected(next);
      document.getElementById(`search-hit-${next}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(flat[active]);
    }
  };

  return (
    <Modal title={t('search.title')} onClose={onClose} className="search-dialog" initialFocus={input}>
      <div className="modal-body search-body">
        <input
          ref={input}
          className="input search-input"
          type="search"
          role="combobox"
          aria-label={t('search.label')}
          aria-expanded={flat.length > 0}
          aria-controls="search-results"
          aria-activedescendant={flat.length > 0 ? `search-hit-${active}` : undefined}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSelected(0);
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          spellCheck={false}
        />
        {state.status === 'idle' && <p className="search-hint">{t('search.hint')}</p>}
        {state.status === 'error' && <p className="search-hint" role="alert">{t('search.failed')}</p>}
        {state.status === 'done' && flat.length === 0 && <p className="search-hint">{t('search.none')}</p>}
        {state.status === 'done' && state.result.partial && <p className="search-hint">{t('search.partial')}</p>}
        <ul id="search-results" className="search-results" role="listbox" aria-label={t('search.results')}>
          {groups.map((group) => {
            const titleItem = flat.find((f) => f.group === group && f.hit === null);
            return (
              <li key={group.conversationId} className="search-group" role="presentation">
                {titleItem ? (
                  <div
                    id={`search-hit-${titleItem.index}`}
                    role="option"
                    aria-selected={titleItem.index === active}
                    className="search-hit search-title-hit"
                    onMouseMove={() => setSelected(titleItem.index)}
                    onClick={() => choose(titleItem)}
                  >
                    <span className="search-hit-role">{t('search.inTitle')}</span>
                    <span className="search-group-title">
                      <Snippet segments={group.titleSnippet ?? []} />
                    </span>
                  </div>
                ) : (
                  <div className="search-group-title" role="presentation">
                    {group.title || t('sidebar.untitled')}
                  </div>
                )}
                <ul role="presentation">
                  {group.hits.map((hit) => {
                    const item = flat.find((f) => f.hit === hit);
                    if (!item) return null;
                    return (
                      <li
                        key={hit.messageId}
                        id={`search-hit-${item.index}`}
                        role="option"
                        aria-selected={item.index === active}
                        className="search-hit"
                        data-message-id-hit={hit.messageId}
                        onMouseMove={() => setSelected(item.index)}
                        onClick={() => choose(item)}
                      >
                        <span className="search-hit-role">
                          {t(`search.role.${hit.role}`)}
                          {hit.field === 'reasoning' ? ` · ${t('search.inReasoning')}` : ''}
                        </span>
                        <span className="search-snippet">
                          <Snippet segments={hit.snippet} />
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
      </div>
    </Modal>
  );
}
