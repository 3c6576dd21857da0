// Generates schema.d.ts from the spec with openapi-typescript, after one repair of the spec's
// object (the file itself is never changed).
//
// openapi-typescript reads a composition branch that only says `required: [x]` (the spec's
// ApiError: properties `error` and `message`, `anyOf: [{required: [error]}, {required: [message]}]`)
// as `unknown`, and makes an `anyOf` a union with the base object, so any object would pass as
// an error body. Such a composition is rewritten to what it means: one complete object per
// branch, the base's properties with the branch's required ones,
// `{error: string; message?: string} | {error?: string; message: string}`.
// `emptyObjectsUnknown`: a branch's bare `type: object` (the spec's `done` job says
// `result: {type: object}` next to the base's `$ref`) is otherwise `Record<string, never>`,
// which intersects the analysis down to `never` fields.
import { readFileSync, writeFileSync } from "node:fs";
import yaml from "js-yaml";
import openapiTS, { astToString } from "openapi-typescript";

const [specPath, outPath] = process.argv.slice(2);
const spec = yaml.load(readFileSync(specPath, "utf8"));

let repaired = 0;
function requiredOnly(branch) {
  return Object.keys(branch).every((k) => k === "required");
}
function repairBranches(schema) {
  if (schema === null || typeof schema !== "object") return;
  for (const key of ["anyOf", "oneOf"]) {
    const branches = schema[key];
    if (!schema.properties || !Array.isArray(branches) || !branches.every(requiredOnly)) continue;
    const { [key]: _, ...base } = schema;
    schema[key] = branches.map((b) => ({
      ...base,
      required: [...new Set([...(base.required ?? []), ...b.required])],
    }));
    for (const k of Object.keys(base)) if (k !== "description") delete schema[k];
    repaired++;
  }
  Object.values(schema).forEach(repairBranches);
}
repairBranches(spec.components);

const ast = await openapiTS(spec, { emptyObjectsUnknown: true, alphabetize: false });
writeFileSync(outPath, astToString(ast));
console.log(`generated ${outPath} (${repaired} required-only compositions made explicit)`);
