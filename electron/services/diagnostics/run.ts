import type { ConnectionConfig, DiagnosticFailure, DiagnosticReport, DiagnosticStep, DiagnosticStepResult } from '../../../shared/schemas';
import { resolveBaseUrl } from '../../../shared/base-url';
import { connectionOrigin, expectedKeyPlace, keyHostMismatch, keyLookupFor, resolveConnectionUrl } from '../connections/key-binding';
import type { Network } from '../network/network';
import { bypasses, describeProxy } from '../network/proxy';
import type { KeyVault } from '../secrets/types';
import { closeModels } from './model-match';
import { classifyNetworkError, classifyResponse, modelIdsOf, shouldFallBackToCompletion, type ProbeResponse } from './classify';
import { probeDns, probeSocksAuth, probeTcp, probeTls, type ProbeOutcome } from './net-probes';

export interface DiagnosticsDeps {
  vault: KeyVault;
  network: Network;
  timeoutMs?: number;
}

const MAX_BODY = 64 * 1024;

/**
 * "Test connection": URL → proxy → DNS → TCP/TLS → GET /models → the configured model → the key.
 * Stops at the first failing step and says which, why, and which URL failed. The key step passes
 * only after a request that needs the key succeeded: /models when it refuses to answer without the
 * key, else a 1-token completion with the configured model (which also proves the model). The key
 * is only read here to be sent to the host it is bound to; it never appears in the report.
 */
export async function runDiagnostics(connection: ConnectionConfig, deps: DiagnosticsDeps): Promise<DiagnosticReport> {
  const timeoutMs = deps.timeoutMs ?? 15_000;
  const steps: DiagnosticStepResult[] = [];
  const resolved = resolveConnectionUrl(connection);
  const proxy = await deps.network.proxyFor(connection);
  const report = (failure: DiagnosticFailure | null, extra: Partial<DiagnosticReport> = {}): DiagnosticReport => ({
    ok: failure === null,
    requestUrl: resolved.ok ? resolved.requestUrl : null,
    proxy: describeProxy(proxy, resolved.ok ? resolved.baseUrl : undefined),
    steps,
    failure,
    suggestedBaseUrl: null,
    models: null,
    failedUrl: null,
    modelSuggestions: [],
    ...extra,
  });
  const pass = (step: DiagnosticStep, detail?: string) => steps.push({ step, ok: true, ...(detail ? { detail } : {}) });
  const fail = (step: DiagnosticStep, failure: DiagnosticFailure, extra?: Partial<DiagnosticReport>) => {
    steps.push({ step, ok: false, ...(failure.detail ? { detail: failure.detail } : {}) });
    return report(failure, extra);
  };

  if (!resolved.ok) return fail('url', { code: 'invalid_url', detail: resolved.reason });
  pass('url', resolved.requestUrl);
  const target = new URL(resolved.baseUrl);

  let stored: Awaited<ReturnType<KeyVault['getKey']>>;
  try {
    stored = await deps.vault.getKey(connection.id, keyLookupFor(connection));
  } catch (error) {
    // Probing without the key would report "unauthorized" for a keychain problem.
    return fail('key', { code: 'keychain_unavailable', detail: error instanceof Error ? error.message : String(error) });
  }
  if (!stored && expectedKeyPlace(connection) !== 'none') return fail('key', { code: 'no_key' });
  if (stored && keyHostMismatch(connection)) {
    return fail('key', { code: 'key_host_mismatch', detail: `${connection.keyOrigin ?? ''} → ${connectionOrigin(connection) ?? ''}` });
  }
  const key = stored?.key ?? '';

  const direct = proxy.mode === 'none' || bypasses(target.hostname, proxy) || (proxy.mode === 'system' && !systemProxyEnv());
  if (proxy.mode === 'manual' && !direct) {
    if (!proxy.url) return fail('proxy', { code: 'proxy_refused', detail: 'invalid proxy address' });
    const reach = await probeTcp(proxy.url.hostname, Number(proxy.url.port), timeoutMs);
    if (!reach.ok) return fail('proxy', { ...classifyNetworkError(reach.error, true), detail: describeProxy(proxy) });
    if (proxy.url.protocol.startsWith('socks') && proxy.username) {
      const login = await probeSocksAuth(proxy.url.hostname, Number(proxy.url.port), proxy.username, proxy.password, timeoutMs);
      if (!login.ok) return fail('proxy', { ...classifyNetworkError(login.error, true), detail: describeProxy(proxy) });
    }
    pass('proxy', describeProxy(proxy));
  }

  if (direct) {
    const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
    const dns = await probeDns(target.hostname);
    if (!dns.ok) return fail('dns', { code: 'host_not_found', detail: target.hostname }, { failedUrl: resolved.baseUrl });
    pass('dns', dns.detail);
    const tcp = await probeTcp(target.hostname, port, timeoutMs);
    if (!tcp.ok) return fail('connect', stepFailure(tcp, `${target.hostname}:${port}`), { failedUrl: resolved.baseUrl });
    pass('connect', tcp.detail);
    if (target.protocol === 'https:') {
      const tls = await probeTls(target.hostname, port, timeoutMs);
      if (!tls.ok) return fail('tls', { code: classifyNetworkError(tls.error, false).code === 'timeout' ? 'timeout' : 'tls', detail: tls.detail }, { failedUrl: resolved.baseUrl });
      pass('tls', tls.detail);
    }
  }

  const fetcher = deps.network.fetchFor(connection);
  const probe = async (url: string, init: RequestInit = {}, withKey = true): Promise<ProbeResponse | DiagnosticFailure> => {
    try {
      const headers = new Headers(init.headers);
      if (key && withKey) headers.set('Authorization', `Bearer ${key}`);
      const res = await fetcher(url, { ...init, headers: [...headers.entries()], signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
      const body = (await res.text()).slice(0, MAX_BODY);
      return { status: res.status, contentType: res.headers.get('content-type') ?? '', body };
    } catch (error) {
      return scrub(classifyNetworkError(error, !direct), key);
    }
  };
  const isFailure = (r: ProbeResponse | DiagnosticFailure): r is DiagnosticFailure => 'code' in r;
  const modelsUrl = `${resolved.baseUrl}/models`;
  const completionUrl = `${resolved.baseUrl}/chat/completions`;
  const model = connection.model.trim();
  /** A refusal of the key shows on the key step, whichever request it came from. */
  const keyRefused = (f: DiagnosticFailure) => f.code === 'unauthorized' || f.code === 'wrong_access_code';

  const models = await probe(modelsUrl);
  if (isFailure(models)) return fail('models', models, { failedUrl: modelsUrl });
  const modelsFailure = classifyResponse(models, 'models');
  let listed: string[] | null = null;
  let keyProven = false;
  if (!modelsFailure) {
    listed = modelIdsOf(models.body);
    pass('models', `HTTP ${models.status}`);
    // Does /models need the key at all? Only a refusal without it makes its success a proof of the key.
    if (key) {
      const bare = await probe(modelsUrl, {}, false);
      keyProven = !isFailure(bare) && (bare.status === 401 || bare.status === 403);
    }
  } else {
    if (modelsFailure.code === 'html_page' || modelsFailure.code === 'not_found') {
      const suggestion = await findWorkingBase(connection, resolved.baseUrl, probe);
      if (suggestion) return fail('models', scrub(modelsFailure, key), { suggestedBaseUrl: suggestion, failedUrl: modelsUrl });
    }
    if (keyRefused(modelsFailure)) return fail('key', scrub(modelsFailure, key), { failedUrl: modelsUrl });
    if (!shouldFallBackToCompletion(modelsFailure)) return fail('models', scrub(modelsFailure, key), { failedUrl: modelsUrl });
    // Relays that hide /models: the completion below checks model and key alike.
    steps.push({ step: 'models', ok: false, detail: `HTTP ${models.status}` });
  }

  if (!model) return fail('model', { code: 'no_model' }, { models: listed });
  if (listed && listed.length > 0) {
    if (!listed.includes(model)) {
      return fail('model', { code: 'model_not_listed', detail: model }, { models: listed, modelSuggestions: closeModels(model, listed) });
    }
    pass('model', model);
  }
  if (keyProven) {
    pass('key', stored ? `…${key.slice(-4)}` : undefined);
    return report(null, { models: listed });
  }

  const completion = await probe(completionUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1, stream: false }),
  });
  if (isFailure(completion)) return fail('completion', completion, { models: listed, failedUrl: completionUrl });
  const completionFailure = classifyResponse(completion, 'completion');
  if (completionFailure) {
    const clean = scrub(completionFailure, key);
    const extra = { models: listed, failedUrl: completionUrl };
    if (keyRefused(completionFailure)) return fail('key', clean, extra);
    if (completionFailure.code === 'model_not_found') return fail('model', clean, { ...extra, modelSuggestions: listed ? closeModels(model, listed) : [] });
    return fail('completion', clean, extra);
  }
  if (!listed) pass('model', model);
  pass('completion', `HTTP ${completion.status}`);
  pass('key', key ? `…${key.slice(-4)}` : 'none');
  return report(null, { models: listed });
}

