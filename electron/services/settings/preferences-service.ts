import { ConnectionConfig, DEFAULT_BACKUP_SETTINGS, DEFAULT_PROXY, DEFAULT_SYNC_SETTINGS, DEFAULT_TIMEOUT_SETTINGS, FONT_SIZE, Preferences } from '../../../shared/schemas';
import { z } from 'zod';

/**
 * The subset of electron-store / conf that Ferry uses: both expose the whole document as
 * `.store`. Keeping to this lets the two hosts share one schema and one file.
 */
export interface PreferencesBackend {
  get store(): Record<string, unknown>;
  set store(value: Record<string, unknown>);
}

// A hand-edited or older file must not cost the user their other settings: each field that fails
// validation falls back to its default on its own.
const Lenient = z.object({
  language: Preferences.shape.language.catch('system'),
  theme: Preferences.shape.theme.catch('system'),
  window: Preferences.shape.window.catch(undefined),
  lastConnectionId: Preferences.shape.lastConnectionId.catch(null),
  proxy: Preferences.shape.proxy.catch(DEFAULT_PROXY),
  modelSettings: Preferences.shape.modelSettings.catch([]),
  noStreamOptions: Preferences.shape.noStreamOptions.catch([]),
  timeouts: Preferences.shape.timeouts.catch(DEFAULT_TIMEOUT_SETTINGS),
  backups: Preferences.shape.backups.catch(DEFAULT_BACKUP_SETTINGS),
  sync: Preferences.shape.sync.catch(DEFAULT_SYNC_SETTINGS),
  fontSize: Preferences.shape.fontSize.catch(FONT_SIZE.default),
  sidebarCollapsed: Preferences.shape.sidebarCollapsed.catch(false),
  shortcuts: Preferences.shape.shortcuts.catch({}),
  connections: z
    .array(z.unknown())
    .catch([])
    .transform((items) =>
      items.flatMap((item) => {
        const parsed = ConnectionConfig.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
});

export class PreferencesService {
  constructor(private readonly backend: PreferencesBackend) {}

  read(): Preferences {
    return Lenient.parse(this.backend.store ?? {});
  }

  update(patch: Partial<Preferences>): Preferences {
    const raw = this.backend.store ?? {};
    const next = Preferences.parse({ ...Lenient.parse(raw), ...patch });
    const stored = JSON.parse(JSON.stringify(next)) as Record<string, unknown>;
    // A connection this version cannot read (hand-edited, or from a newer Ferry) is not shown, but
    // it is written back as it was: no settings change may cost the user a connection.
    const unreadable = Array.isArray(raw.connections) ? raw.connections.filter((c) => !ConnectionConfig.safeParse(c).success) : [];
    if (unreadable.length > 0) stored.connections = [...(stored.connections as unknown[]), ...unreadable];
    this.backend.store = stored;
    return next;
  }

  connection(id: string | null | undefined): ConnectionConfig | null {
    const { connections, lastConnectionId } = this.read();
    const wanted = id ?? lastConnectionId;
    return connections.find((c) => c.id === wanted) ?? connections[0] ?? null;
  }
}
