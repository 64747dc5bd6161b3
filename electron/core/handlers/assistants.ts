import type { Handlers } from '../router';
import type { AssistantService } from '../../services/assistants/assistant-service';

type AssistantHandlers = Pick<
  Handlers,
  'assistants.list' | 'assistants.save' | 'assistants.delete' | 'assistants.setDefault' | 'prompts.list' | 'prompts.save' | 'prompts.delete'
>;

export function assistantHandlers(assistants: AssistantService): AssistantHandlers {
  return {
    'assistants.list': ({ language }) => assistants.list(language),
    'assistants.save': (input) => assistants.save(input),
    'assistants.delete': ({ id }) => assistants.delete(id),
    'assistants.setDefault': ({ id }) => assistants.setDefault(id),
    'prompts.list': ({ language }) => assistants.prompts(language),
    'prompts.save': (input) => assistants.savePrompt(input),
    'prompts.delete': ({ id }) => assistants.deletePrompt(id),
  };
}
