/** JSON Schemas generated from the zod schemas, so editors and policy tools see the same rules. */
import { z } from 'zod';
import { SettingsSchema } from '../settings/schema';
import { PackSchema } from './schema';

export function jsonSchemas(): Record<string, unknown> {
  const settings = z.toJSONSchema(SettingsSchema, { target: 'draft-2020-12' });
  const pack = z.toJSONSchema(PackSchema, { target: 'draft-2020-12' });
  return {
    'settings.schema.json': { $id: 'https://second-look.invalid/schemas/settings.schema.json', title: 'Second Look settings', ...settings },
    'pack.schema.json': { $id: 'https://second-look.invalid/schemas/pack.schema.json', title: 'Second Look policy pack', ...pack },
  };
}
