import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../fixture';
import type { TestCore } from './support/test-core';
import { withFixtureAndCore } from './support/with-fixture-and-core';

let fixture: FixtureServer;
let t: TestCore;
withFixtureAndCore((f) => (fixture = f), (c) => (t = c));

const KEY = 'sk-right-key-7777';
const draft = (model = 'fixture-model') => ({ name: 'Draft', baseUrl: fixture.baseUrl, model });

describe('Test connection on what the form holds', () => {
  it('saves nothing: no connection, no key in the keychain, whatever the result', async () => {
    const report = await t.call('connections.testDraft', { draft: draft(), key: KEY });
    expect(report.ok).toBe(true);
    expect(await t.call('connections.list', {})).toEqual([]);
    const dead = await t.call('connections.testDraft', { draft: { ...draft(), baseUrl: 'http://127.0.0.1:1/v1' }, key: KEY });
    expect(dead.failure?.code).toBe('refused');
    expect(await t.call('connections.list', {})).toEqual([]);
  });

  it('a wrong key fails the key step even where /models needs no key', async () => {
    fixture.configure({ requireKey: KEY, keyFreeModels: true });
    const report = await t.call('connections.testDraft', { draft: draft(), key: 'sk-wrong-0000' });
    expect(report.ok).toBe(false);
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
      ['url', true], ['dns', true], ['connect', true], ['models', true], ['model', true], ['key', false],
    ]);
    expect(report.failure).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(report.failedUrl).toBe(`${fixture.baseUrl}/chat/completions`);
    expect(JSON.stringify(report)).not.toContain('sk-wrong-0000');
    // The completion that proved it was one token long.
    const sent = fixture.requests.find((r) => r.path === '/v1/chat/completions');
    expect(sent?.body).toMatchObject({ max_tokens: 1, stream: false });
  });

  it('the right key passes the key step only after the completion that needed it', async () => {
    fixture.configure({ requireKey: KEY, keyFreeModels: true });
    const report = await t.call('connections.testDraft', { draft: draft(), key: KEY });
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => s.step)).toEqual(['url', 'dns', 'connect', 'models', 'model', 'completion', 'key']);
  });

  it('a /models that needs the key proves it without a completion', async () => {
    fixture.configure({ requireKey: KEY });
    const report = await t.call('connections.testDraft', { draft: draft(), key: KEY });
    expect(report.ok).toBe(true);
    expect(report.steps.at(-1)).toMatchObject({ step: 'key', ok: true });
    expect(fixture.requests.some((r) => r.path === '/v1/chat/completions')).toBe(false);
  });

  it('a model the server does not list fails, with the close matches', async () => {
    const report = await t.call('connections.testDraft', { draft: draft('fixture-modle'), key: KEY });
    expect(report.failure).toMatchObject({ code: 'model_not_listed', detail: 'fixture-modle' });
    expect(report.steps.at(-1)).toMatchObject({ step: 'model', ok: false });
    expect(report.modelSuggestions[0]).toBe('fixture-model');
  });

  it('no model set is a failure of its own', async () => {
    const report = await t.call('connections.testDraft', { draft: draft(''), key: KEY });
    expect(report.failure?.code).toBe('no_model');
  });

  it('uses the saved key of a saved connection when none is typed, only for its host', async () => {
    fixture.configure({ requireKey: KEY, keyFreeModels: true });
    const saved = await t.call('connections.save', draft());
    await t.call('connections.setKey', { id: saved.id, key: KEY, storage: 'keychain' });
    expect((await t.call('connections.testDraft', { draft: { ...draft(), id: saved.id } })).ok).toBe(true);
    const moved = await t.call('connections.testDraft', { draft: { ...draft(), id: saved.id, baseUrl: 'http://localhost:1/v1' } });
    expect(moved.failure?.code).toBe('key_host_mismatch');
  });
});
