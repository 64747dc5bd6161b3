import { resolveBaseUrl } from '../../../shared/base-url';
import { activePath } from '../../../shared/message-tree';
import {
  DEFAULT_CONVERSATION_SETTINGS,
  type ConnectionConfig,
  type AttachmentRef,
  type ConversationSummary,
  type Message,
  type Preferences,
} from '../../../shared/schemas';
import { FerryError } from '../../core/app-error';
import { keyForRequest } from '../connections/key-binding';
import type { EventBus } from '../../core/event-bus';
import type { Logger } from '../../core/logger';
import type { KeyVault } from '../secrets/types';
import type { PreferencesService } from '../settings/preferences-service';
import type { HistoryRepository } from '../storage/types';
import { deriveTitle } from '../storage/title';
import type { AttachmentService } from '../attachments/attachment-service';
import type { AssistantService } from '../assistants/assistant-service';
import { withImageHint } from '../attachments/image-rejection';
import type { StreamChat } from '../upstream/types';
import { streamAnswer } from './answer-stream';
import { effectiveParams } from '../models/effective-params';
import { buildTurns } from './build-turns';
import { UnsavedAnswers } from './unsaved-answers';

export interface ChatServiceDeps {
  history: HistoryRepository;
  prefs: PreferencesService;
  vault: KeyVault;
  events: EventBus;
  streamChat: StreamChat;
  logger: Logger;
  /** The fetch for one connection: its proxy, bypass and extra headers. */
  fetchFor: (connection: ConnectionConfig) => typeof fetch;
  /** How far the stored text of a streaming answer may lag behind what arrived. */
  persistIntervalMs?: number;
  /** First pause before unsaved answers are written again by themselves (default 2 s, doubling to 30 s). */
  storageRetryMs?: number;
  /** Files attached to user messages; without it, messages carry text only. */
  attachments?: Pick<AttachmentService, 'refsFor' | 'turnContents' | 'withRefs'>;
  /** Assistants a new chat may start from (prompt, model, parameters). */
  assistants?: Pick<AssistantService, 'resolve' | 'defaultId'>;
}

export interface SendInput {
  conversationId?: string;
  connectionId?: string;
  model?: string;
  assistantId?: string;
  text: string;
  attachments?: ReadonlyArray<{ id: string; name: string }>;
}

interface Target {
  connectionId: string;
  baseUrl: string;
  apiKey: string;
  model: string;
  /** The connection's own fetch: its proxy, bypass and extra headers. */
  fetch: typeof fetch;
}

/** What `shutdown()` did, for the host's log and its choice of how to exit. */
export interface ChatShutdownReport {
  /** Answers that were streaming and were ended (stored as interrupted). */
  interrupted: number;
  /** Characters on screen that could not be stored (full disk): lost with the process. */
  unsaved: number;
  /** Some answer's final write did not finish within the limit; it is marked interrupted at next start. */
  timedOut: boolean;
}

/**
 * Sends, regenerates, edits and continues answers in a conversation's message tree. Each request
 * returns as soon as its messages exist; the stream runs on, independent of which conversation the
 * UI shows, and several conversations may stream at once. The writes a request makes (conversation,
 * question, empty answer, active leaf) happen in one transaction: on a full disk the request fails
 * with what happened and nothing half-written stays behind.
 */
export class ChatService {
  private readonly active = new Map<string, { controller: AbortController; conversationId: string; done?: Promise<void> }>();
  private readonly running = new Set<Promise<void>>();
  /** Answers whose newest text the disk has not taken yet. */
  readonly unsaved: UnsavedAnswers;

  constructor(private readonly deps: ChatServiceDeps) {
    this.unsaved = new UnsavedAnswers({
      history: deps.history,
      events: deps.events,
      logger: deps.logger,
      retryMs: deps.storageRetryMs,
      maxRetryMs: deps.storageRetryMs === undefined ? undefined : Math.max(deps.storageRetryMs, 30_000),
    });
  }

