/**
 * Writes the JSON Schemas of the settings and pack files, generated from the zod schemas, for
 * editors, and the Chrome managed-storage schema the manifest names (public/managed_schema.json).
 * and the rules' facts without their code (rules/engine/facts.json) for the page, popup and
 * options page. `npm run schemas`; tests keep them in step.
 */
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../packs/json-schema';
import { managedSchema } from '../settings/managed-schema';
import { RULES } from '../rules';

for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schemas/${file}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote schemas/${file}`);
}
writeFileSync(new URL('../public/managed_schema.json', import.meta.url), JSON.stringify(managedSchema(), null, 2) + '\n');
console.log('wrote public/managed_schema.json');
writeFileSync(new URL('../rules/engine/facts.json', import.meta.url), JSON.stringify(RULES, null, 2) + '\n');
console.log('wrote rules/engine/facts.json');
