import { FerryError } from '../app-error';
import type { EventBus } from '../event-bus';
import type { Handlers } from '../router';
import { newestLeafUnder } from '../../../shared/message-tree';
import type { ChatService } from '../../services/chat/chat-service';
import type { PreferencesService } from '../../services/settings/preferences-service';
import type { HistoryRepository } from '../../services/storage/types';

type BranchingHandlers = Pick<
  Handlers,
  | 'chat.regenerate'
  | 'chat.edit'
  | 'chat.continue'
  | 'conversations.switchBranch'
  | 'conversations.updateSettings'
  | 'prefs.setModelSettings'
>;

/** The message tree (regenerate, edit, continue, switch), conversation settings and the per-model table. */
export function branchingHandlers(
  history: HistoryRepository,
  chat: ChatService,
  prefs: PreferencesService,
  events: EventBus,
): BranchingHandlers {
  return {
    'chat.regenerate': ({ messageId }) => chat.regenerate(messageId),
    'chat.edit': ({ messageId, text }) => chat.edit(messageId, text),
    'chat.continue': ({ messageId }) => chat.continue(messageId),

    'conversations.switchBranch': ({ messageId }) => {
      const message = history.getMessage(messageId);
      if (!message) throw new FerryError('not_found', 'Message not found');
      const leaf = newestLeafUnder(history.listMessages(message.conversationId), messageId) ?? message;
      const conversation = history.setActiveLeaf(message.conversationId, leaf.id);
      if (!conversation) throw new FerryError('not_found', 'Conversation not found');
      events.emit('conversation.updated', conversation);
      return conversation;
    },

    'conversations.updateSettings': ({ id, settings }) => {
      const updated = history.updateSettings(id, settings);
      if (!updated) throw new FerryError('not_found', 'Conversation not found');
      return updated;
    },

    'prefs.setModelSettings': ({ modelSettings }) => {
      // One row per model: the last entry for a name wins. Capabilities, pins and defaults (set
      // through models.setProfile) survive a save of the price table that does not carry them.
      const before = new Map(prefs.read().modelSettings.map((m) => [m.model, m]));
      const keep = (m: (typeof modelSettings)[number]) => {
        const { vision, reasoning, pinned, defaults } = before.get(m.model) ?? {};
        const kept = Object.fromEntries(Object.entries({ vision, reasoning, pinned, defaults }).filter(([, v]) => v !== undefined));
        return { ...kept, ...m };
      };
      const byModel = new Map(modelSettings.map((m) => [m.model, keep(m)]));
      const next = prefs.update({ modelSettings: [...byModel.values()] });
      events.emit('connections.changed', {});
      return next;
    },
  };
}