function stepFailure(outcome: Extract<ProbeOutcome, { ok: false }>, where: string): DiagnosticFailure {
  const classified = classifyNetworkError(outcome.error, false);
  return { ...classified, detail: where };
}

const systemProxyEnv = () =>
  !!(process.env.HTTPS_PROXY || process.env.https_proxy || process.env.HTTP_PROXY || process.env.http_proxy);

/** Provider messages and details may echo the token back (NextChat does): never let it into the report. */
function scrub(failure: DiagnosticFailure, key: string): DiagnosticFailure {
  if (!key) return failure;
  const clean = (s?: string) => (s === undefined ? undefined : s.split(key).join('***'));
  const providerMessage = clean(failure.providerMessage);
  const detail = clean(failure.detail);
  return { code: failure.code, ...(failure.status ? { status: failure.status } : {}), ...(providerMessage ? { providerMessage } : {}), ...(detail ? { detail } : {}) };
}

/** On an HTML page or a 404, tries the variants users get wrong (the /v1 fix); the first that answers like the API wins. */
async function findWorkingBase(
  connection: ConnectionConfig,
  current: string,
  probe: (url: string) => Promise<ProbeResponse | DiagnosticFailure>,
): Promise<string | null> {
  const auto = resolveBaseUrl(connection.baseUrl);
  const origin = new URL(current).origin;
  const candidates = [auto.ok ? auto.baseUrl : null, `${current}/v1`, `${origin}/v1`].filter(
    (c, i, all): c is string => !!c && c !== current && all.indexOf(c) === i,
  );
  for (const candidate of candidates) {
    const res = await probe(`${candidate}/models`);
    if ('code' in res) continue;
    const failure = classifyResponse(res, 'models');
    if (!failure || failure.code === 'unauthorized' || failure.code === 'wrong_access_code') return candidate;
  }
  return null;
}
