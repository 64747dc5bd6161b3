import { z } from 'zod';

/** The "Test connection" report. */

/**
 * Steps of "Test connection", in order. `key` comes last but one: it passes only once a request
 * that needs the key has succeeded (a key-free /models proves nothing about the key).
 */
export const DiagnosticStep = z.enum(['url', 'proxy', 'dns', 'connect', 'tls', 'models', 'model', 'completion', 'key']);
export type DiagnosticStep = z.infer<typeof DiagnosticStep>;

/** Why a step failed; each has a localized sentence in the renderer. */
export const DiagnosticCode = z.enum([
  'invalid_url',
  'key_host_mismatch',
  'no_key',
  /** No model is set on the connection. */
  'no_model',
  /** The server's model list does not have the configured model (close matches in `modelSuggestions`). */
  'model_not_listed',
  /** A key is saved in the keychain, which could not be read: nothing was sent. */
  'keychain_unavailable',
  'host_not_found',
  'refused',
  'tls',
  'html_page',
  'unauthorized',
  'wrong_access_code',
  'forbidden',
  'not_found',
  'model_not_found',
  'proxy_refused',
  'proxy_auth',
  'timeout',
  'error_body',
  'server_error',
  'rate_limited',
  'network',
  'unknown',
]);
export type DiagnosticCode = z.infer<typeof DiagnosticCode>;

export const DiagnosticStepResult = z.object({
  step: DiagnosticStep,
  ok: z.boolean(),
  /** A technical detail safe to show: an address, a status, a certificate issuer. Never the key. */
  detail: z.string().optional(),
});
export type DiagnosticStepResult = z.infer<typeof DiagnosticStepResult>;

export const DiagnosticFailure = z.object({
  code: DiagnosticCode,
  status: z.number().int().optional(),
  providerMessage: z.string().optional(),
  detail: z.string().optional(),
});
export type DiagnosticFailure = z.infer<typeof DiagnosticFailure>;

export const DiagnosticReport = z.object({
  ok: z.boolean(),
  requestUrl: z.string().nullable(),
  /** The proxy the requests went through, without credentials, or 'direct' / 'system'. */
  proxy: z.string(),
  steps: z.array(DiagnosticStepResult),
  failure: DiagnosticFailure.nullable(),
  /** A base URL that answered where the typed one did not (the /v1 fix). */
  suggestedBaseUrl: z.string().nullable(),
  /** Models the server listed, when it did. */
  models: z.array(z.string()).nullable(),
  /** The URL of the request that failed (not always the chat URL: often /models). */
  failedUrl: z.string().nullable().default(null),
  /** When the model is missing: the listed models closest to it. */
  modelSuggestions: z.array(z.string()).default([]),
});
export type DiagnosticReport = z.infer<typeof DiagnosticReport>;
