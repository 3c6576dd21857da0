// Generates schema.d.ts from the spec with openapi-typescript, after one repair of the spec's
// object (the file itself is never changed).
//
// openapi-typescript reads a composition branch that only says `required: [x]` as `unknown`, and
// makes an `anyOf` a union with the base object (also when each branch is a whole object, as the
// spec's ApiError branches are: properties `error`, `message`, `status`, `anyOf` of
// `{type: object, required: [error], ...}` and `{type: object, required: [message], ...}`), so
// any object would pass as an error body. Such a composition is rewritten to what it means: one complete object per
// branch, the base's properties with the branch's required ones,
// `{error: string; message?: string} | {error?: string; message: string}`.
// A schema with the kit's `x-lifecycle` (ReelJob: per state, which nullable fields it sets) gets
// the `oneOf` that extension means, one branch per state: `status` that state, each field it sets
// non-null, every other field null. OpenAPI 3.0 generators read no such extension, so without this
// a job would be a flat object whose `result` may be null in every state. The branches only narrow
// the base (the generator intersects them with it), so the field types stay the base's.
//
// `emptyObjectsUnknown`: a branch's bare `type: object` (the spec's `done` job says
// `result: {type: object}` next to the base's `$ref`) is otherwise `Record<string, never>`,
// which intersects the analysis down to `never` fields.
import { readFileSync, writeFileSync } from "node:fs";
import yaml from "js-yaml";
import openapiTS, { astToString } from "openapi-typescript";

const [specPath, outPath] = process.argv.slice(2);
const spec = yaml.load(readFileSync(specPath, "utf8"));

let repaired = 0;
// A branch that narrows the base object: it says which properties are required, and may restate
// some of them (the spec's ApiError branches are whole schemas, so that tools reading a branch on
// its own read what validators do).
const NARROWING = new Set(["required", "type", "properties", "additionalProperties"]);
function narrowing(branch) {
  return Array.isArray(branch.required) && Object.keys(branch).every((k) => NARROWING.has(k));
}
function repairBranches(schema) {
  if (schema === null || typeof schema !== "object") return;
  for (const key of ["anyOf", "oneOf"]) {
    const branches = schema[key];
    if (!schema.properties || !Array.isArray(branches) || !branches.every(narrowing)) continue;
    const { [key]: _, ...base } = schema;
    schema[key] = branches.map((b) => ({
      ...base,
      properties: { ...base.properties, ...(b.properties ?? {}) },
      required: [...new Set([...(base.required ?? []), ...b.required])],
    }));
    for (const k of Object.keys(base)) if (k !== "description") delete schema[k];
    repaired++;
  }
  Object.values(schema).forEach(repairBranches);
}
repairBranches(spec.components);

let lifecycles = 0;
function resolve(ref) {
  return ref.replace(/^#\//, "").split("/").reduce((node, key) => node[key], spec);
}
function lifecycleBranches(schema) {
  const lifecycle = schema["x-lifecycle"];
  if (!lifecycle || schema.oneOf) return; // a spec that states the oneOf itself keeps it
  const nonNull = (name) => {
    const prop = schema.properties[name];
    return { type: prop.$ref ? (resolve(prop.$ref).type ?? "object") : prop.type };
  };
  schema.oneOf = Object.entries(lifecycle.states).map(([state, def]) => ({
    type: "object",
    required: [lifecycle.status, ...lifecycle.fields],
    properties: Object.fromEntries([
      [lifecycle.status, { type: "string", enum: [state] }],
      ...lifecycle.fields.map((f) => [f, (def.sets ?? []).includes(f) ? nonNull(f) : { nullable: true, enum: [null] }]),
    ]),
  }));
  lifecycles++;
}
Object.values(spec.components?.schemas ?? {}).forEach(lifecycleBranches);

const ast = await openapiTS(spec, { emptyObjectsUnknown: true, alphabetize: false });
writeFileSync(outPath, astToString(ast));
console.log(`generated ${outPath} (${repaired} required-only compositions made explicit, ${lifecycles} x-lifecycle unions)`);
