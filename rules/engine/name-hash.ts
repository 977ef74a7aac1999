/** Keyed hashing of name keys (HMAC-SHA256, truncated to 64 bits), shared by roster.ts and the engine. */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export type Hasher = ReturnType<typeof hmac.create>;

const hashers = new Map<string, Hasher>();

/** An HMAC with the key's pads computed once; each entry then costs two compressions. */
export function hasherFor(keyHex: string): Hasher {
  let h = hashers.get(keyHex);
  if (!h) {
    h = hmac.create(sha256, hexToBytes(keyHex));
    hashers.set(keyHex, h);
  }
  return h;
}

export function hashedKey(hasher: Hasher, entry: string): string {
  return bytesToHex(hasher.clone().update(utf8ToBytes(entry)).digest().subarray(0, 8));
}

function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) throw new Error('the key must be hexadecimal');
  return Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
}

export function randomKey(): string {
  return bytesToHex(randomBytes(32));
}

