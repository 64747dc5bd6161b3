import { v5 as uuidv5 } from 'uuid';

/** Ferry's namespace for ids derived from other apps' ids (a fixed random UUID). */
const NAMESPACE = '4b0f3c2e-8a57-4d52-9d39-6a2f0e7c1b84';

/**
 * Stable ids: the same source conversation or message always gets the same Ferry id, so importing
 * a file twice (or a newer export of the same account) adds only what is new.
 */
export const conversationIdFor = (format: string, sourceId: string): string => uuidv5(`${format}\u0000c\u0000${sourceId}`, NAMESPACE);
export const messageIdFor = (format: string, conversationSourceId: string, sourceId: string): string =>
  uuidv5(`${format}\u0000m\u0000${conversationSourceId}\u0000${sourceId}`, NAMESPACE);
export const assistantIdFor = (format: string, sourceId: string): string => uuidv5(`${format}\u0000a\u0000${sourceId}`, NAMESPACE);
export const promptIdFor = (format: string, sourceId: string): string => uuidv5(`${format}\u0000p\u0000${sourceId}`, NAMESPACE);
