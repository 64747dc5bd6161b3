/**
 * What the writes of a streaming answer cost the host's CPU: `npx tsx test/bench/probes/persist-cost.ts [history.db]`.
 * Writes an 80,000-character answer the way the chat service does while it streams (every `interval` ms
 * of a 40 s answer, the text growing 40 characters at a time as from the upstream), into a copy of a
 * generated history (20,000 messages, like the renderer bench's), and prints the CPU time (this process:
 * SQLite runs on the calling thread) per answer, for two ways of writing: `whole` (the text so far on
 * each write, so the growing string is flattened and copied into SQLite each time: what the chat service
 * did until issue 13's fourth round) and `append` (only what came since the last write, appended in SQLite).
 * Rounds alternate; the first is warm-up.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHistory } from '../../../electron/services/storage/open-history';
import { generateHistory } from '../generate';

const dir = mkdtempSync(join(tmpdir(), 'ferry-persist-'));
const file = join(dir, 'ferry.db');
if (process.argv[2]) copyFileSync(process.argv[2], file);
else generateHistory(file, { conversations: 500, messages: 20_000, longConversation: 2000, seed: 20261127 });
const history = openHistory(file);
const answer = 'The quick brown fox 跳过了懒狗. '.repeat(2700).slice(0, 80_000);
const conversation = history.createConversation({ title: 'persist probe', connectionId: null, model: 'm' });
const STREAM_MS = 40_000;
try {
  for (let round = 0; round < 4; round++) {
    for (const interval of [300, 1000]) {
      for (const way of ['whole', 'append'] as const) {
        const message = history.insertMessage({ conversationId: conversation.id, parentId: null, role: 'assistant', content: '', status: 'streaming', model: 'm' });
        const writes = Math.floor(STREAM_MS / interval);
        const before = process.cpuUsage();
        let content = '';
        let added = '';
        let written = 0;
        for (let i = 1; i <= writes; i++) {
          const upTo = Math.round((answer.length * i) / writes);
          for (; written < upTo; written += 40) {
            const piece = answer.slice(written, Math.min(written + 40, upTo));
            content += piece;
            added += piece;
          }
          written = upTo;
          if (way === 'whole') history.updateMessageContent(message.id, content, '');
          else history.appendMessageContent(message.id, added, '');
          added = '';
        }
        if (history.getMessage(message.id)!.content !== content) throw new Error('the streamed text stored differs');
        history.finishMessage(message.id, { content, status: 'done', error: null, reasoning: '' });
        const used = process.cpuUsage(before);
        if (history.getMessage(message.id)!.content !== answer) throw new Error('the stored answer differs');
        console.log(`round ${round}${round === 0 ? ' (warm-up)' : ''} every ${interval} ms, ${way}: ${writes} writes + the final one, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU (user ${(used.user / 1000).toFixed(0)}, system ${(used.system / 1000).toFixed(0)})`);
      }
    }
  }
} finally {
  history.close();
  rmSync(dir, { recursive: true, force: true });
}
