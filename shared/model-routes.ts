import { z } from 'zod';
import { ModelSetting, Preferences } from './schemas';

const route = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Per-model capabilities, pins and default parameters, spread into `routes` in routes.ts. */
export const modelRoutes = {
  /**
   * Changes one model's profile (vision, reasoning, pinned, default parameters); fields absent keep
   * their values, and a model without a row gets one (no price, reasoning not sent back).
   */
  'models.setProfile': route(
    z
      .object({
        model: ModelSetting.shape.model,
        vision: ModelSetting.shape.vision,
        reasoning: ModelSetting.shape.reasoning,
        pinned: ModelSetting.shape.pinned,
        defaults: ModelSetting.shape.defaults,
      })
      .strict(),
    Preferences,
  ),
} as const;