  async send(input: SendInput): Promise<{ conversation: ConversationSummary; userMessage: Message; assistantMessage: Message }> {
    const { history } = this.deps;
    const existing = input.conversationId ? history.getConversation(input.conversationId) : null;
    if (input.conversationId && !existing) throw new FerryError('not_found', 'Conversation not found');
    // An existing conversation goes to its own connection and model (conversations.setTarget switches them).
    // A new chat starts from the chosen assistant, else the default one: its model unless the
    // user picked another in the header.
    const assistant = existing ? null : this.assistantFor(input.assistantId);
    const useOwn = assistant?.connectionId && !input.model;
    const target = existing
      ? await this.target(input.connectionId ?? existing.connectionId, existing.model)
      : await this.target(useOwn ? assistant.connectionId : input.connectionId, useOwn ? assistant.model : input.model);
    // Refuses before anything is stored when an attachment is gone.
    const attached = this.attachmentRefs(input.attachments ?? []);
    const title = deriveTitle(input.text) || deriveTitle(attached[0]?.name ?? '');
    const asked = history.atomically(() => {
      const conversation = existing ?? history.createConversation({ title, connectionId: target.connectionId, model: target.model });
      if (!existing && assistant) {
        history.setConversationAssistant(conversation.id, assistant.id);
        // Copied, so the conversation keeps working (and can be tuned) whatever happens to the assistant.
        history.updateSettings(conversation.id, {
          systemPrompt: assistant.systemPrompt.trim() || null,
          contextMessages: assistant.contextMessages,
          temperature: assistant.temperature,
          topP: assistant.topP,
          maxTokens: assistant.maxTokens,
        });
      }
      const path = activePath(history.listMessages(conversation.id), conversation.activeLeafId);
      return this.ask(conversation.id, target, path, input.text, attached);
    });
    return this.launch(asked, target);
  }

  /** A new answer beside `messageId` (an assistant message), or under it (a user message). */
  async regenerate(messageId: string): Promise<{ conversation: ConversationSummary; assistantMessage: Message }> {
    const { history } = this.deps;
    const message = this.message(messageId);
    const parentId = message.role === 'user' ? message.id : message.parentId;
    if (!parentId) throw new FerryError('invalid_input', 'This message has no question to answer again');
    const target = await this.targetOf(message.conversationId);
    const asked = history.atomically(() => {
      const path = activePath(history.listMessages(message.conversationId), parentId);
      const assistantMessage = this.insertAnswer(message.conversationId, parentId, target.model);
      return { conversation: this.point(assistantMessage, target), assistantMessage, path };
    });
    return this.launch(asked, target);
  }

  /** Edit-and-resend: a new user message beside `messageId`, with its own answer; the old branch stays. */
  async edit(messageId: string, text: string): Promise<{ conversation: ConversationSummary; userMessage: Message; assistantMessage: Message }> {
    const { history } = this.deps;
    const message = this.message(messageId);
    if (message.role !== 'user') throw new FerryError('invalid_input', 'Only a user message can be edited');
    const target = await this.targetOf(message.conversationId);
    // The edited question keeps the files of the original.
    const [original] = this.deps.attachments?.withRefs(message.conversationId, [message]) ?? [message];
    const asked = history.atomically(() => {
      const all = history.listMessages(message.conversationId);
      const path = message.parentId ? activePath(all, message.parentId) : [];
      return this.ask(message.conversationId, target, path, text, original?.attachments ?? []);
    });
    return this.launch(asked, target);
  }

  /**
   * Continues a stopped, interrupted or failed answer in place: the same message goes back to
   * streaming, its partial text is sent as the last assistant turn, and new text is appended.
   */
  async continue(messageId: string): Promise<{ conversation: ConversationSummary; message: Message }> {
    const { history } = this.deps;
    const message = this.message(messageId);
    if (message.role !== 'assistant') throw new FerryError('invalid_input', 'Only an answer can be continued');
    const previous = this.active.get(messageId);
    if (previous && message.status === 'streaming') throw new FerryError('busy', 'This answer is still streaming');
    // Stopped a moment ago: its final write is done, let its bookkeeping finish too.
    if (previous) await previous.done;
    const target = await this.targetOf(message.conversationId);
    const asked = history.atomically(() => {
      const path = activePath(history.listMessages(message.conversationId), message.id);
      const reopened = history.reopenMessage(message.id);
      if (!reopened) throw new FerryError('busy', 'This answer is still streaming');
      // The partial answer itself is the last turn: `buildTurns` keeps it since it is no longer streaming in `path`.
      return { conversation: this.point(reopened, target), assistantMessage: reopened, path };
    });
    this.deps.events.emit('message.updated', asked.assistantMessage);
    const { conversation, assistantMessage } = this.launch(asked, target);
    return { conversation, message: assistantMessage };
  }

