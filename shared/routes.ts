import { z } from 'zod';
import {
  ATTACHMENT_LIMITS,
  AttachmentId,
  AppInfo,
  ConnectionView,
  ConversationDetail,
  ConversationSettings,
  ConversationSummary,
  DatabaseStatus,
  FontSize,
  Id,
  KeyStorage,
  LanguagePref,
  Message,
  SearchResult,
  ModelSetting,
  Preferences,
  ThemePref,
  TimeoutSettings,
} from './schemas';
import { assistantRoutes } from './assistant-routes';
import { attachmentRoutes } from './attachment-routes';
import { connectionRoutes } from './connection-routes';
import { updateRoutes } from './update-routes';
import { messageRoutes } from './message-routes';
import { modelRoutes } from './model-routes';
import { backupRoutes, exportRoutes, importRoutes, syncRoutes } from './data-routes';
import { ShortcutOverrides } from './shortcuts';
import { faultRoutes } from './fault-routes';
import { menuRoutes } from './menu-routes';

/**
 * Every request the UI can make: its name, the schema its input must pass, and the schema of its
 * output. Main validates input against `input`; the renderer's client is typed from both.
 */
/** The largest `conversations.get` window: past it, the whole tree is as cheap. */
export const MAX_MESSAGE_WINDOW = 500;

const route = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const empty = z.object({}).strict();

export const routes = {
  'app.info': route(empty, AppInfo),

  'prefs.get': route(empty, Preferences),
  'prefs.set': route(
    z
      .object({
        language: LanguagePref.optional(),
        theme: ThemePref.optional(),
        fontSize: FontSize.optional(),
        sidebarCollapsed: z.boolean().optional(),
        shortcuts: ShortcutOverrides.optional(),
      })
      .strict(),
    Preferences,
  ),

  /** Connect / first-byte / idle limits of every upstream request; absent fields keep their values. */
  'prefs.setTimeouts': route(z.object({ timeouts: TimeoutSettings.partial().strict() }).strict(), Preferences),

  /** Replaces the per-model price / reasoning table. */
  'prefs.setModelSettings': route(z.object({ modelSettings: z.array(ModelSetting).max(500) }).strict(), Preferences),

  'connections.list': route(empty, z.array(ConnectionView)),
  'connections.setKey': route(
    z.object({ id: Id, key: z.string().trim().min(1).max(4096), storage: KeyStorage }).strict(),
    ConnectionView,
  ),
  'connections.clearKey': route(z.object({ id: Id }).strict(), ConnectionView),
  ...connectionRoutes,
  ...updateRoutes,
  ...attachmentRoutes,
  ...messageRoutes,
  ...modelRoutes,
  ...assistantRoutes,
  ...importRoutes,
  ...exportRoutes,
  ...backupRoutes,
  ...syncRoutes,
  ...faultRoutes,
  ...menuRoutes,

  /**
   * Pinned first, then newest. Without `limit`, every conversation (the original call `{}`); with it, one
   * page: `cursor: pageCursor(lastItem)` (shared/paging.ts) asks for the page after it.
   */
  'conversations.list': route(
    z.object({ cursor: z.string().max(300).optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    z.array(ConversationSummary),
  ),
  /** The sidebar's filter: conversations whose title contains every term of `text`, pinned first, then newest. */
  'conversations.findByTitle': route(
    z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(500).optional() }).strict(),
    z.array(ConversationSummary),
  ),
  'conversations.pin': route(z.object({ id: Id, pinned: z.boolean() }).strict(), ConversationSummary),
  /** Undo of `conversations.delete` (which only hides a conversation; it is purged after 7 days). */
  'conversations.restore': route(z.object({ id: Id }).strict(), ConversationSummary),
  'search.query': route(
    z.object({ text: z.string().max(500), limit: z.number().int().min(1).max(100).optional() }).strict(),
    SearchResult,
  ),
  /** Recovery mode only: moves the broken database to `broken/` (never deleted) and puts a backup in its place. */
  'app.restoreBackup': route(z.object({ file: z.string().min(1).max(200) }).strict(), DatabaseStatus),
  /**
   * The conversation and its whole tree; with `window`, only the last `window` messages of the active
   * path and their siblings (`partial` in the answer says so; a short conversation comes whole).
   */
  'conversations.get': route(
    z.object({ id: Id, window: z.number().int().min(1).max(MAX_MESSAGE_WINDOW).optional() }).strict(),
    ConversationDetail,
  ),
  'conversations.rename': route(
    z.object({ id: Id, title: z.string().trim().min(1).max(200) }).strict(),
    ConversationSummary,
  ),
  'conversations.delete': route(z.object({ id: Id }).strict(), z.object({ id: Id })),
  /** The connection and model the conversation's next request goes to; also becomes the one new chats use. */
  'conversations.setTarget': route(
    z.object({ id: Id, connectionId: Id, model: z.string().trim().min(1).max(200) }).strict(),
    ConversationSummary,
  ),

  'chat.send': route(
    z
      .object({
        conversationId: Id.optional(),
        connectionId: Id.optional(),
        /** A new chat's model on `connectionId` (the picker's choice); absent: the connection's default. */
        model: z.string().trim().min(1).max(200).optional(),
        /** A new chat with this assistant (its prompt, model and parameters); absent: the default assistant, if any. */
        assistantId: Id.optional(),
        text: z.string().trim().max(200_000),
        /** Stored attachments (attachments.finish), in the order shown. */
        attachments: z
          .array(z.object({ id: AttachmentId, name: z.string().trim().min(1).max(255) }).strict())
          .max(ATTACHMENT_LIMITS.maxPerMessage)
          .optional(),
      })
      .strict()
      .refine((m) => m.text !== '' || (m.attachments?.length ?? 0) > 0, { message: 'A message needs text or an attachment', path: ['text'] }),
    z.object({ conversation: ConversationSummary, userMessage: Message, assistantMessage: Message }),
  ),
  'chat.stop': route(z.object({ messageId: Id }).strict(), z.object({ stopped: z.boolean() })),
  /** A new answer beside an assistant message (or under a user message): a sibling, the old one is kept. */
  'chat.regenerate': route(
    z.object({ messageId: Id }).strict(),
    z.object({ conversation: ConversationSummary, assistantMessage: Message }),
  ),
  /** Edit-and-resend: a new user message beside `messageId`, and its answer. */
  'chat.edit': route(
    z.object({ messageId: Id, text: z.string().trim().min(1).max(200_000) }).strict(),
    z.object({ conversation: ConversationSummary, userMessage: Message, assistantMessage: Message }),
  ),
  /** Continues a stopped/interrupted answer: new text is appended to the same message. */
  'chat.continue': route(z.object({ messageId: Id }).strict(), z.object({ conversation: ConversationSummary, message: Message })),
  /** Shows the branch through `messageId`: the active leaf becomes the newest leaf under it. */
  'conversations.switchBranch': route(z.object({ messageId: Id }).strict(), ConversationSummary),
  'conversations.updateSettings': route(
    z.object({ id: Id, settings: ConversationSettings.partial().strict() }).strict(),
    ConversationSettings,
  ),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteInput<R extends RouteName> = z.input<Routes[R]['input']>;
export type RouteOutput<R extends RouteName> = z.infer<Routes[R]['output']>;

export const isRouteName = (name: unknown): name is RouteName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(routes, name);
