import { z } from 'zod';
import { Id } from './common';

/** Assistants (a persona with its own prompt, model and parameters) and saved prompts with {{variables}}. */

export const ReasoningEffort = z.enum(['minimal', 'low', 'medium', 'high']);

export const AssistantFields = z.object({
  name: z.string().trim().min(1).max(100),
  /** An emoji (or a short text) shown beside the name. */
  avatar: z.string().max(16),
  systemPrompt: z.string().max(20_000),
  /** The connection and model a chat with it starts on; null: the one new chats use. */
  connectionId: Id.nullable(),
  model: z.string().max(200).nullable(),
  temperature: z.number().min(0).max(2).nullable(),
  topP: z.number().min(0).max(1).nullable(),
  maxTokens: z.number().int().min(1).max(1_000_000).nullable(),
  reasoningEffort: ReasoningEffort.nullable(),
  /** How many of the latest messages are sent; null: all. */
  contextMessages: z.number().int().min(1).max(1000).nullable(),
});
export type AssistantFields = z.infer<typeof AssistantFields>;

export const Assistant = AssistantFields.extend({
  id: Id,
  /** Shipped with Ferry, in the UI's language; not editable (saving one makes a copy). */
  builtin: z.boolean(),
});
export type Assistant = z.infer<typeof Assistant>;

export const PromptFields = z.object({
  title: z.string().trim().min(1).max(100),
  /** The text inserted; `{{name}}` placeholders are asked for in a small form first. */
  body: z.string().min(1).max(20_000),
});
export type PromptFields = z.infer<typeof PromptFields>;

export const Prompt = PromptFields.extend({ id: Id, builtin: z.boolean() });
export type Prompt = z.infer<typeof Prompt>;
