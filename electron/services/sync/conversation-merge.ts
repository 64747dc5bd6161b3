import { ConversationData } from './sync-records';

/** A Lamport version and the device that wrote it; the device breaks ties, so every device orders versions alike. */
export type Version = readonly [number, string];
export type FieldVersions = Partial<Record<keyof ConversationData, Version>>;

/** What this device last agreed with the others about one conversation: the row as synced, and each field's version. */
export interface AgreedConversation {
  base: ConversationData;
  fv: FieldVersions;
}

// From the schema, so a conversation field added later merges too instead of never reaching the other devices.
const FIELDS = ConversationData.keyof().options;

export const newer = (a: Version, b: Version): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
const changed = (a: ConversationData, b: ConversationData, field: keyof ConversationData) => a[field] !== b[field];

/**
 * What a device agrees on once a whole record is applied or uploaded: its row, and each field's
 * version (a record from before field versions carries its own version on every field).
 */
export function agreedFromRecord(data: ConversationData, fv: FieldVersions | undefined, version: Version): AgreedConversation {
  return { base: data, fv: Object.fromEntries(FIELDS.map((f) => [f, fv?.[f] ?? version])) };
}

/**
 * The field versions of a conversation going out as `version`: a field that differs from what was
 * last agreed is new in this version, the others keep the version they had. Without an agreed
 * state (its first upload, or a row synced before fields had versions) every field is new.
 */
export function outgoingFieldVersions(data: ConversationData, agreed: AgreedConversation | null, version: Version): FieldVersions {
  const fv: FieldVersions = {};
  for (const field of FIELDS) {
    const kept = agreed && !changed(data, agreed.base, field) ? agreed.fv[field] : undefined;
    fv[field] = kept ?? version;
  }
  return fv;
}

/**
 * Another device's record of a conversation merged into this one, field by field: a rename on one
 * device and a new answer (active leaf, model, pin) on the other both survive, whatever order the
 * two devices sync in. Each field takes the newer version; a field changed here and not uploaded
 * yet stays (it goes out next with a higher version, so every device ends with it). `updatedAt` is
 * the later of the two, so the conversation sorts by its latest activity on either device.
 * Records without field versions (older files) carry their record version on every field.
 */
export function mergeConversation(input: {
  local: ConversationData;
  agreed: AgreedConversation | null;
  /** The row's version when no agreed state is kept (rows synced before fields had versions). */
  rowVersion: Version | null;
  /** Changed here since the last upload. */
  dirty: boolean;
  incoming: { data: ConversationData; fv: FieldVersions; version: Version };
}): { row: ConversationData; agreed: AgreedConversation; changed: boolean } {
  const { local, dirty, incoming } = input;
  // Without an agreed state the last agreed row is the row itself, unless it changed here since:
  // then which fields changed is unknown, and all of them count as changed here.
  const base = input.agreed?.base ?? local;
  const localFv: FieldVersions = input.agreed?.fv ?? Object.fromEntries(input.rowVersion ? FIELDS.map((f) => [f, input.rowVersion]) : []);
  const changedHere = (field: keyof ConversationData) => dirty && (input.agreed ? changed(local, input.agreed.base, field) : true);

  const nextBase = { ...base };
  const nextFv: FieldVersions = { ...localFv };
  const row = { ...local };
  for (const field of FIELDS) {
    const theirs = incoming.fv[field] ?? incoming.version;
    const ours = localFv[field];
    if (!ours || newer(theirs, ours)) {
      (nextBase as Record<string, unknown>)[field] = incoming.data[field];
      nextFv[field] = theirs;
    }
    if (!changedHere(field)) (row as Record<string, unknown>)[field] = nextBase[field];
  }
  nextBase.updatedAt = Math.max(base.updatedAt, incoming.data.updatedAt);
  row.updatedAt = Math.max(local.updatedAt, incoming.data.updatedAt);
  return { row, agreed: { base: nextBase, fv: nextFv }, changed: FIELDS.some((f) => changed(row, local, f)) };
}
