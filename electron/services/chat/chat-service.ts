import { resolveBaseUrl } from '../../../shared/base-url';
import type { ConversationSummary, Message, UpstreamError } from '../../../shared/schemas';
import { FerryError } from '../../core/app-error';
import type { EventBus } from '../../core/event-bus';
import type { Logger } from '../../core/logger';
import type { KeyVault } from '../secrets/types';
import type { PreferencesService } from '../settings/preferences-service';
import type { HistoryRepository } from '../storage/types';
import { deriveTitle } from '../storage/title';
import type { StreamChat } from '../upstream/types';
import { historyToTurns } from './history-to-turns';
import { createPersistThrottle } from './persist-throttle';

export interface ChatServiceDeps {
  history: HistoryRepository;
  prefs: PreferencesService;
  vault: KeyVault;
  events: EventBus;
  streamChat: StreamChat;
  logger: Logger;
  fetch?: typeof fetch;
  /** How far the stored text of a streaming answer may lag behind what arrived. */
  persistIntervalMs?: number;
}

export interface SendInput {
  conversationId?: string;
  connectionId?: string;
  text: string;
}

/**
 * Sends a user message and streams the answer into history. The request returns as soon as both
 * messages exist; the stream runs on, independent of which conversation the UI shows.
 */
export class ChatService {
  private readonly active = new Map<string, { controller: AbortController; conversationId: string }>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: ChatServiceDeps) {}

  async send(input: SendInput): Promise<{ conversation: ConversationSummary; userMessage: Message; assistantMessage: Message }> {
    const { history, prefs, vault } = this.deps;
    const existing = input.conversationId ? history.getConversation(input.conversationId) : null;
    if (input.conversationId && !existing) throw new FerryError('not_found', 'Conversation not found');

    const connection = prefs.connection(input.connectionId ?? existing?.connectionId);
    if (!connection) throw new FerryError('no_connection', 'No connection is configured');
    const base = resolveBaseUrl(connection.baseUrl);
    if (!base.ok) throw new FerryError('no_connection', 'The connection has no valid base URL', { reason: base.reason });
    const model = connection.model.trim();
    if (!model) throw new FerryError('no_connection', 'The connection has no model');
    const stored = await vault.getKey(connection.id);

    const conversation =
      existing ?? history.createConversation({ title: deriveTitle(input.text), connectionId: connection.id, model });
    const previous = history.listMessages(conversation.id);
    const userMessage = history.insertMessage({
      conversationId: conversation.id,
      parentId: previous.at(-1)?.id ?? null,
      role: 'user',
      content: input.text,
      status: 'done',
      model: null,
    });
    const assistantMessage = history.insertMessage({
      conversationId: conversation.id,
      parentId: userMessage.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
      model,
    });
    const touched = history.touchConversation(conversation.id, { connectionId: connection.id, model }) ?? conversation;
    this.deps.events.emit('conversation.updated', touched);

    const controller = new AbortController();
    this.active.set(assistantMessage.id, { controller, conversationId: conversation.id });
    const run = this.stream(assistantMessage, {
      baseUrl: base.baseUrl,
      // Local servers (Ollama, LM Studio) take no key: none is sent, and a 401 then reads as 'no key'.
      apiKey: stored?.key ?? '',
      model,
      turns: historyToTurns([...previous, userMessage]),
      signal: controller.signal,
    }).finally(() => {
      this.active.delete(assistantMessage.id);
      this.running.delete(run);
    });
    this.running.add(run);

    return { conversation: touched, userMessage, assistantMessage };
  }

  stop(messageId: string): boolean {
    const entry = this.active.get(messageId);
    if (!entry) return false;
    entry.controller.abort();
    return true;
  }

  /** A deleted conversation must not keep a paid request running. */
  stopConversation(conversationId: string): void {
    for (const entry of this.active.values()) if (entry.conversationId === conversationId) entry.controller.abort();
  }

  /** On quit: end every stream and wait until each answer is written. */
  async shutdown(): Promise<void> {
    for (const { controller } of this.active.values()) controller.abort(new Error('shutdown'));
    await Promise.allSettled([...this.running]);
  }

  private async stream(
    message: Message,
    req: { baseUrl: string; apiKey: string; model: string; turns: ReturnType<typeof historyToTurns>; signal: AbortSignal },
  ): Promise<void> {
    const { history, events, streamChat, logger } = this.deps;
    let content = '';
    const throttle = createPersistThrottle(() => history.updateMessageContent(message.id, content), this.deps.persistIntervalMs ?? 300);

    const outcome = await streamChat({
      baseUrl: req.baseUrl,
      apiKey: req.apiKey,
      model: req.model,
      messages: req.turns,
      signal: req.signal,
      fetch: this.deps.fetch,
      onDelta: ({ content: text }) => {
        if (!text) return;
        const offset = content.length;
        content += text;
        events.emit('chat.delta', { conversationId: message.conversationId, messageId: message.id, offset, text });
        throttle.touch();
      },
    });
    throttle.cancel();

    let status: Message['status'] = 'done';
    let error: UpstreamError | null = null;
    if (outcome.kind === 'aborted') {
      status = req.signal.reason instanceof Error && req.signal.reason.message === 'shutdown' ? 'interrupted' : 'stopped';
    } else if (outcome.kind === 'error') {
      status = 'error';
      error = outcome.error;
      logger.warn(`upstream ${error.code} ${error.status ?? ''} ${error.host ?? ''}${error.path ?? ''}`);
    }
    const finished = history.finishMessage(message.id, { content, status, error });
    if (finished) events.emit('message.updated', finished);
    const conversation = history.touchConversation(message.conversationId);
    if (conversation) events.emit('conversation.updated', conversation);
  }
}
