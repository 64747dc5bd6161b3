import type { ModelSetting } from '../../../shared/schemas';
import type { EventBus } from '../event-bus';
import type { Handlers } from '../router';
import type { PreferencesService } from '../../services/settings/preferences-service';

type ModelProfileHandlers = Pick<Handlers, 'models.setProfile'>;

const NEW_ROW = { inputPrice: null, outputPrice: null, currency: 'USD', sendReasoning: false } as const;

/** One model's capabilities, pin and defaults, merged into the per-model table. */
export function modelProfileHandlers(prefs: PreferencesService, events: EventBus): ModelProfileHandlers {
  return {
    'models.setProfile': ({ model, ...patch }) => {
      const rows = prefs.read().modelSettings;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<ModelSetting>;
      const existing = rows.find((r) => r.model === model);
      const row: ModelSetting = { ...NEW_ROW, ...existing, ...defined, model };
      const next = prefs.update({ modelSettings: existing ? rows.map((r) => (r.model === model ? row : r)) : [...rows, row] });
      events.emit('connections.changed', {});
      return next;
    },
  };
}
