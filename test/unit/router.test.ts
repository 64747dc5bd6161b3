import { describe, expect, it } from 'vitest';
import { FerryError } from '../../electron/core/app-error';
import { createRouter, type Handlers } from '../../electron/core/router';
import { createLogger } from '../../electron/core/logger';

const logged: string[] = [];
const logger = createLogger((line) => logged.push(line));

function routerWith(partial: Partial<Handlers>) {
  return createRouter(partial as Handlers, logger);
}

describe('router', () => {
  it('refuses an unknown route with a structured error', async () => {
    const result = await routerWith({}).dispatch('fs.readFile', { path: '/etc/passwd' });
    expect(result).toEqual({ ok: false, error: { code: 'unknown_route', message: expect.stringContaining('fs.readFile') } });
  });

  it('does not treat Object.prototype names as routes', async () => {
    const result = await routerWith({}).dispatch('constructor', {});
    expect(result.ok).toBe(false);
  });

  it('validates input before the handler runs', async () => {
    let called = false;
    const router = routerWith({ 'conversations.rename': () => ((called = true), {} as never) });
    const result = await router.dispatch('conversations.rename', { id: 'x', title: '   ' });
    expect(called).toBe(false);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.details?.issues).toEqual([expect.objectContaining({ path: 'title' })]);
    }
  });

  it('refuses unexpected fields (strict input)', async () => {
    const router = routerWith({ 'chat.stop': () => ({ stopped: true }) });
    const result = await router.dispatch('chat.stop', { messageId: 'm', extra: 1 });
    expect(result.ok).toBe(false);
  });

  it('returns handler data on success', async () => {
    const router = routerWith({ 'chat.stop': ({ messageId }) => ({ stopped: messageId === 'm1' }) });
    expect(await router.dispatch('chat.stop', { messageId: 'm1' })).toEqual({ ok: true, data: { stopped: true } });
  });

  it('passes FerryError through with its code', async () => {
    const router = routerWith({
      'conversations.get': () => {
        throw new FerryError('not_found', 'Conversation not found');
      },
    });
    expect(await router.dispatch('conversations.get', { id: 'nope' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Conversation not found' },
    });
  });

  it('hides unexpected errors: no stack, no message, no secret reaches the caller', async () => {
    const router = routerWith({
      'conversations.list': () => {
        throw new Error('boom at /home/user/secret with sk-abcdefghijklmnop');
      },
    });
    const result = await router.dispatch('conversations.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    expect(JSON.stringify(result)).not.toContain('sk-');
    // The cause is logged for developers, with the key masked.
    expect(logged.join('\n')).toContain('boom at');
    expect(logged.join('\n')).not.toContain('abcdefghijklmnop');
  });
});
