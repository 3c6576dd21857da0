// Type-checks the usage files against the built package, as a frontend's `tsc --strict` would:
// type-tests/compiles.ts must compile; every type-tests/fails-*.ts must fail, and with exactly the
// error code its first line names (`// expect TS18047`), so it fails for the intended reason.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { resolve } from "node:path";

// The usage files import "reels-api-client" as a frontend would: resolve it to the built folder.
rmSync("node_modules/reels-api-client", { recursive: true, force: true });
mkdirSync("node_modules", { recursive: true });
symlinkSync(resolve("reels-api-client"), "node_modules/reels-api-client", "dir");

const flags = ["--noEmit", "--strict", "--target", "es2022", "--module", "nodenext",
  "--moduleResolution", "nodenext", "--lib", "es2022,dom", "--pretty", "false"];

function tsc(file) {
  try {
    execFileSync("npx", ["--no-install", "tsc", ...flags, file], { encoding: "utf8", stdio: "pipe" });
    return { code: 0, output: "" };
  } catch (e) {
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

const failures = [];
const passing = tsc("type-tests/compiles.ts");
if (passing.code !== 0) {
  failures.push(`type-tests/compiles.ts must compile, but tsc said:\n${passing.output}`);
} else {
  console.log("ok   type-tests/compiles.ts compiles with tsc --noEmit --strict");
}
// The misuses the types must reject, pinned: a file deleted (or a new one not listed) fails the check,
// so the proof cannot shrink silently.
const expectedFailing = [
  "fails-an-error-body-without-error-or-message.ts",
  "fails-an-undocumented-status.ts",
  "fails-reading-result-of-a-failed-job.ts",
  "fails-reading-result-without-narrowing.ts",
];
const failing = readdirSync("type-tests").filter((f) => f.startsWith("fails-")).sort();
if (JSON.stringify(failing) !== JSON.stringify(expectedFailing)) {
  failures.push(`type-tests/fails-*.ts must be exactly ${expectedFailing.join(", ")}; found ${failing.join(", ") || "none"}`);
}
for (const name of failing) {
  const file = `type-tests/${name}`;
  const expected = /^\/\/ expect (TS\d+)/.exec(readFileSync(file, "utf8"))?.[1];
  const { code, output } = tsc(file);
  const codes = [...output.matchAll(/error (TS\d+)/g)].map((m) => m[1]);
  if (!expected) {
    failures.push(`${file}: its first line must be "// expect TS<code>"`);
  } else if (code === 0) {
    failures.push(`${file} must NOT compile (${expected}), but tsc accepted it`);
  } else if (codes.length === 0 || codes.some((c) => c !== expected)) {
    failures.push(`${file} must fail with ${expected} only, but tsc said:\n${output}`);
  } else {
    console.log(`ok   ${file} is rejected: ${output.trim().split("\n")[0]}`);
  }
}
if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log(`type checks: ${1 + failing.length} of ${1 + expectedFailing.length} as intended`);
