/**
 * npm run bench: the time of checkDraft for drafts of 280, 1,000 and 5,000 characters, against
 * one bare compromise parse of the same text measured in the same run (the floor: a check is
 * one NLP pass plus the rules). Runs are interleaved so machine noise hits both alike.
 */
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { checkDraft } from '../rules';
import { packFor } from '../packs';
import { SettingsSchema } from '../settings/schema';

const corpus = readFileSync(new URL('../tests/corpus/labelled.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);
const settings = SettingsSchema.parse(JSON.parse(readFileSync(new URL('../tests/corpus/settings.json', import.meta.url), 'utf8')));
const pack = packFor(settings);

function draftOf(length: number, offset: number): string {
  let text = '';
  for (let i = offset; text.length < length; i++) text += corpus[i % corpus.length] + ' ';
  return text.slice(0, length);
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

const ROUNDS: Record<number, number> = { 280: 400, 1000: 200, 5000: 60 };
console.log('size   check median   p95      bare parse median   p95      ratio (median)');
for (const size of [280, 1000, 5000]) {
  const rounds = ROUNDS[size]!;
  const drafts = Array.from({ length: 20 }, (_, i) => draftOf(size, i * 7));
  const check: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 20; i++) {
    checkDraft({ text: drafts[i % 20]!, platform: 'facebook', account: 'personal' }, settings, { pack });
    nlp(drafts[i % 20]!);
  }
  for (let i = 0; i < rounds; i++) {
    const text = drafts[i % drafts.length]!;
    let t = performance.now();
    nlp(text);
    bare.push(performance.now() - t);
    t = performance.now();
    checkDraft({ text, platform: 'facebook', account: i % 2 ? 'personal' : 'official' }, settings, { pack });
    check.push(performance.now() - t);
  }
  const f = (x: number) => `${x.toFixed(2).padStart(7)} ms`;
  console.log(
    `${String(size).padEnd(6)} ${f(quantile(check, 0.5))} ${f(quantile(check, 0.95))}   ${f(quantile(bare, 0.5))}      ${f(quantile(bare, 0.95))}   ${(quantile(check, 0.5) / quantile(bare, 0.5)).toFixed(2)}`,
  );
}
