import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHistory } from '../../electron/services/storage/open-history';
import { pageCursor } from '../../shared/paging';
import { join } from 'node:path';
import { startTestCore, type TestCore } from './support/test-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** The sidebar and search routes through the real router, over a history written beforehand. */
describe('conversations and search routes', () => {
  let t: TestCore;
  let ids: string[];
  beforeEach(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ferry-library-'));
    const history = openHistory(join(dataDir, 'ferry.db'));
    ids = Array.from({ length: 7 }, (_, i) => {
      const c = history.createConversation({ title: `chat ${i}`, connectionId: null, model: null });
      history.insertMessage({ conversationId: c.id, parentId: null, role: 'user', content: `问题 ${i}：如何部署 nginx？`, status: 'done', model: null });
      return c.id;
    });
    history.close();
    t = await startTestCore(dataDir);
  });
  afterEach(() => t.dispose());

  it('pages, pins first, and keeps the original call {} returning everything', async () => {
    const all = await t.call('conversations.list', {});
    expect(all.map((c) => c.id)).toEqual([...ids].reverse());

    const pinned = await t.call('conversations.pin', { id: ids[1]!, pinned: true });
    expect(pinned.pinned).toBe(true);
    expect(t.events.some((e) => e.name === 'conversation.updated' && e.payload.id === ids[1])).toBe(true);

    const first = await t.call('conversations.list', { limit: 3 });
    expect(first.map((c) => c.id)).toEqual([ids[1], ids[6], ids[5]]);
    const second = await t.call('conversations.list', { limit: 3, cursor: pageCursor(first.at(-1)!) });
    expect(second.map((c) => c.id)).toEqual([ids[4], ids[3], ids[2]]);
    const third = await t.call('conversations.list', { limit: 3, cursor: pageCursor(second.at(-1)!) });
    expect(third.map((c) => c.id)).toEqual([ids[0]]);

    const bad = await t.core.router.dispatch('conversations.list', { limit: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('deletes with undo: hidden from list, get and search until restored', async () => {
    const id = ids[2]!;
    await t.call('conversations.delete', { id });
    expect((await t.call('conversations.list', {})).map((c) => c.id)).not.toContain(id);
    expect(await t.core.router.dispatch('conversations.get', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const hidden = await t.call('search.query', { text: '问题 2' });
    expect(hidden.groups.map((g) => g.conversationId)).not.toContain(id);

    const restored = await t.call('conversations.restore', { id });
    expect(restored.id).toBe(id);
    expect((await t.call('conversations.get', { id })).messages).toHaveLength(1);
    const found = await t.call('search.query', { text: '部署 nginx' });
    expect(found.groups.map((g) => g.conversationId)).toContain(id);
    expect(await t.core.router.dispatch('conversations.restore', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('answers search with grouped, marked snippets and validates input', async () => {
    const r = await t.call('search.query', { text: 'nginx', limit: 2 });
    expect(r.groups).toHaveLength(2);
    expect(r.groups[0]!.hits[0]!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['nginx']);
    expect(await t.core.router.dispatch('search.query', { text: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
