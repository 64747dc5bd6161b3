import { z } from 'zod';
import { ConnectionView, DiagnosticReport, Id, PresetId, Preferences, ProxyConfig } from './schemas';

/**
 * Routes of the connections feature (several connections, presets, proxy, diagnostics, models),
 * spread into `routes` in routes.ts. Same shape as every other route: an input and an output schema.
 */
const route = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

const HeaderName = z.string().trim().min(1).max(100).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/);
// Headers a user may not set: they would override the key, or break the request framing.
const FORBIDDEN_HEADERS = new Set(['authorization', 'host', 'content-length', 'content-type', 'connection', 'transfer-encoding', 'cookie']);
export const ExtraHeaders = z
  .record(HeaderName, z.string().max(2000).regex(/^[^\r\n]*$/))
  .refine((h) => Object.keys(h).length <= 20 && Object.keys(h).every((k) => !FORBIDDEN_HEADERS.has(k.toLowerCase())), {
    message: 'At most 20 headers; Authorization, Host, Cookie and framing headers cannot be set',
  });

const ModelList = z.object({ ids: z.array(z.string()), fetchedAt: z.number().nullable() });
const PasswordScope = z.union([z.literal('app'), Id]);

/** What the connection form holds (without the key); absent fields keep their saved values. */
export const ConnectionDraft = z
  .object({
    id: Id.optional(),
    name: z.string().trim().min(1).max(100),
    baseUrl: z.string().trim().max(2048),
    model: z.string().trim().max(200),
    preset: PresetId.optional(),
    asTyped: z.boolean().optional(),
    headers: ExtraHeaders.optional(),
    proxy: ProxyConfig.nullable().optional(),
    customModels: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
  })
  .strict();
export type ConnectionDraft = z.infer<typeof ConnectionDraft>;

export const connectionRoutes = {
  'connections.save': route(ConnectionDraft, ConnectionView),
  /** Deletes the connection and its keychain entries (API key, proxy password). */
  'connections.delete': route(z.object({ id: Id }).strict(), z.object({ id: Id })),
  /** The connection new chats use. */
  'connections.select': route(z.object({ id: Id }).strict(), Preferences),
  /** "Use the saved key for <new host>": binds the saved key to the connection's current host. */
  'connections.confirmKeyHost': route(z.object({ id: Id }).strict(), ConnectionView),
  /** Walks URL → key → proxy → DNS → TCP/TLS → GET /models (or a 1-token completion). Never throws for upstream failures. */
  'connections.test': route(z.object({ id: Id }).strict(), DiagnosticReport),
  /**
   * The same test on what the form holds, saving nothing: `key` is a key typed but not saved (else
   * the saved key of `draft.id`, only to the host it is bound to).
   */
  'connections.testDraft': route(
    // A key and a proxy password typed in the form and not saved: used for this test only.
    z.object({ draft: ConnectionDraft, key: z.string().trim().max(4096).optional(), proxyPassword: z.string().min(1).max(1024).optional() }).strict(),
    DiagnosticReport,
  ),
  /** The cached model list, fetched from /models when there is none or `refresh` is set. */
  'connections.models': route(z.object({ id: Id, refresh: z.boolean().default(false) }).strict(), ModelList),
  /** Reads a NextChat relay's /api/config: whether it needs an access code, which models it offers. */
  'connections.nextChatConfig': route(
    z.object({ server: z.string().trim().min(1).max(2048) }).strict(),
    z.object({ reachable: z.boolean(), needCode: z.boolean().nullable(), models: z.array(z.string()), defaultModel: z.string().nullable() }),
  ),
  /** The app's default proxy. */
  'prefs.setProxy': route(z.object({ proxy: ProxyConfig }).strict(), Preferences),
  /** Stores (or with null, removes) the proxy password of the app default or of one connection, in the keychain. */
  'proxy.setPassword': route(
    z.object({ scope: PasswordScope, password: z.string().min(1).max(1024).nullable() }).strict(),
    z.object({ set: z.boolean() }),
  ),
  'proxy.passwordState': route(z.object({ scope: PasswordScope }).strict(), z.object({ set: z.boolean() })),
} as const;
