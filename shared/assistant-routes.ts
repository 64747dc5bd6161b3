import { z } from 'zod';
import { Assistant, AssistantFields, Id, Language, Prompt, PromptFields } from './schemas';

const route = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Assistants and the prompt library, spread into `routes` in routes.ts. */
export const assistantRoutes = {
  /** Built-ins (in `language`) first, then the user's own; `defaultId` is the one plain new chats use. */
  'assistants.list': route(z.object({ language: Language }).strict(), z.object({ assistants: z.array(Assistant), defaultId: Id.nullable() })),
  /** Creates (no id) or updates one of the user's assistants. */
  'assistants.save': route(AssistantFields.extend({ id: Id.optional() }).strict(), Assistant),
  'assistants.delete': route(z.object({ id: Id }).strict(), z.object({ id: Id })),
  /** The assistant plain new chats start with; null: none. */
  'assistants.setDefault': route(z.object({ id: Id.nullable() }).strict(), z.object({ defaultId: Id.nullable() })),
  'prompts.list': route(z.object({ language: Language }).strict(), z.array(Prompt)),
  'prompts.save': route(PromptFields.extend({ id: Id.optional() }).strict(), Prompt),
  'prompts.delete': route(z.object({ id: Id }).strict(), z.object({ id: Id })),
} as const;
