import { z } from 'zod';
import {
  AppInfo,
  ConnectionView,
  ConversationDetail,
  ConversationSummary,
  Id,
  KeyStorage,
  LanguagePref,
  Message,
  Preferences,
  ThemePref,
} from './schemas';

/**
 * Every request the UI can make: its name, the schema its input must pass, and the schema of its
 * output. Main validates input against `input`; the renderer's client is typed from both.
 */
const route = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const empty = z.object({}).strict();

export const routes = {
  'app.info': route(empty, AppInfo),

  'prefs.get': route(empty, Preferences),
  'prefs.set': route(
    z.object({ language: LanguagePref.optional(), theme: ThemePref.optional() }).strict(),
    Preferences,
  ),

  'connections.list': route(empty, z.array(ConnectionView)),
  'connections.save': route(
    z
      .object({
        id: Id.optional(),
        name: z.string().trim().min(1).max(100),
        baseUrl: z.string().trim().max(2048),
        model: z.string().trim().max(200),
      })
      .strict(),
    ConnectionView,
  ),
  'connections.setKey': route(
    z.object({ id: Id, key: z.string().trim().min(1).max(4096), storage: KeyStorage }).strict(),
    ConnectionView,
  ),
  'connections.clearKey': route(z.object({ id: Id }).strict(), ConnectionView),

  'conversations.list': route(empty, z.array(ConversationSummary)),
  'conversations.get': route(z.object({ id: Id }).strict(), ConversationDetail),
  'conversations.rename': route(
    z.object({ id: Id, title: z.string().trim().min(1).max(200) }).strict(),
    ConversationSummary,
  ),
  'conversations.delete': route(z.object({ id: Id }).strict(), z.object({ id: Id })),

  'chat.send': route(
    z
      .object({
        conversationId: Id.optional(),
        connectionId: Id.optional(),
        text: z.string().trim().min(1).max(200_000),
      })
      .strict(),
    z.object({ conversation: ConversationSummary, userMessage: Message, assistantMessage: Message }),
  ),
  'chat.stop': route(z.object({ messageId: Id }).strict(), z.object({ stopped: z.boolean() })),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteInput<R extends RouteName> = z.input<Routes[R]['input']>;
export type RouteOutput<R extends RouteName> = z.infer<Routes[R]['output']>;

export const isRouteName = (name: unknown): name is RouteName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(routes, name);
