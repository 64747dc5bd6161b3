import { AssistantFields } from '../../../shared/schemas';
import type { ImportedAssistant } from './model';

const inRange = (value: number | null | undefined, min: number, max: number): number | null =>
  value === null || value === undefined || !Number.isFinite(value) ? null : Math.min(max, Math.max(min, value));
const wholeInRange = (value: number | null | undefined, min: number, max: number): number | null => {
  const n = inRange(value, min, max);
  return n === null ? null : Math.round(n);
};

/**
 * An imported mask, copilot or assistant as the fields of Ferry's assistants (the same ones the
 * editor saves): long texts cut to the editor's limits, out-of-range parameters brought into range,
 * what Ferry has no field for (presence/frequency penalties) left out. Null when nothing usable is left.
 */
export function toAssistantFields(a: ImportedAssistant): AssistantFields | null {
  const parsed = AssistantFields.safeParse({
    name: [...a.name.trim()].slice(0, 100).join(''),
    // An emoji or a short mark; anything longer (a picture URL) has no place beside the name.
    avatar: a.avatar && a.avatar.length <= 16 && !/^[a-z]+:/i.test(a.avatar) ? a.avatar : '',
    systemPrompt: a.systemPrompt.slice(0, 20_000),
    connectionId: a.connectionId ?? null,
    model: a.model ? a.model.slice(0, 200) : null,
    temperature: inRange(a.params.temperature, 0, 2),
    topP: inRange(a.params.topP, 0, 1),
    maxTokens: wholeInRange(a.params.maxTokens, 1, 1_000_000),
    reasoningEffort: a.reasoningEffort ?? null,
    // NextChat's 0 means "no earlier messages"; Ferry's smallest is the latest one.
    contextMessages: wholeInRange(a.params.contextMessages, 1, 1000),
  });
  return parsed.success ? parsed.data : null;
}
