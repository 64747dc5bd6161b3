import type { Handlers } from '../router';
import type { UpdateService } from '../../services/updates/update-service';

type UpdateHandlers = Pick<Handlers, 'updates.status' | 'updates.check' | 'updates.download' | 'updates.install' | 'updates.setPrefs'>;

export function updateHandlers(updates: UpdateService): UpdateHandlers {
  return {
    'updates.status': () => updates.status(),
    'updates.check': () => updates.check(),
    'updates.download': () => updates.download(),
    'updates.install': () => updates.install(),
    'updates.setPrefs': (patch) => updates.setPrefs(patch),
  };
}
