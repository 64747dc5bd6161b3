import type { SecretStore } from './types';

/** "Keep for this session only": the key lives in this process and is gone when it exits. */
export class MemoryStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.secrets.delete(account);
  }
}

export const createMemoryStore = (): MemoryStore => new MemoryStore();
