/**
 * Writes the JSON Schemas of the settings and pack files, generated from the zod schemas, for
 * editors (and, later, the managed-storage schema). `npm run schemas`; a test keeps them in step.
 */
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../packs/json-schema';

for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schemas/${file}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote schemas/${file}`);
}
