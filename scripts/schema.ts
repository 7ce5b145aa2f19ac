/**
 * `npm run schema`: writes pressroom.config.schema.json, the JSON Schema of
 * pressroom.config.json, from its zod schema (src/config/schema.ts).
 * test/config/schema.test.ts fails when the committed file is out of date.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { configSchemaText, SCHEMA_FILE } from "../src/config/schema.ts";
import { packageRoot } from "../src/paths.ts";

const file = path.join(packageRoot, SCHEMA_FILE);
writeFileSync(file, configSchemaText());
console.log(`pressroom: wrote ${SCHEMA_FILE}`);
