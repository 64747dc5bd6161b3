import type { ComponentType } from 'react';
import type { SettingsSectionId } from '../../state/app-store';
import { AppProxySection } from '../connections/AppProxySection';
import { BackupsPanel } from '../data/BackupsPanel';
import { DataFolderPanel } from '../data/DataFolderPanel';
import { ExportPanel } from '../data/ExportPanel';
import { ImportPanel } from '../data/ImportPanel';
import { ConnectionsSection } from '../connections/ConnectionsSection';
import { ModelProfilesSection } from '../model-picker/ModelProfilesSection';
import { ShortcutsSection } from '../shortcuts/ShortcutsSection';
import { UpdatesSection } from '../updates/UpdatesSection';
import { SyncSection } from '../sync/SyncSection';
import { AboutSection } from './AboutSection';
import { AppearanceSection } from './AppearanceSection';
import { ModelSettingsSection } from './ModelSettingsSection';
import { TimeoutsSection } from './TimeoutsSection';

export interface SettingsSection {
  id: SettingsSectionId;
  /** Each component is the whole section: its fields and its own Save (see SaveBar). */
  components: ComponentType[];
}

/**
 * The side list of Settings, in order. A new section is one component plus one entry here (and
 * its id in SettingsSectionId, its title in settings.sections.<id>).
 */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { id: 'connections', components: [ConnectionsSection] },
  { id: 'models', components: [ModelProfilesSection, ModelSettingsSection] },
  { id: 'network', components: [AppProxySection, TimeoutsSection] },
  { id: 'appearance', components: [AppearanceSection] },
  { id: 'data', components: [ImportPanel, ExportPanel, BackupsPanel, DataFolderPanel] },
  { id: 'sync', components: [SyncSection] },
  { id: 'shortcuts', components: [ShortcutsSection] },
  { id: 'updates', components: [UpdatesSection] },
  { id: 'about', components: [AboutSection] },
];
