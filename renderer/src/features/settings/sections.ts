import type { ComponentType } from 'react';
import type { SettingsSectionId } from '../../state/app-store';
import { AppProxySection } from '../connections/AppProxySection';
import { ConnectionsSection } from '../connections/ConnectionsSection';
import { ShortcutsSection } from '../shortcuts/ShortcutsSection';
import { AboutSection } from './AboutSection';
import { AppearanceSection } from './AppearanceSection';
import { DataSection } from './DataSection';
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
  { id: 'models', components: [ModelSettingsSection] },
  { id: 'network', components: [AppProxySection, TimeoutsSection] },
  { id: 'appearance', components: [AppearanceSection] },
  { id: 'data', components: [DataSection] },
  { id: 'shortcuts', components: [ShortcutsSection] },
  { id: 'about', components: [AboutSection] },
];
