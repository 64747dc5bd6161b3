import { selectActiveConnection, useAppStore } from '../../state/app-store';
import { useChatStore } from '../../state/chat-store';
import { useConversationsStore } from '../../state/conversations-store';
import { useNewChatTarget } from './new-chat-target';

/** Where the next message goes: the open conversation's connection and model, or the new chat's. */
export function useCurrentTarget(): { connectionId: string | null; model: string | null } {
  const openId = useChatStore((s) => s.openId);
  const conversation = useConversationsStore((s) => (openId ? s.list.find((c) => c.id === openId) : undefined));
  const fallback = useAppStore(selectActiveConnection);
  const connections = useAppStore((s) => s.connections);
  const picked = useNewChatTarget((s) => s.target);
  if (!openId && picked && connections.some((c) => c.id === picked.connectionId)) return picked;
  const connection = connections.find((c) => c.id === conversation?.connectionId) ?? fallback;
  if (!connection) return { connectionId: null, model: null };
  const own = conversation && conversation.connectionId === connection.id ? conversation.model : null;
  return { connectionId: connection.id, model: own || connection.model || null };
}
