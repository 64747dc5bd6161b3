import { create } from 'zustand';
import type { Assistant, AssistantFields, Language, Prompt, PromptFields } from '../../../../shared/schemas';
import { getApi } from '../../api';

interface AssistantsState {
  language: Language | null;
  assistants: Assistant[];
  defaultId: string | null;
  prompts: Prompt[];
  /** The assistant the next new chat starts with; null: the default one (if any). */
  chosen: string | null;
  choose(id: string | null): void;
}

export const useAssistantsStore = create<AssistantsState>()((set) => ({
  language: null,
  assistants: [],
  defaultId: null,
  prompts: [],
  chosen: null,
  choose: (chosen) => set({ chosen }),
}));

/** Loads assistants and prompts in the UI's language (built-ins are translated by main). */
export async function loadAssistants(language: Language): Promise<void> {
  const api = getApi();
  const [list, prompts] = await Promise.all([api.call('assistants.list', { language }), api.call('prompts.list', { language })]);
  useAssistantsStore.setState({ language, assistants: list.assistants, defaultId: list.defaultId, prompts });
}

const reload = () => {
  const language = useAssistantsStore.getState().language;
  return language ? loadAssistants(language) : Promise.resolve();
};

export async function saveAssistant(fields: AssistantFields & { id?: string }): Promise<Assistant> {
  const saved = await getApi().call('assistants.save', fields);
  await reload();
  return saved;
}

export async function deleteAssistant(id: string): Promise<void> {
  await getApi().call('assistants.delete', { id });
  if (useAssistantsStore.getState().chosen === id) useAssistantsStore.getState().choose(null);
  await reload();
}

export async function setDefaultAssistant(id: string | null): Promise<void> {
  await getApi().call('assistants.setDefault', { id });
  await reload();
}

export async function savePrompt(fields: PromptFields & { id?: string }): Promise<void> {
  await getApi().call('prompts.save', fields);
  await reload();
}

export async function deletePrompt(id: string): Promise<void> {
  await getApi().call('prompts.delete', { id });
  await reload();
}

/** The assistant a new chat would start with now: the one chosen, else the default. */
export function selectNewChatAssistant(s: Pick<AssistantsState, 'assistants' | 'chosen' | 'defaultId'>): Assistant | null {
  const id = s.chosen ?? s.defaultId;
  return s.assistants.find((a) => a.id === id) ?? null;
}
