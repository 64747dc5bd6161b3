import type { ConversationSettings, ModelSetting } from '../../../shared/schemas';

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high';

export interface RequestParams {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  reasoning_effort?: ReasoningEffort;
}

/**
 * What one request sends: the conversation's own settings first, then the model's defaults
 * (Settings → Models); whatever neither sets is not sent, so the provider's default applies.
 * Reasoning effort goes only to a model marked as reasoning (others reject the parameter).
 */
export function effectiveParams(settings: ConversationSettings & { reasoningEffort?: ReasoningEffort | null }, model: ModelSetting | undefined): RequestParams {
  const defaults = model?.defaults ?? {};
  const temperature = settings.temperature ?? defaults.temperature ?? null;
  const topP = settings.topP ?? defaults.topP ?? null;
  const maxTokens = settings.maxTokens ?? defaults.maxTokens ?? null;
  const effort = model?.reasoning === false ? null : (settings.reasoningEffort ?? defaults.reasoningEffort ?? null);
  return {
    ...(temperature !== null ? { temperature } : {}),
    ...(topP !== null ? { top_p: topP } : {}),
    ...(maxTokens !== null ? { max_tokens: maxTokens } : {}),
    ...(effort !== null ? { reasoning_effort: effort } : {}),
  };
}
