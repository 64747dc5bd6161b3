import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from './import-file';
import type { TestCore } from './test-core';

/** Every conversation and message a user could see, comparable across devices. */
export async function visibleHistory(t: TestCore): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const c of await t.call('conversations.list', {})) {
    const detail = await t.call('conversations.get', { id: c.id });
    out[`${c.id} ${c.title}`] = detail.messages.map((m) => `${m.id}|${m.parentId}|${m.content}`).sort();
  }
  return out;
}

/** Imports these ChatGPT conversations into `t` as a conversations.json would. */
export async function importChatGpt(t: TestCore, name: string, conversations: unknown[]): Promise<void> {
  const file = join(t.dataDir, name);
  writeFileSync(file, JSON.stringify(conversations));
  await importFile(t, file);
}