  /** Switches the connection and model the conversation's next request goes to; new chats follow the choice. */
  setTarget(input: { id: string; connectionId: string; model: string }): ConversationSummary {
    const { history, prefs, events } = this.deps;
    if (!history.getConversation(input.id) || history.isConversationDeleted(input.id)) {
      throw new FerryError('not_found', 'Conversation not found');
    }
    if (!prefs.read().connections.some((c) => c.id === input.connectionId)) throw new FerryError('not_found', 'Connection not found');
    const touched = history.touchConversation(input.id, { connectionId: input.connectionId, model: input.model });
    if (!touched) throw new FerryError('not_found', 'Conversation not found');
    prefs.update({ lastConnectionId: input.connectionId });
    events.emit('conversation.updated', touched);
    return touched;
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

  /**
   * On quit: ends every stream (each answer is stored as interrupted) and waits for the final
   * writes, at most `timeoutMs`; then tries once more what the disk refused before.
   */
  async shutdown(timeoutMs = 3_000): Promise<ChatShutdownReport> {
    const interrupted = this.active.size;
    for (const { controller } of this.active.values()) controller.abort(new Error('shutdown'));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finished = await Promise.race([
      Promise.allSettled([...this.running]).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    this.unsaved.retry();
    this.unsaved.close();
    return { interrupted, unsaved: this.unsaved.unsavedCharacters(), timedOut: !finished };
  }

  /** Streams running now (for diagnostics and the soak test). */
  activeStreams(): number {
    return this.active.size;
  }

  private assistantFor(id: string | undefined) {
    const assistants = this.deps.assistants;
    if (!assistants) return null;
    const wanted = id ?? assistants.defaultId();
    if (!wanted) return null;
    const found = assistants.resolve(wanted);
    if (!found && id) throw new FerryError('not_found', 'Assistant not found');
    return found;
  }

  private attachmentRefs(items: ReadonlyArray<{ id: string; name: string }>): AttachmentRef[] {
    if (items.length === 0) return [];
    if (!this.deps.attachments) throw new FerryError('invalid_input', 'Attachments are not available');
    return this.deps.attachments.refsFor(items);
  }

  /** The messages of a new turn, written in the caller's transaction; nothing is told or started yet. */
  private ask(conversationId: string, target: Target, path: Message[], text: string, attached: readonly AttachmentRef[] = []) {
    const inserted = this.deps.history.insertMessage({
      conversationId,
      parentId: path.at(-1)?.id ?? null,
      role: 'user',
      content: text,
      status: 'done',
      model: null,
    });
    this.deps.history.linkAttachments(inserted.id, attached);
    const userMessage: Message = attached.length > 0 ? { ...inserted, attachments: [...attached] } : inserted;
    const assistantMessage = this.insertAnswer(conversationId, userMessage.id, target.model);
    const conversation = this.point(assistantMessage, target);
    return { conversation, userMessage, assistantMessage, path: [...path, userMessage] };
  }

  private insertAnswer(conversationId: string, parentId: string, model: string): Message {
    return this.deps.history.insertMessage({ conversationId, parentId, role: 'assistant', content: '', status: 'streaming', model });
  }

  /** Points the conversation at the streaming answer `message` (its new leaf): part of the request's transaction. */
  private point(message: Message, target: Target): ConversationSummary {
    const { history } = this.deps;
    history.setActiveLeaf(message.conversationId, message.id);
    const touched = history.touchConversation(message.conversationId, { connectionId: target.connectionId, model: target.model });
    if (!touched) throw new FerryError('not_found', 'Conversation not found');
    return touched;
  }

  /**
   * After the request's writes are stored: tells every window and starts the stream. Preferences
   * are read once here: each read goes to the file.
   */
  private launch<T extends { conversation: ConversationSummary; assistantMessage: Message; path: Message[] }>(
    asked: T,
    target: Target,
  ): Omit<T, 'path'> {
    const { events, prefs, logger } = this.deps;
    const { path, ...result } = asked;
    const preferences = prefs.read();
    // New chats use the connection last used; a settings file that cannot be written must not cost the answer.
    if (preferences.lastConnectionId !== target.connectionId) {
      try {
        prefs.update({ lastConnectionId: target.connectionId });
      } catch (error) {
        logger.warn(`last used connection not remembered: ${String(error)}`);
      }
    }
    events.emit('conversation.updated', asked.conversation);
    this.start(asked.assistantMessage, target, path, preferences);
    return result;
  }

  private start(message: Message, target: Target, path: Message[], preferences: Preferences): void {
    const settings = this.deps.history.getSettings(message.conversationId) ?? DEFAULT_CONVERSATION_SETTINGS;
    const profile = preferences.modelSettings.find((m) => m.model === target.model);
    const sendReasoning = profile?.sendReasoning ?? false;
    const controller = new AbortController();
    const entry: { controller: AbortController; conversationId: string; done?: Promise<void> } = {
      controller,
      conversationId: message.conversationId,
    };
    this.active.set(message.id, entry);
    const contents = this.deps.attachments?.turnContents(message.conversationId, path) ?? Promise.resolve(new Map());
    const run = contents
      .then((resolved) => {
        const messages = buildTurns(path, { settings, sendReasoning, contents: resolved });
        return streamAnswer(
          // A provider that refuses the images gets its words kept, with a hint about vision.
          {
            ...this.deps,
            streamChat: withImageHint(this.deps.streamChat, messages),
            unsaved: this.unsaved,
            persistIntervalMs: this.deps.persistIntervalMs ?? 300,
          },
          message,
          {
            baseUrl: target.baseUrl,
            // Local servers (Ollama, LM Studio) take no key: none is sent, and a 401 then reads as 'no key'.
            apiKey: target.apiKey,
            model: target.model,
            messages,
            params: effectiveParams({ ...settings, reasoningEffort: this.reasoningEffortOf(message.conversationId) }, profile),
            includeUsage: !preferences.noStreamOptions.includes(target.connectionId),
            timeouts: preferences.timeouts,
            signal: controller.signal,
            fetch: target.fetch,
          },
          // Chained on the stream itself, not after the outer step: remembered as soon as it ends.
        ).then(({ streamOptionsRejected }) => {
          if (streamOptionsRejected) this.rememberNoStreamOptions(target.connectionId);
        });
      })
      .catch((error: unknown) => this.deps.logger.error(`answer stream failed: ${String(error)}`))
      .finally(() => {
        this.unsaved.forget(message.id);
        if (this.active.get(message.id) === entry) this.active.delete(message.id);
        this.running.delete(run);
      });
    entry.done = run;
    this.running.add(run);
  }

  private reasoningEffortOf(conversationId: string) {
    const id = this.deps.history.conversationAssistant(conversationId);
    return id ? (this.deps.assistants?.resolve(id)?.reasoningEffort ?? null) : null;
  }

  private rememberNoStreamOptions(connectionId: string): void {
    const { noStreamOptions } = this.deps.prefs.read();
    if (!noStreamOptions.includes(connectionId)) this.deps.prefs.update({ noStreamOptions: [...noStreamOptions, connectionId] });
  }

  private message(id: string): Message {
    const message = this.deps.history.getMessage(id);
    if (!message) throw new FerryError('not_found', 'Message not found');
    return message;
  }

  private conversation(id: string): ConversationSummary {
    const conversation = this.deps.history.getConversation(id);
    if (!conversation) throw new FerryError('not_found', 'Conversation not found');
    return conversation;
  }

  private targetOf(conversationId: string): Promise<Target> {
    const conversation = this.conversation(conversationId);
    return this.target(conversation.connectionId, conversation.model);
  }

  /** `model`: the conversation's own choice, used when it still goes to the connection it was chosen for. */
  private async target(connectionId: string | null | undefined, model?: string | null): Promise<Target> {
    const connection = this.deps.prefs.connection(connectionId);
    if (!connection) throw new FerryError('no_connection', 'No connection is configured');
    const base = resolveBaseUrl(connection.baseUrl, { asTyped: connection.asTyped });
    if (!base.ok) throw new FerryError('no_connection', 'The connection has no valid base URL', { reason: base.reason });
    const own = connectionId && connection.id === connectionId ? model?.trim() : '';
    const chosen = own || connection.model.trim();
    if (!chosen) throw new FerryError('no_connection', 'The connection has no model');
    // Refuses (key_host_mismatch) while the key is bound to another host than the base URL's.
    const apiKey = await keyForRequest(connection, this.deps.vault);
    return { connectionId: connection.id, baseUrl: base.baseUrl, apiKey, model: chosen, fetch: this.deps.fetchFor(connection) };
  }
}
