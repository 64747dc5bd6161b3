import { useAppStore } from '../../state/app-store';
import { useCurrentTarget } from '../model-picker/current-target';

/** The model's name when the user marked it as taking no images (Settings → Models); else null. */
export function useVisionBlock(): string | null {
  const { model } = useCurrentTarget();
  const marked = useAppStore((s) => s.prefs?.modelSettings.find((m) => m.model === model)?.vision);
  return model && marked === false ? model : null;
}
