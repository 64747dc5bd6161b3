import { gunzipSync, gzipSync } from 'node:zlib';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';

/**
 * End-to-end encryption of everything Ferry puts on the WebDAV server: XChaCha20-Poly1305
 * (@noble/ciphers, audited) with a key derived from the user's passphrase by scrypt
 * (@noble/hashes). The server sees file names (device ids and sequence numbers) and sizes only.
 * The path of each file is authenticated with it, so files cannot be swapped or replayed elsewhere.
 */
const MAGIC = Buffer.from('FSY1');
const CHECK = 'ferry-sync-key-check-v1';

export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}

export const newKdfParams = (N = 2 ** 15): KdfParams => ({ name: 'scrypt', N, r: 8, p: 1, salt: Buffer.from(randomBytes(16)).toString('base64') });

const cache = new Map<string, Uint8Array>();
export async function deriveKey(passphrase: string, params: KdfParams): Promise<Uint8Array> {
  const id = Buffer.from(sha256(new TextEncoder().encode(`${params.salt}:${params.N}:${params.r}:${params.p}:${passphrase}`))).toString('hex');
  const cached = cache.get(id);
  if (cached) return cached;
  const key = await scryptAsync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), { N: params.N, r: params.r, p: params.p, dkLen: 32 });
  cache.set(id, key);
  return key;
}

export function seal(key: Uint8Array, aad: string, plaintext: Uint8Array): Buffer {
  const nonce = randomBytes(24);
  const sealed = xchacha20poly1305(key, nonce, new TextEncoder().encode(aad)).encrypt(plaintext);
  return Buffer.concat([MAGIC, nonce, sealed]);
}

/** Null when the bytes are not a file sealed with this key for this path (wrong passphrase, damage, truncation). */
export function open(key: Uint8Array, aad: string, bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < MAGIC.length + 24 + 16 || !Buffer.from(bytes.subarray(0, 4)).equals(MAGIC)) return null;
  try {
    return xchacha20poly1305(key, bytes.subarray(4, 28), new TextEncoder().encode(aad)).decrypt(bytes.subarray(28));
  } catch {
    return null;
  }
}

export const sealJson = (key: Uint8Array, aad: string, value: unknown): Buffer => seal(key, aad, gzipSync(JSON.stringify(value)));

export function openJson(key: Uint8Array, aad: string, bytes: Uint8Array): unknown {
  const plain = open(key, aad, bytes);
  if (!plain) return undefined;
  try {
    return JSON.parse(gunzipSync(plain, { maxOutputLength: 512 * 1024 * 1024 }).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export const keyCheck = (key: Uint8Array): string => seal(key, 'key-check', new TextEncoder().encode(CHECK)).toString('base64');
export const verifyKeyCheck = (key: Uint8Array, check: string): boolean => {
  const plain = open(key, 'key-check', Buffer.from(check, 'base64'));
  return plain !== null && new TextDecoder().decode(plain) === CHECK;
};
