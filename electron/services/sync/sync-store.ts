import { randomBytes } from 'node:crypto';
import { SyncStatus } from '../../../shared/schemas';
import {
  ASSISTANT_RECORD_COLUMNS,
  assistantRecord,
  CONVERSATION_RECORD_COLUMNS,
  conversationRecord,
  MESSAGE_RECORD_COLUMNS,
  messageRecord,
  PROMPT_RECORD_COLUMNS,
  promptRecord,
} from '../storage/record-rows';
import { openDatabase } from '../storage/sqlite-engine';
import { type AgreedConversation as Agreed, agreedFromRecord, mergeConversation, newer, outgoingFieldVersions, type Version } from './conversation-merge';
import { AgreedConversation, type ConversationData, type MessageData, type SyncKind, type SyncRecord } from './sync-records';

type Row = Record<string, unknown>;
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Sync's access to the history: its own connection, reading rows noted dirty by the schema's
 * triggers and applying other devices' records with the triggers muted (`applying = 1`, set and
 * cleared inside the same transaction, so no other writer ever sees it set).
 */
export function openSyncStore(dbFile: string) {
  const db = openDatabase(dbFile, { fileMustExist: true });
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec('PRAGMA foreign_keys = ON');
  const one = (sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as Row | undefined;

  const state = () => one('SELECT device_id, lamport, last_file, enabled FROM sync_state WHERE id = 1') as { device_id: string; lamport: number; last_file: number; enabled: number };

  const sql = {
    version: db.prepare('SELECT lamport, device, fields FROM sync_versions WHERE kind = ? AND entity_id = ?'),
    setVersion: db.prepare(`INSERT INTO sync_versions (kind, entity_id, lamport, device, fields) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(kind, entity_id) DO UPDATE SET lamport = excluded.lamport, device = excluded.device, fields = excluded.fields`),
    dirty: db.prepare('SELECT 1 AS x FROM sync_dirty WHERE kind = ? AND entity_id = ? LIMIT 1'),
    upsertConversation: db.prepare(`INSERT INTO conversations (id, title, title_is_auto, created_at, updated_at, connection_id, model, active_leaf_id,
        system_prompt, context_messages, temperature, top_p, max_tokens, pinned, deleted_at, assistant_id)
      VALUES (@id, @title, @titleIsAuto, @createdAt, @updatedAt, @connectionId, @model, @activeLeafId, @systemPrompt, @contextMessages,
        @temperature, @topP, @maxTokens, @pinned, @deletedAt, @assistantId)
      ON CONFLICT(id) DO UPDATE SET title = excluded.title, title_is_auto = excluded.title_is_auto, created_at = excluded.created_at,
        updated_at = excluded.updated_at, connection_id = excluded.connection_id, model = excluded.model, active_leaf_id = excluded.active_leaf_id,
        system_prompt = excluded.system_prompt, context_messages = excluded.context_messages, temperature = excluded.temperature,
        top_p = excluded.top_p, max_tokens = excluded.max_tokens, pinned = excluded.pinned, deleted_at = excluded.deleted_at,
        assistant_id = excluded.assistant_id`),
    placeholderConversation: db.prepare(`INSERT OR IGNORE INTO conversations (id, title, title_is_auto, created_at, updated_at) VALUES (?, '', 1, ?, ?)`),
    upsertMessage: db.prepare(`INSERT INTO messages (id, conversation_id, parent_id, role, content, status, error_json, model, created_at, updated_at, seq,
        reasoning, reasoning_ms, prompt_tokens, completion_tokens, usage_estimated)
      VALUES (@id, @conversationId, @parentId, @role, @content, @status, @errorJson, @model, @createdAt, @updatedAt,
        (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = @conversationId),
        @reasoning, @reasoningMs, @promptTokens, @completionTokens, @usageEstimated)
      ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, role = excluded.role, content = excluded.content, status = excluded.status,
        error_json = excluded.error_json, model = excluded.model, updated_at = excluded.updated_at, reasoning = excluded.reasoning,
        reasoning_ms = excluded.reasoning_ms, prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens,
        usage_estimated = excluded.usage_estimated`),
    upsertAssistant: db.prepare(`INSERT INTO assistants (id, ${ASSISTANT_RECORD_COLUMNS}, created_at, updated_at)
      VALUES (@id, @name, @avatar, @systemPrompt, @connectionId, @model, @temperature, @topP, @maxTokens, @reasoningEffort, @contextMessages,
        @source, @now, @now)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, avatar = excluded.avatar, system_prompt = excluded.system_prompt,
        connection_id = excluded.connection_id, model = excluded.model, temperature = excluded.temperature, top_p = excluded.top_p,
        max_tokens = excluded.max_tokens, reasoning_effort = excluded.reasoning_effort, context_messages = excluded.context_messages,
        source = excluded.source, updated_at = excluded.updated_at`),
    upsertPrompt: db.prepare(`INSERT INTO prompts (id, ${PROMPT_RECORD_COLUMNS}, created_at, updated_at) VALUES (@id, @title, @body, @now, @now)
      ON CONFLICT(id) DO UPDATE SET title = excluded.title, body = excluded.body, updated_at = excluded.updated_at`),
    deleteAssistant: db.prepare('DELETE FROM assistants WHERE id = ?'),
    deletePrompt: db.prepare('DELETE FROM prompts WHERE id = ?'),
    assistant: db.prepare(`SELECT ${ASSISTANT_RECORD_COLUMNS} FROM assistants WHERE id = ?`),
    prompt: db.prepare(`SELECT ${PROMPT_RECORD_COLUMNS} FROM prompts WHERE id = ?`),
    deleteConversation: db.prepare('DELETE FROM conversations WHERE id = ?'),
    deleteMessage: db.prepare('DELETE FROM messages WHERE id = ?'),
    conversation: db.prepare(`SELECT ${CONVERSATION_RECORD_COLUMNS} FROM conversations WHERE id = ?`),
    message: db.prepare(`SELECT ${MESSAGE_RECORD_COLUMNS} FROM messages WHERE id = ?`),
  };

  type VersionRow = { lamport: number; device: string; fields: string | null };
  const versionOf = (kind: SyncKind, id: string) => sql.version.get(kind, id) as VersionRow | undefined;
  const agreedOf = (row: VersionRow | undefined): Agreed | null => {
    if (!row?.fields) return null;
    try {
      const parsed = AgreedConversation.safeParse(JSON.parse(row.fields));
      return parsed.success ? (parsed.data as Agreed) : null;
    } catch {
      return null;
    }
  };
  const isDirty = (kind: SyncKind, id: string) => !!sql.dirty.get(kind, id);

  /** True when the record is newer than what this database holds for the row. */
  const wins = (r: SyncRecord): boolean => {
    const current = versionOf(r.k, r.id);
    if (current && !newer([r.v, r.d], [current.lamport, current.device])) return false;
    // Changed here and not uploaded yet: this device's version goes out next with a higher number.
    return !isDirty(r.k, r.id);
  };

  const writeConversation = (id: string, data: ConversationData) =>
    sql.upsertConversation.run({ id, ...data, titleIsAuto: data.titleIsAuto ? 1 : 0, pinned: data.pinned ? 1 : 0 });

  /** Another device's conversation, merged field by field into the one here (see conversation-merge.ts). */
  function applyConversation(r: Extract<SyncRecord, { k: 'c' }> & { data: ConversationData }): boolean {
    const current = versionOf('c', r.id);
    const rowVersion: Version | null = current ? [current.lamport, current.device] : null;
    const incoming: Version = [r.v, r.d];
    const top = rowVersion && !newer(incoming, rowVersion) ? rowVersion : incoming;
    const here = sql.conversation.get(r.id) as Row | undefined;
    if (!here) {
      // Deleted here: by a newer tombstone, or by this device (its tombstone goes out next).
      if ((rowVersion && !newer(incoming, rowVersion)) || isDirty('c', r.id)) return false;
      writeConversation(r.id, r.data);
      sql.setVersion.run('c', r.id, r.v, r.d, JSON.stringify(agreedFromRecord(r.data, r.fv, incoming)));
      return true;
    }
    const merged = mergeConversation({
      local: conversationRecord(here),
      agreed: agreedOf(current),
      rowVersion,
      dirty: isDirty('c', r.id),
      incoming: { data: r.data, fv: r.fv ?? {}, version: incoming },
    });
    if (merged.changed) writeConversation(r.id, merged.row);
    sql.setVersion.run('c', r.id, top[0], top[1], JSON.stringify(merged.agreed));
    return merged.changed;
  }

  function applyOne(r: SyncRecord, now: number): boolean {
    if (r.k === 'c' && r.data) return applyConversation({ ...r, data: r.data });
    if (!wins(r)) return false;
    switch (r.k) {
      case 'c':
        sql.deleteConversation.run(r.id);
        break;
      case 'm':
        if (!r.data) sql.deleteMessage.run(r.id);
        else {
          // Its conversation's record may come later (another device's log): a placeholder holds the message meanwhile.
          sql.placeholderConversation.run(r.data.conversationId, r.data.createdAt, now);
          sql.upsertMessage.run({ id: r.id, ...r.data, usageEstimated: r.data.usageEstimated === null ? null : r.data.usageEstimated ? 1 : 0 });
        }
        break;
      case 'a':
        if (!r.data) sql.deleteAssistant.run(r.id);
        else sql.upsertAssistant.run({ id: r.id, ...r.data, now });
        break;
      case 'p':
        if (!r.data) sql.deletePrompt.run(r.id);
        else sql.upsertPrompt.run({ id: r.id, ...r.data, now });
        break;
    }
    sql.setVersion.run(r.k, r.id, r.v, r.d, null);
    return true;
  }

  /** The row behind a dirty note as a record's data; undefined when it is gone (a tombstone), null when it must wait (a streaming answer). */
  function dataOf(kind: SyncKind, id: string): SyncRecord['data'] | null {
    switch (kind) {
      case 'c': {
        const c = sql.conversation.get(id) as Row | undefined;
        return c ? conversationRecord(c) : undefined;
      }
      case 'm': {
        const m = sql.message.get(id) as Row | undefined;
        if (m && m.status === 'streaming') return null;
        // Streaming rows were left out just above: what is left fits the log's statuses.
        return m ? (messageRecord(m) as MessageData) : undefined;
      }
      case 'a': {
        const a = sql.assistant.get(id) as Row | undefined;
        return a ? assistantRecord(a) : undefined;
      }
      case 'p': {
        const p = sql.prompt.get(id) as Row | undefined;
        return p ? promptRecord(p) : undefined;
      }
    }
  }

  /** Replay order inside one file: a message's conversation before it. */
  const APPLY_ORDER: Record<SyncKind, number> = { c: 0, a: 0, p: 0, m: 1 };

  return {
    state,
    setEnabled(enabled: boolean): void {
      db.transaction(() => {
        const was = state().enabled === 1;
        db.prepare('UPDATE sync_state SET enabled = ? WHERE id = 1').run(enabled ? 1 : 0);
        if (enabled && !was) {
          // Everything there is goes out on the first run.
          db.exec(`INSERT INTO sync_dirty (kind, entity_id) SELECT 'c', id FROM conversations`);
          db.exec(`INSERT INTO sync_dirty (kind, entity_id) SELECT 'm', id FROM messages WHERE status <> 'streaming'`);
          db.exec(`INSERT INTO sync_dirty (kind, entity_id) SELECT 'a', id FROM assistants`);
          db.exec(`INSERT INTO sync_dirty (kind, entity_id) SELECT 'p', id FROM prompts`);
        }
        if (!enabled) db.exec('DELETE FROM sync_dirty');
      }).immediate();
    },
    position(device: string): number {
      return Number((one('SELECT last_file FROM sync_positions WHERE device = ?', device) as { last_file?: number } | undefined)?.last_file ?? 0);
    },
    /** Applies one file of another device and moves its position, atomically. Returns how many rows changed. */
    applyFile(device: string, seq: number, records: SyncRecord[], now: number): number {
      return db
        .transaction(() => {
          db.exec('UPDATE sync_state SET applying = 1 WHERE id = 1');
          let changed = 0;
          let lamport = state().lamport;
          // Conversations first: their messages may follow in the same file.
          for (const r of [...records].sort((a, b) => APPLY_ORDER[a.k] - APPLY_ORDER[b.k])) {
            if (applyOne(r, now)) changed++;
            lamport = Math.max(lamport, r.v);
          }
          db.prepare('UPDATE sync_state SET applying = 0, lamport = ? WHERE id = 1').run(lamport);
          db.prepare('INSERT INTO sync_positions (device, last_file) VALUES (?, ?) ON CONFLICT(device) DO UPDATE SET last_file = excluded.last_file').run(device, seq);
          return changed;
        })
        .immediate();
    },
    /** Rows changed here since the last upload, as records with fresh versions (not yet stored). */
    pendingRecords(): { records: SyncRecord[]; upTo: number } {
      const { device_id: device, lamport } = state();
      const rows = db.prepare('SELECT kind, entity_id, MAX(seq) AS seq FROM sync_dirty GROUP BY kind, entity_id ORDER BY kind, MIN(seq)').all() as { kind: string; entity_id: string; seq: number }[];
      let v = lamport;
      let upTo = 0;
      const records: SyncRecord[] = [];
      for (const row of rows) {
        upTo = Math.max(upTo, row.seq);
        if (!(row.kind in APPLY_ORDER)) continue;
        const kind = row.kind as SyncKind;
        const data = dataOf(kind, row.entity_id);
        if (data === null) continue;
        v++;
        const fv = kind === 'c' && data ? { fv: outgoingFieldVersions(data as ConversationData, agreedOf(versionOf('c', row.entity_id)), [v, device]) } : {};
        records.push({ k: kind, id: row.entity_id, v, d: device, ...(data ? { data } : {}), ...fv } as SyncRecord);
      }
      return { records, upTo };
    },
    /**
     * This data folder is a copy of another device's (both wrote under one id): it takes an id of
     * its own, and the old id's files after its own last one are replayed like another device's.
     */
    rekey(): string {
      return db
        .transaction(() => {
          const { device_id: old, last_file: last } = state();
          const next = randomBytes(16).toString('hex');
          db.prepare('UPDATE sync_state SET device_id = ?, last_file = 0 WHERE id = 1').run(next);
          db.prepare('INSERT INTO sync_positions (device, last_file) VALUES (?, ?) ON CONFLICT(device) DO UPDATE SET last_file = excluded.last_file').run(old, last);
          return next;
        })
        .immediate();
    },
    /** After a file with `records` is on the server as `seq`. */
    markUploaded(seq: number, records: SyncRecord[]): void {
      db.transaction(() => {
        for (const r of records) {
          const agreed = r.k === 'c' && r.data ? JSON.stringify(agreedFromRecord(r.data, r.fv, [r.v, r.d])) : null;
          sql.setVersion.run(r.k, r.id, r.v, r.d, agreed);
        }
        const top = records.reduce((max, r) => Math.max(max, r.v), state().lamport);
        db.prepare('UPDATE sync_state SET lamport = ?, last_file = ? WHERE id = 1').run(top, seq);
      }).immediate();
    },
    clearDirty(upTo: number): void {
      db.prepare('DELETE FROM sync_dirty WHERE seq <= ?').run(upTo);
    },
    /** The last run's outcome as it was saved, so Settings → Sync shows it after a restart. */
    lastStatus(): SyncStatus | null {
      const raw = (one('SELECT last_status FROM sync_state WHERE id = 1') as { last_status?: string | null } | undefined)?.last_status;
      if (!raw) return null;
      try {
        const parsed = SyncStatus.safeParse(JSON.parse(raw));
        return parsed.success ? { ...parsed.data, running: false } : null;
      } catch {
        return null;
      }
    },
    saveStatus(status: SyncStatus): void {
      db.prepare('UPDATE sync_state SET last_status = ? WHERE id = 1').run(JSON.stringify(status));
    },
    close: () => db.close(),
  };
}

export type SyncStore = ReturnType<typeof openSyncStore>;
