import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import type { ConversationSummary } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { useAppStore } from '../../state/app-store';
import { useConversationsStore } from '../../state/conversations-store';
import { reloadSettings } from '../../state/settings-actions';
import { useCurrentTarget } from './current-target';
import { pickerRows, type ModelOption, type PickerRow } from './model-options';
import { useNewChatTarget } from './new-chat-target';
import './model-picker.css';

const GROUP_PX = 28;
const OPTION_PX = 34;

/**
 * The chat header's one picker for connection and model: a button showing where the next message
 * goes, opening a searchable list (fuzzy, keyboard, grouped by connection, pinned and recent first)
 * that stays fast with thousands of models because only the visible rows are in the DOM.
 */
export function ModelPicker({ conversation }: { conversation: ConversationSummary | null }) {
  const { t } = useTranslation();
  const connections = useAppStore((s) => s.connections);
  const current = useCurrentTarget();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const trigger = useRef<HTMLButtonElement>(null);
  if (connections.length === 0) return null;
  const connection = connections.find((c) => c.id === current.connectionId);

  const pick = async (o: ModelOption) => {
    setOpen(false);
    trigger.current?.focus();
    setStatus('');
    try {
      if (conversation) {
        const updated = await getApi().call('conversations.setTarget', { id: conversation.id, connectionId: o.connectionId, model: o.model });
        useConversationsStore.getState().upsert(updated);
        await reloadSettings();
      } else {
        useAppStore.getState().setPrefs(await getApi().call('connections.select', { id: o.connectionId }));
        useNewChatTarget.getState().set({ connectionId: o.connectionId, model: o.model });
      }
      setStatus(t('connections.target.switched', { connection: o.connectionName, model: o.model }));
    } catch (err) {
      setStatus(t('connections.target.failed', { message: appErrorText(t, err).title }));
    }
  };

  return (
    <div className="model-picker">
      <button
        ref={trigger}
        type="button"
        className="model-picker-trigger"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={t('rich.picker.button', { model: current.model ?? '', connection: connection?.name ?? '' })}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="model-picker-model">{current.model || t('rich.picker.none')}</span>
        {connections.length > 1 && <span className="model-picker-connection">{connection?.name}</span>}
        <span aria-hidden="true" className="model-picker-caret">
          ▾
        </span>
      </button>
      {open && <PickerPanel current={current} onPick={(o) => void pick(o)} onClose={() => { setOpen(false); trigger.current?.focus(); }} trigger={trigger} />}
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}

interface PanelProps {
  current: { connectionId: string | null; model: string | null };
  onPick(option: ModelOption): void;
  onClose(): void;
  trigger: React.RefObject<HTMLButtonElement | null>;
}

function PickerPanel({ current, onPick, onClose, trigger }: PanelProps) {
  const { t } = useTranslation();
  const listId = useId();
  const connections = useAppStore((s) => s.connections);
  const modelSettings = useAppStore((s) => s.prefs?.modelSettings ?? []);
  const recent = useConversationsStore((s) => s.list);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState('');
  const panel = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const rows = useMemo(
    () => pickerRows(connections, recent, modelSettings, query, { pinned: t('rich.picker.pinned'), recent: t('rich.picker.recent') }),
    [connections, recent, modelSettings, query, t],
  );
  const options = useMemo(() => rows.flatMap((r, i) => (r.type === 'option' ? [i] : [])), [rows]);
  const activeRow = rows[options[Math.min(active, options.length - 1)] ?? -1] as Extract<PickerRow, { type: 'option' }> | undefined;
  const pinned = !!activeRow && modelSettings.some((m) => m.model === activeRow.model && m.pinned);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; rows read the virtualizer each render.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.type === 'group' ? GROUP_PX : OPTION_PX),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 8,
  });

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const away = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !trigger.current?.contains(target)) onClose();
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [onClose, trigger]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(options.length - 1, index));
    setActive(next);
    const row = options[next];
    if (row !== undefined) virtualizer.scrollToIndex(row, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown') moveTo(active + 1);
    else if (e.key === 'ArrowUp') moveTo(active - 1);
    else if (e.key === 'PageDown') moveTo(active + 10);
    else if (e.key === 'PageUp') moveTo(active - 10);
    else if (e.key === 'Enter' && activeRow) onPick(activeRow);
    else if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else return;
    e.preventDefault();
  };

  const togglePin = async () => {
    if (!activeRow) return;
    try {
      useAppStore.getState().setPrefs(await getApi().call('models.setProfile', { model: activeRow.model, pinned: !pinned }));
    } catch (err) {
      setStatus(appErrorText(t, err).title);
    }
  };
  const refresh = async () => {
    setStatus(t('rich.picker.refreshing'));
    const results = await Promise.allSettled(connections.map((c) => getApi().call('connections.models', { id: c.id, refresh: true })));
    await reloadSettings();
    const count = results.reduce((n, r) => n + (r.status === 'fulfilled' ? r.value.ids.length : 0), 0);
    setStatus(t('rich.picker.refreshed', { count }));
  };

  const optionId = (key: string) => `${listId}-${key.replace(/[^\w-]/g, '_')}`;
  return (
    <div ref={panel} className="model-picker-panel" role="dialog" aria-label={t('rich.picker.title')}>
      <input
        ref={input}
        className="input model-picker-search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeRow ? optionId(activeRow.key) : undefined}
        aria-label={t('rich.picker.search')}
        placeholder={t('rich.picker.search')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          virtualizer.scrollToOffset(0);
        }}
        onKeyDown={onKeyDown}
      />
      {/* The listbox scrolls; focusable so the keyboard can scroll it too (the search box drives it otherwise). */}
      <div
        ref={scroller}
        id={listId}
        role="listbox"
        tabIndex={0}
        aria-label={t('rich.picker.models')}
        aria-activedescendant={activeRow ? optionId(activeRow.key) : undefined}
        className="model-picker-scroller"
        onKeyDown={onKeyDown}
      >
        <div className="model-picker-list" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const style = { transform: `translateY(${item.start}px)`, height: item.size };
            if (row.type === 'group') {
              return (
                <div key={item.key} className="model-picker-group" aria-hidden="true" style={style}>
                  {row.label}
                </div>
              );
            }
            const isActive = row === activeRow;
            const isCurrent = row.connectionId === current.connectionId && row.model === current.model;
            return (
              <div
                key={item.key}
                id={optionId(row.key)}
                role="option"
                aria-selected={isActive}
                aria-label={`${row.model} · ${row.connectionName}`}
                className={`model-picker-option${isActive ? ' is-active' : ''}${isCurrent ? ' is-current' : ''}`}
                style={style}
                onMouseMove={() => {
                  const at = options.indexOf(item.index);
                  if (at !== active) setActive(at);
                }}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onPick(row)}
              >
                <span className="model-picker-option-name">{row.model}</span>
                {modelSettings.some((m) => m.model === row.model && m.pinned) && <span aria-hidden="true">★</span>}
                {isCurrent && <span aria-hidden="true">✓</span>}
              </div>
            );
          })}
        </div>
        {options.length === 0 && <p className="model-picker-empty">{t('rich.picker.noMatch')}</p>}
      </div>
      <div className="model-picker-footer">
        <button type="button" className="button button-secondary button-small" onClick={() => void togglePin()} disabled={!activeRow}>
          {pinned ? t('rich.picker.unpin', { model: activeRow?.model ?? '' }) : t('rich.picker.pin', { model: activeRow?.model ?? '' })}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => void refresh()}>
          {t('rich.picker.refresh')}
        </button>
        <span className="model-picker-status" role="status">
          {status || t('rich.picker.count', { count: options.length })}
        </span>
      </div>
    </div>
  );
}
