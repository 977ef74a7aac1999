/**
 * Hashing of pupil-name keys, shared by settings/roster.ts (which hashes a list) and the engine
 * (which hashes a draft's words the same way and compares).
 *
 * The roster sits where anyone at the machine can read it (chrome://policy, storage), salt and
 * parameters beside the hashes, so its only defence is the cost of each guess. Each string is
 * put through a memory-hard derivation: `rounds` chained scrypt calls (hash-wasm's WebAssembly
 * scrypt, as fast as Node's native OpenSSL one), each with the roster's random salt and N, r, p:
 *   k0 = the key's UTF-8 bytes;  k(i) = scrypt(k(i-1), salt, N, r, p, 32 bytes);  K = k(rounds)
 * Chaining several calls rather than one bigger one lets a worker answer other messages between
 * them. The stored entries are HMAC-SHA256(K, kind) truncated to 64 bits, for the kinds "f"
 * (first name), "s" (surname) and "d" (a one-letter deletion of a first name), so one derivation
 * serves all three and a guess costs one derivation, whatever it is tested as.
 *
 * Derived keys are kept in memory only (NameKeyCache), so each word of a draft is derived once.
 *
 * The first scheme (HMAC-SHA256 under a key stored beside the hashes, `{key, hashes, count}`)
 * is still read, so an old roster keeps working, but costs a guess one HMAC: settings/resolve.ts
 * reports it, asking IT to hash the list again.
 */
import { scrypt } from 'hash-wasm';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export const NAME_HASH_SCHEME = 'scrypt-chain-v1';

export interface NameKdfParams {
  /** scrypt's CPU/memory cost (a power of two): memory is 128 * N * r bytes. */
  N: number;
  r: number;
  p: number;
  /** scrypt calls chained per string. */
  rounds: number;
}

/** How a roster's strings are derived: the scheme, its random salt (hex) and its parameters. */
export interface NameKdf {
  scheme: typeof NAME_HASH_SCHEME;
  salt: string;
  params: NameKdfParams;
}

/**
 * 32 MiB a call, four calls a string: see README ("What the pupil-list hashing costs an
 * attacker") for the per-guess time these give, measured in Node and in Chromium's worker.
 */
export const DEFAULT_NAME_KDF_PARAMS: NameKdfParams = { N: 2 ** 15, r: 8, p: 1, rounds: 4 };

export type EntryKind = 'f' | 'd' | 's';

export function randomSalt(): string {
  return bytesToHex(randomBytes(16));
}

export function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) throw new Error('must be hexadecimal');
  return Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The memory-hard derivation of one key (a name part, or a draft's word). */
export async function deriveNameKey(key: string, kdf: NameKdf): Promise<Uint8Array>;
/** The same, given up between two scrypt calls (null) once `stop()` says the key is not wanted any more. */
export async function deriveNameKey(key: string, kdf: NameKdf, stop: () => boolean): Promise<Uint8Array | null>;
export async function deriveNameKey(key: string, kdf: NameKdf, stop?: () => boolean): Promise<Uint8Array | null> {
  const salt = hexToBytes(kdf.salt);
  const { N, r, p, rounds } = kdf.params;
  let k: Uint8Array = utf8ToBytes(key);
  for (let i = 0; i < rounds; i++) {
    if (i > 0) {
      await nextTask(); // let the worker answer other messages between calls
      if (stop?.()) return null;
    }
    k = await scrypt({ password: k, salt, costFactor: N, blockSize: r, parallelism: p, hashLength: 32, outputType: 'binary' });
  }
  return k;
}

/** The stored entry for a derived key used as a kind of name part: 16 hex digits. */
export function entryTag(derived: Uint8Array, kind: EntryKind): string {
  return bytesToHex(hmac(sha256, derived, utf8ToBytes(kind)).subarray(0, 8));
}

/** One roster's identity, for caching derived keys: scheme, salt and parameters. */
export function kdfId(kdf: NameKdf): string {
  const { N, r, p, rounds } = kdf.params;
  return `${kdf.scheme}:${kdf.salt}:${N}:${r}:${p}:${rounds}`;
}

/**
 * Derived keys of the words seen so far, per roster, in memory only (never written anywhere):
 * each word of a draft is derived once, and typing only pays for new words. Bounded, oldest
 * dropped first.
 */
export class NameKeyCache {
  private readonly keys = new Map<string, Uint8Array>();
  constructor(private readonly max = 20_000) {}
  get(id: string, key: string): Uint8Array | undefined {
    return this.keys.get(`${id}\u0000${key}`);
  }
  set(id: string, key: string, derived: Uint8Array): void {
    const k = `${id}\u0000${key}`;
    this.keys.delete(k);
    this.keys.set(k, derived);
    for (const old of this.keys.keys()) {
      if (this.keys.size <= this.max) break;
      this.keys.delete(old);
    }
  }
  get size(): number {
    return this.keys.size;
  }
  clear(): void {
    this.keys.clear();
  }
}

/** The one cache of the process (the background worker, the CLI). */
export const derivedNameKeys = new NameKeyCache();

// The first scheme: HMAC-SHA256 under a key stored beside the hashes (read only).

export type LegacyHasher = ReturnType<typeof hmac.create>;

const hashers = new Map<string, LegacyHasher>();

/** An HMAC with the key's pads computed once; each entry then costs two compressions. */
export function legacyHasherFor(keyHex: string): LegacyHasher {
  let h = hashers.get(keyHex);
  if (!h) {
    h = hmac.create(sha256, hexToBytes(keyHex));
    hashers.set(keyHex, h);
  }
  return h;
}

export function legacyHashedKey(hasher: LegacyHasher, entry: string): string {
  return bytesToHex(hasher.clone().update(utf8ToBytes(entry)).digest().subarray(0, 8));
}
