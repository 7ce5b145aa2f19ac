/** The published JSON Schema of pressroom.config.json is generated from the zod schema and kept in step with it. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema, configSchemaText, SCHEMA_FILE } from "../../src/config/schema.ts";
import { repoRoot } from "../support/build.ts";

const committed = readFileSync(path.join(repoRoot, SCHEMA_FILE), "utf8");

describe(SCHEMA_FILE, () => {
  it("is what `npm run schema` generates from src/config/schema.ts", () => {
    expect(committed, `${SCHEMA_FILE} is out of date: run npm run schema and commit it`).toBe(configSchemaText());
  });

  it("is a draft-07 schema that allows exactly the keys the loader allows", () => {
    const schema = JSON.parse(committed) as { $schema: string; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(Object.keys(schema.properties)).toEqual(Object.keys(configSchema.shape));
    expect(schema.additionalProperties).toBe(false);
  });

  it("is referenced by the example configuration, which the zod schema accepts", () => {
    const example = JSON.parse(readFileSync(path.join(repoRoot, "examples/pressroom.config.json"), "utf8")) as { $schema: string };
    expect(path.resolve(repoRoot, "examples", example.$schema)).toBe(path.join(repoRoot, SCHEMA_FILE));
    expect(configSchema.safeParse(example).success).toBe(true);
  });
});

describe("the README's example configuration", () => {
  it("is accepted by the schema (its font packages are only examples)", () => {
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Configuration and brand"));
    const json = /```json\n([\s\S]*?)```/.exec(section)![1]!;
    const example = JSON.parse(json) as Record<string, unknown>;
    expect(configSchema.safeParse(example).success).toBe(true);
    // Every key of the file appears in the example.
    expect(Object.keys(example)).toEqual(Object.keys(configSchema.shape).filter((k) => k !== "$comment"));
  });
});
