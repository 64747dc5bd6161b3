import { create } from 'zustand';

/** The model a new chat starts on, when the user picked one in the picker before sending. */
interface NewChatTarget {
  target: { connectionId: string; model: string } | null;
  set(target: NewChatTarget['target']): void;
}

export const useNewChatTarget = create<NewChatTarget>()((set) => ({ target: null, set: (target) => set({ target }) }));
