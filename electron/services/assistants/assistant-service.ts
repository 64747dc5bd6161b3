import { BUILTIN_PREFIX, builtinAssistants, builtinPrompts } from '../../../shared/builtin-assistants';
import type { Assistant, AssistantFields, Language, Prompt, PromptFields } from '../../../shared/schemas';
import { FerryError } from '../../core/app-error';
import type { HistoryRepository } from '../storage/types';

const DEFAULT_KEY = 'default_assistant';

/** Built-in and user assistants, the default one, and the prompt library. */
export class AssistantService {
  constructor(
    private readonly history: HistoryRepository,
    /** The language built-ins are written in when main picks one itself (a chat started from it). */
    private readonly language: () => Language,
  ) {}

  list(language: Language): { assistants: Assistant[]; defaultId: string | null } {
    return { assistants: [...builtinAssistants(language), ...this.history.listAssistants()], defaultId: this.defaultId() };
  }

  /** A built-in or stored assistant; null when it is gone. */
  resolve(id: string, language: Language = this.language()): Assistant | null {
    if (id.startsWith(BUILTIN_PREFIX)) return builtinAssistants(language).find((a) => a.id === id) ?? null;
    return this.history.getAssistant(id);
  }

  save(input: AssistantFields & { id?: string | undefined }): Assistant {
    const { id, ...fields } = input;
    // A built-in is never changed: saving it makes the user's own copy.
    if (!id || id.startsWith(BUILTIN_PREFIX)) return this.history.createAssistant(fields);
    const updated = this.history.updateAssistant(id, fields);
    if (!updated) throw new FerryError('not_found', 'Assistant not found');
    return updated;
  }

  delete(id: string): { id: string } {
    if (id.startsWith(BUILTIN_PREFIX)) throw new FerryError('forbidden', 'A built-in assistant cannot be deleted');
    if (!this.history.deleteAssistant(id)) throw new FerryError('not_found', 'Assistant not found');
    if (this.defaultId() === id) this.history.writeState(DEFAULT_KEY, null);
    return { id };
  }

  setDefault(id: string | null): { defaultId: string | null } {
    if (id !== null && !this.resolve(id)) throw new FerryError('not_found', 'Assistant not found');
    this.history.writeState(DEFAULT_KEY, id);
    return { defaultId: id };
  }

  /** The assistant plain new chats start with, if it still exists. */
  defaultId(): string | null {
    const id = this.history.readState(DEFAULT_KEY);
    return id && this.resolve(id) ? id : null;
  }

  prompts(language: Language): Prompt[] {
    return [...builtinPrompts(language), ...this.history.listPrompts()];
  }

  savePrompt(input: PromptFields & { id?: string | undefined }): Prompt {
    const { id, ...fields } = input;
    const saved = this.history.savePrompt(id && !id.startsWith(BUILTIN_PREFIX) ? id : undefined, fields);
    if (!saved) throw new FerryError('not_found', 'Prompt not found');
    return saved;
  }

  deletePrompt(id: string): { id: string } {
    if (id.startsWith(BUILTIN_PREFIX)) throw new FerryError('forbidden', 'A built-in prompt cannot be deleted');
    if (!this.history.deletePrompt(id)) throw new FerryError('not_found', 'Prompt not found');
    return { id };
  }
}
