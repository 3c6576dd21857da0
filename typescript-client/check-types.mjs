// Type-checks code against the built package, as a frontend's `tsc --strict` would:
// - type-tests/compiles.ts must compile;
// - exactly the files in MUST_FAIL must exist as type-tests/fails-*.ts, and each must fail with
//   exactly its error code (also named on its first line: `// expect TS18047`), so it fails for
//   the intended reason and deleting one fails the build;
// - every ```ts block of the package README (and of the markdown files given as arguments) must
//   compile; the README's blocks are also emitted as JavaScript to readme-snippets/<name>.js, for
//   the tests that run them (a README block is named by the `<!-- snippet: NAME -->` line above it).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";

const MUST_FAIL = {
  "fails-an-error-body-without-error-or-message.ts": "TS2322",
  "fails-an-undocumented-status.ts": "TS2367",
  "fails-reading-result-of-a-failed-job.ts": "TS18047",
  "fails-reading-result-without-narrowing.ts": "TS18047",
};

// The usage files import "reels-api-client" as a frontend would: resolve it to the built folder.
rmSync("node_modules/reels-api-client", { recursive: true, force: true });
mkdirSync("node_modules", { recursive: true });
symlinkSync(resolve("reels-api-client"), "node_modules/reels-api-client", "dir");

const flags = ["--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext",
  "--lib", "es2022,dom", "--pretty", "false"];

function tsc(files, emitTo) {
  const emit = emitTo ? ["--outDir", emitTo, "--rootDir", "build/snippets"] : ["--noEmit"];
  try {
    execFileSync("npx", ["--no-install", "tsc", ...flags, ...emit, ...files], { encoding: "utf8", stdio: "pipe" });
    return { code: 0, output: "" };
  } catch (e) {
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

const failures = [];
let passed = 0;
function ok(line) {
  console.log(`ok   ${line}`);
  passed++;
}

const compiling = tsc(["type-tests/compiles.ts"]);
if (compiling.code !== 0) failures.push(`type-tests/compiles.ts must compile, but tsc said:\n${compiling.output}`);
else ok("type-tests/compiles.ts compiles with tsc --noEmit --strict");

const present = readdirSync("type-tests").filter((f) => f.startsWith("fails-")).sort();
for (const name of Object.keys(MUST_FAIL).filter((n) => !present.includes(n))) {
  failures.push(`type-tests/${name} is missing: check-types.mjs pins it as a misuse the types must reject`);
}
for (const name of present) {
  const file = `type-tests/${name}`;
  const expected = MUST_FAIL[name];
  const named = /^\/\/ expect (TS\d+)/.exec(readFileSync(file, "utf8"))?.[1];
  if (!expected) {
    failures.push(`${file} is not pinned: add it to MUST_FAIL in check-types.mjs with its error code`);
    continue;
  }
  if (named !== expected) {
    failures.push(`${file}: its first line must be "// expect ${expected}" (MUST_FAIL), not ${named ?? "absent"}`);
    continue;
  }
  const { code, output } = tsc([file]);
  const codes = [...output.matchAll(/error (TS\d+)/g)].map((m) => m[1]);
  if (code === 0) failures.push(`${file} must NOT compile (${expected}), but tsc accepted it`);
  else if (codes.length === 0 || codes.some((c) => c !== expected)) {
    failures.push(`${file} must fail with ${expected} only, but tsc said:\n${output}`);
  } else ok(`${file} is rejected: ${output.trim().split("\n")[0]}`);
}

// Markdown code blocks: the package README's (named, emitted) and any other document's.
function blocks(markdown, source) {
  const found = [];
  const lines = readFileSync(markdown, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== "```ts") continue;
    const end = lines.indexOf("```", i + 1);
    const marker = /^<!-- snippet: ([a-z0-9-]+)( .*)? -->$/.exec(lines[i - 1]?.trim() ?? "")?.[1];
    found.push({ name: marker ?? `${source}-line-${i + 1}`, named: marker !== undefined, line: i + 1,
      code: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return found;
}

rmSync("build/snippets", { recursive: true, force: true });
mkdirSync("build/snippets", { recursive: true });
const readme = blocks("reels-api-client/README.md", "readme");
if (readme.length === 0) failures.push("the package README shows no ```ts block: nothing proves its code compiles");
for (const b of readme.filter((b) => !b.named)) {
  failures.push(`README.md line ${b.line}: a \`\`\`ts block needs a "<!-- snippet: NAME -->" line above it`);
}
const readmeFiles = readme.map((b) => {
  const file = `build/snippets/${b.name}.ts`;
  writeFileSync(file, b.code);
  return file;
});
const emitted = tsc(readmeFiles, "readme-snippets");
if (emitted.code !== 0) failures.push(`the package README's code must compile, but tsc said:\n${emitted.output}`);
else ok(`the package README's ${readme.length} blocks compile (${readme.map((b) => b.name).join(", ")})`);

for (const doc of process.argv.slice(2)) {
  // Only the blocks that use this package's entry: other pages may show other packages' code.
  const others = blocks(doc, basename(doc, ".md").toLowerCase()).filter((b) => b.code.includes('from "reels-api-client"'));
  for (const b of others) {
    // A page that shows a README block by name shows it unchanged.
    const same = readme.find((r) => b.named && r.name === b.name);
    if (b.named && !same) {
      failures.push(`${doc} line ${b.line}: the package README has no "${b.name}" block to show`);
      continue;
    }
    if (same && same.code !== b.code) {
      failures.push(`${doc} line ${b.line}: the "${b.name}" block must be the package README's, unchanged`);
      continue;
    }
    const file = `build/snippets/${basename(doc, ".md")}-${b.name}.ts`;
    writeFileSync(file, `${b.code}\nexport {};\n`);
    const { code, output } = tsc([file]);
    if (code !== 0) failures.push(`${doc} line ${b.line}: its \`\`\`ts block must compile, but tsc said:\n${output}`);
    else ok(`${doc} line ${b.line}: its \`\`\`ts block compiles${same ? ` (the README's "${b.name}")` : ""}`);
  }
}

if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log(`type checks: ${passed} as intended`);
