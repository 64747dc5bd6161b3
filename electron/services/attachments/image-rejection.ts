import type { UpstreamError } from '../../../shared/schemas';
import type { ChatTurn, StreamChat } from '../upstream/types';

// What providers and relays say when a model takes no images: OpenAI ("image_url is only supported
// by certain models", "Invalid content type"), vLLM/one-api ("does not support image input"), …
const MENTIONS_IMAGES = /image|vision|multimodal|multi-modal|content[ _]type|content part|unsupported content|图片|图像|多模态/i;
const REFUSAL_STATUS = new Set([400, 404, 415, 422, 500]);

export const hasImages = (turns: readonly ChatTurn[]): boolean =>
  turns.some((t) => Array.isArray(t.content) && t.content.some((p) => p.type === 'image_url'));

/**
 * A refusal of a request that carried images, when the provider's words point at them, becomes
 * `images_not_supported` (its own title and hint: pick a vision model or mark this one text-only);
 * the provider's message, status and host are kept verbatim.
 */
export function refineImageError(error: UpstreamError): UpstreamError {
  const generic = ['bad_request', 'unknown', 'not_found', 'server_error', 'model_not_found', 'error_in_stream'].includes(error.code);
  if (!generic) return error;
  if (error.status !== undefined && !REFUSAL_STATUS.has(error.status)) return error;
  if (!MENTIONS_IMAGES.test(`${error.providerMessage ?? ''} ${error.param ?? ''}`)) return error;
  return { ...error, code: 'images_not_supported' };
}

/** `streamChat`, with image refusals told apart when the turns carry images. */
export function withImageHint(streamChat: StreamChat, turns: readonly ChatTurn[]): StreamChat {
  if (!hasImages(turns)) return streamChat;
  return async (request) => {
    const outcome = await streamChat(request);
    return outcome.kind === 'error' ? { ...outcome, error: refineImageError(outcome.error) } : outcome;
  };
}
