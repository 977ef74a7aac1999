/**
 * npm run bench:roster: what the hashed pupil list costs an attacker and a teacher, with the
 * default derivation parameters (rules/engine/name-hash.ts), measured in one run:
 * - one guess: the chained scrypt as the extension computes it (hash-wasm), as an attacker
 *   would with Node's native OpenSSL scrypt, and with @noble/hashes; Argon2id (hash-wasm and
 *   noble) at about the same time, for comparison;
 * - a dictionary of 7,261 common first names and surnames, on one core;
 * - hashing a 300-pupil list;
 * - a 300-word draft's first check (every name-candidate word derived), and a second check.
 * The browser worker's figures come from tests/browser/roster.test.ts.
 */
import { readFileSync } from 'node:fs';
import { scryptSync } from 'node:crypto';
import { argon2id as nobleArgon2id } from '@noble/hashes/argon2.js';
import { scrypt as nobleScrypt } from '@noble/hashes/scrypt.js';
import { argon2id } from 'hash-wasm';
import { checkDraft, checkDraftWithNames, pendingNames } from '../rules';
import { packFor } from '../packs';
import { DEFAULT_NAME_KDF_PARAMS, deriveNameKey, derivedNameKeys, NAME_HASH_SCHEME, randomSalt } from '../rules/engine/name-hash';
import { hashPupilNames, rosterEntries } from '../settings/roster';
import { SettingsSchema } from '../settings/schema';

const DICTIONARY = 7_261;
const P = DEFAULT_NAME_KDF_PARAMS;
const kdf = { scheme: NAME_HASH_SCHEME, salt: randomSalt(), params: P } as const;
const salt = Buffer.from(kdf.salt, 'hex');

async function median(n: number, f: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await f();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

const native = (word: string) => {
  let k: Buffer = Buffer.from(word);
  for (let i = 0; i < P.rounds; i++) k = scryptSync(k, salt, 32, { N: P.N, r: P.r, p: P.p, maxmem: 256 * 2 ** 20 });
  return k;
};

const words = ['olivia', 'jackson', 'amelia', 'noah', 'smith'];
let w = 0;
const next = () => words[w++ % words.length]! + w;
const wasm = await median(5, () => deriveNameKey(next(), kdf));
const openssl = await median(5, () => native(next()));
const noble = await median(3, () => {
  let k: Uint8Array = new TextEncoder().encode(next());
  for (let i = 0; i < P.rounds; i++) k = nobleScrypt(k, salt, { N: P.N, r: P.r, p: P.p, dkLen: 32 });
});
// Argon2id with 32 MiB and as many passes as bring it near the scrypt chain's time.
const a2 = await median(3, () => argon2id({ password: next(), salt, memorySize: 32 * 1024, iterations: 4, parallelism: 1, hashLength: 32, outputType: 'binary' }));
const a2noble = await median(1, () => nobleArgon2id(next(), salt, { m: 32 * 1024, t: 4, p: 1, dkLen: 32 }));

const perGuess = Math.min(openssl, wasm);
console.log(`derivation: scrypt N=${P.N} r=${P.r} p=${P.p} (${(128 * P.N * P.r) / 2 ** 20} MiB), ${P.rounds} chained calls`);
console.log(`one guess, one core: hash-wasm ${wasm.toFixed(0)} ms; Node native (OpenSSL) ${openssl.toFixed(0)} ms; @noble/hashes ${noble.toFixed(0)} ms`);
console.log(`for comparison, Argon2id 32 MiB t=4: hash-wasm ${a2.toFixed(0)} ms; @noble/hashes ${a2noble.toFixed(0)} ms`);
console.log(`dictionary of ${DICTIONARY} names, one core, fastest of the two: ${((DICTIONARY * perGuess) / 3_600_000).toFixed(2)} h (HMAC before: a few ms)`);
console.log(`every string of up to 5 letters (26^5+...): ${((12_356_630 * perGuess) / 3_600_000 / 24 / 365).toFixed(1)} core-years`);

// A 300-pupil list: the corpus names, repeated with different surnames, as a school's might be.
const corpusSettings = SettingsSchema.parse(JSON.parse(readFileSync(new URL('../tests/corpus/settings.json', import.meta.url), 'utf8')));
const names = corpusSettings.pupilNames ?? [];
const perPupil = rosterEntries(names).size / names.length;
console.log(`hashing a 300-pupil list: ${(perPupil).toFixed(1)} strings a pupil (first name, its deletions, surname; shared ones once): about ${((300 * perPupil * wasm) / 60_000).toFixed(0)} min on one core`);

// A 300-word draft's first check with a hashed list: how many derivations it needs (counted
// with cheap parameters: the count does not depend on them) times one derivation's time above;
// then a second check, with every word cached.
const corpus = readFileSync(new URL('../tests/corpus/labelled.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
let draftText = '';
for (let i = 0; draftText.split(/\s+/).length < 300; i++) draftText += corpus[i]! + '\n';
draftText = draftText.split(/\s+/).slice(0, 300).join(' ');
const cheap = { N: 1024, r: 1, p: 1, rounds: 1 };
const roster = await hashPupilNames(names.slice(0, 30), { params: cheap });
const settings = SettingsSchema.parse({ pack: 'default', pupilNameHashes: roster });
derivedNameKeys.clear();
const draft = { text: draftText, platform: 'facebook' as const, account: 'official' as const };
checkDraft(draft, settings, { pack: packFor(settings) });
const exactWords = pendingNames(settings).length;
const distinct = new Set(draftText.toLowerCase().match(/\p{L}+/gu)).size;
await checkDraftWithNames(draft, settings, { pack: packFor(settings) });
const derived = derivedNameKeys.size;
const second = await median(3, () => checkDraftWithNames(draft, settings, { pack: packFor(settings) }));
console.log(
  `300-word draft (${distinct} distinct words): ${exactWords} name candidates, ${derived} derivations in all (with the deletions of capitalised words the lexicon does not know): first check about ${((derived * wasm) / 1000).toFixed(0)} s of derivation on one core (${derived} x ${wasm.toFixed(0)} ms), the next check ${second.toFixed(0)} ms`,
);
