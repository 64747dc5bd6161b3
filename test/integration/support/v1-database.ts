import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'libsql';
import { migrate } from '../../../electron/services/storage/migrate';
import { MIGRATIONS } from '../../../electron/services/storage/migrations';

export interface V1Message {
  id: string;
  parentId: string | null;
  role: 'user' | 'assistant';
  content: string;
  status?: string;
}

export interface V1Conversation {
  id: string;
  title: string;
  messages: V1Message[];
}

/**
 * Writes a history file exactly as Ferry 0.1 (schema version 1) left it: only migration 1 ran,
 * rows inserted with that version's columns. For upgrade tests of any later migration.
 */
export function buildV1Database(file: string, conversations: readonly V1Conversation[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.prepare('PRAGMA journal_mode = WAL').get();
    migrate(db, MIGRATIONS.slice(0, 1));
    const insertConversation = db.prepare(
      `INSERT INTO conversations (id, title, title_is_auto, created_at, updated_at, connection_id, model)
       VALUES (?, ?, 1, ?, ?, 'conn-1', 'old-model')`,
    );
    const insertMessage = db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, error_json, model, created_at, updated_at, seq)
       VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)`,
    );
    let at = 1_700_000_000_000;
    for (const c of conversations) {
      insertConversation.run(c.id, c.title, at, at);
      c.messages.forEach((m, i) => {
        at += 1;
        insertMessage.run(m.id, c.id, m.parentId, m.role, m.content, m.status ?? 'done', at, at, i + 1);
      });
    }
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Two linear v1 conversations: a finished exchange and one whose answer was stopped. */
export const SAMPLE_V1: readonly V1Conversation[] = [
  {
    id: 'conv-a',
    title: 'First chat',
    messages: [
      { id: 'a-u1', parentId: null, role: 'user', content: 'Hello 你好' },
      { id: 'a-a1', parentId: 'a-u1', role: 'assistant', content: 'Hi! 你好！' },
      { id: 'a-u2', parentId: 'a-a1', role: 'user', content: 'Tell me more' },
      { id: 'a-a2', parentId: 'a-u2', role: 'assistant', content: 'Partial', status: 'stopped' },
    ],
  },
  {
    id: 'conv-b',
    title: 'Second chat',
    messages: [
      { id: 'b-u1', parentId: null, role: 'user', content: 'Question' },
      { id: 'b-a1', parentId: 'b-u1', role: 'assistant', content: 'Answer' },
    ],
  },
];
