// Writes schemas/marginalia.schema.json from the zod schema the server validates marginalia.json
// with, so editing a project file gets completion and checks from the same source of truth.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ProjectFileSchema } from '../server/src/core/project/projectFile';

const schema = { ...z.toJSONSchema(ProjectFileSchema, { target: 'draft-7' }), title: 'Marginalia project (marginalia.json)' };
const folder = path.join(__dirname, '..', 'schemas');
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, 'marginalia.schema.json'), JSON.stringify(schema, null, 2) + '\n');
