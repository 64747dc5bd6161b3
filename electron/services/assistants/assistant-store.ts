import { randomUUID } from 'node:crypto';
import type Database from 'libsql';
import type { Assistant, AssistantFields, Prompt, PromptFields } from '../../../shared/schemas';

interface AssistantRow {
  id: string;
  name: string;
  avatar: string;
  system_prompt: string;
  connection_id: string | null;
  model: string | null;
  temperature: number | null;
  top_p: number | null;
  max_tokens: number | null;
  reasoning_effort: Assistant['reasoningEffort'];
  context_messages: number | null;
}

const COLUMNS = 'id, name, avatar, system_prompt, connection_id, model, temperature, top_p, max_tokens, reasoning_effort, context_messages';

const toAssistant = (r: AssistantRow): Assistant => ({
  id: r.id,
  name: r.name,
  avatar: r.avatar,
  systemPrompt: r.system_prompt,
  connectionId: r.connection_id,
  model: r.model,
  temperature: r.temperature,
  topP: r.top_p,
  maxTokens: r.max_tokens,
  reasoningEffort: r.reasoning_effort,
  contextMessages: r.context_messages,
  builtin: false,
});

const toParams = (id: string, f: AssistantFields, source: string | null, now: number) => ({
  id,
  name: f.name,
  avatar: f.avatar,
  systemPrompt: f.systemPrompt,
  connectionId: f.connectionId,
  model: f.model,
  temperature: f.temperature,
  topP: f.topP,
  maxTokens: f.maxTokens,
  reasoningEffort: f.reasoningEffort,
  contextMessages: f.contextMessages,
  source,
  now,
});

/**
 * The user's assistants and prompts (schema version 5). `createAssistant` takes a `source` and, for
 * an importer, a stable id (NextChat masks, Chatbox copilots, Cherry assistants, a Ferry backup), so
 * imports write through the same door as the editor and a second import of the same file adds
 * nothing. Prompts likewise.
 */
export function createAssistantStore(db: Database.Database, now: () => number, live: () => void) {
  const sql = {
    list: db.prepare(`SELECT ${COLUMNS} FROM assistants ORDER BY created_at, id`),
    get: db.prepare(`SELECT ${COLUMNS} FROM assistants WHERE id = ?`),
    insert: db.prepare(
      `INSERT INTO assistants (${COLUMNS}, source, created_at, updated_at)
       VALUES (@id, @name, @avatar, @systemPrompt, @connectionId, @model, @temperature, @topP, @maxTokens, @reasoningEffort, @contextMessages, @source, @now, @now)
       ON CONFLICT(id) DO NOTHING`,
    ),
    update: db.prepare(
      `UPDATE assistants SET name = @name, avatar = @avatar, system_prompt = @systemPrompt, connection_id = @connectionId, model = @model,
         temperature = @temperature, top_p = @topP, max_tokens = @maxTokens, reasoning_effort = @reasoningEffort,
         context_messages = @contextMessages, updated_at = @now
       WHERE id = @id`,
    ),
    remove: db.prepare('DELETE FROM assistants WHERE id = ?'),
    listPrompts: db.prepare('SELECT id, title, body FROM prompts ORDER BY created_at, id'),
    getPrompt: db.prepare('SELECT id, title, body FROM prompts WHERE id = ?'),
    insertPrompt: db.prepare(
      'INSERT INTO prompts (id, title, body, created_at, updated_at) VALUES (@id, @title, @body, @now, @now) ON CONFLICT(id) DO NOTHING',
    ),
    updatePrompt: db.prepare('UPDATE prompts SET title = @title, body = @body, updated_at = @now WHERE id = @id'),
    removePrompt: db.prepare('DELETE FROM prompts WHERE id = ?'),
    getState: db.prepare('SELECT value FROM app_state WHERE key = ?'),
    setState: db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    clearState: db.prepare('DELETE FROM app_state WHERE key = ?'),
    setConversationAssistant: db.prepare('UPDATE conversations SET assistant_id = ? WHERE id = ?'),
    conversationAssistant: db.prepare('SELECT assistant_id FROM conversations WHERE id = ?'),
  };
  const promptOf = (r: { id: string; title: string; body: string }): Prompt => ({ ...r, builtin: false });

  return {
    listAssistants(): Assistant[] {
      live();
      return (sql.list.all() as AssistantRow[]).map(toAssistant);
    },
    getAssistant(id: string): Assistant | null {
      live();
      const row = sql.get.get(id) as AssistantRow | undefined;
      return row ? toAssistant(row) : null;
    },
    /** With an `id` that exists already, nothing changes and that assistant is returned. */
    createAssistant(fields: AssistantFields, source: string | null = null, id: string = randomUUID()): Assistant {
      live();
      sql.insert.run(toParams(id, fields, source, now()));
      return this.getAssistant(id)!;
    },
    updateAssistant(id: string, fields: AssistantFields): Assistant | null {
      live();
      if (sql.update.run(toParams(id, fields, null, now())).changes === 0) return null;
      return this.getAssistant(id);
    },
    deleteAssistant(id: string): boolean {
      live();
      return sql.remove.run(id).changes > 0;
    },
    listPrompts(): Prompt[] {
      live();
      return (sql.listPrompts.all() as Array<{ id: string; title: string; body: string }>).map(promptOf);
    },
    savePrompt(id: string | undefined, fields: PromptFields): Prompt | null {
      live();
      if (!id) return this.createPrompt(fields);
      if (sql.updatePrompt.run({ id, title: fields.title, body: fields.body, now: now() }).changes === 0) return null;
      return promptOf(sql.getPrompt.get(id) as { id: string; title: string; body: string });
    },
    /** Like createAssistant: an `id` that exists already changes nothing. */
    createPrompt(fields: PromptFields, id: string = randomUUID()): Prompt {
      live();
      sql.insertPrompt.run({ id, title: fields.title, body: fields.body, now: now() });
      return promptOf(sql.getPrompt.get(id) as { id: string; title: string; body: string });
    },
    deletePrompt(id: string): boolean {
      live();
      return sql.removePrompt.run(id).changes > 0;
    },
    readState(key: string): string | null {
      live();
      return (sql.getState.get(key) as { value: string } | undefined)?.value ?? null;
    },
    writeState(key: string, value: string | null): void {
      live();
      if (value === null) sql.clearState.run(key);
      else sql.setState.run(key, value);
    },
    setConversationAssistant(conversationId: string, assistantId: string | null): void {
      live();
      sql.setConversationAssistant.run(assistantId, conversationId);
    },
    conversationAssistant(conversationId: string): string | null {
      live();
      return (sql.conversationAssistant.get(conversationId) as { assistant_id: string | null } | undefined)?.assistant_id ?? null;
    },
  };
}

export type AssistantStore = ReturnType<typeof createAssistantStore>;
