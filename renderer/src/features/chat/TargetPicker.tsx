import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionView, ConversationSummary } from '../../../../shared/schemas';
import { getApi } from '../../api';
import { appErrorText } from '../../i18n/error-text';
import { selectActiveConnection, useAppStore } from '../../state/app-store';
import { useConversationsStore } from '../../state/conversations-store';
import { reloadSettings } from '../../state/settings-actions';

/** Models offered for a connection: its default, the names the user added, the fetched list (and the current choice). */
export function modelsOf(connection: ConnectionView | undefined, current?: string | null): string[] {
  if (!connection) return current ? [current] : [];
  const all = [connection.model, current ?? '', ...connection.customModels, ...(connection.modelCache?.ids ?? [])];
  return [...new Set(all.map((m) => m.trim()).filter(Boolean))];
}

/**
 * The compact connection / model switch in the chat header. In a conversation it changes where its
 * next message goes (`conversations.setTarget`); on the new-chat screen it chooses the connection
 * new chats use.
 */
export function TargetPicker({ conversation }: { conversation: ConversationSummary | null }) {
  const { t } = useTranslation();
  const connections = useAppStore((s) => s.connections);
  const fallback = useAppStore(selectActiveConnection);
  const [status, setStatus] = useState('');
  if (connections.length === 0) return null;

  const connectionId = conversation ? (conversation.connectionId ?? fallback?.id ?? '') : (fallback?.id ?? '');
  const connection = connections.find((c) => c.id === connectionId);
  const model = conversation ? (conversation.connectionId === connection?.id && conversation.model) || connection?.model || '' : '';

  const switchTo = async (nextConnection: string, nextModel: string) => {
    setStatus('');
    try {
      if (!conversation) {
        // The picker shows the new choice once main has stored it: what it shows is what a send uses.
        useAppStore.getState().setPrefs(await getApi().call('connections.select', { id: nextConnection }));
        return;
      }
      if (!nextModel.trim()) return;
      const updated = await getApi().call('conversations.setTarget', { id: conversation.id, connectionId: nextConnection, model: nextModel });
      useConversationsStore.getState().upsert(updated);
      await reloadSettings();
      const name = connections.find((c) => c.id === nextConnection)?.name ?? '';
      setStatus(t('connections.target.switched', { connection: name, model: nextModel }));
    } catch (err) {
      setStatus(t('connections.target.failed', { message: appErrorText(t, err).title }));
    }
  };

  return (
    <div className="target-picker">
      <select
        className="input target-picker-connection"
        aria-label={conversation ? t('connections.target.connection') : t('connections.target.newChat')}
        title={conversation ? t('connections.target.connection') : t('connections.target.newChat')}
        value={connectionId}
        onChange={(e) => {
          const next = connections.find((c) => c.id === e.target.value);
          if (next) void switchTo(next.id, next.model);
        }}
      >
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {conversation && (
        <select
          className="input input-mono target-picker-model"
          aria-label={t('connections.target.model')}
          title={t('connections.target.model')}
          value={model}
          onChange={(e) => void switchTo(connectionId, e.target.value)}
        >
          {modelsOf(connection, model).map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      )}
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}
