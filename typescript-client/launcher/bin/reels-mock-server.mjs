#!/usr/bin/env node
// Starts the kit's JVM mock (reels-mock-server.jar, beside this folder) with the user's java:
// `npx reels-mock-server --port 8089`; every argument goes to the jar (`--help` lists them).
// The java is $JAVA_HOME/bin/java when JAVA_HOME is set, else `java` on the PATH; it must be 17+.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const jar = join(dirname(fileURLToPath(import.meta.url)), "..", "reels-mock-server.jar");
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java";
const INSTALL = "Install Java 17 or later, a JDK or JRE (e.g. apt-get install openjdk-17-jre-headless, " +
  "brew install openjdk@17, or https://adoptium.net) and put its java on the PATH or set JAVA_HOME. " +
  "No Java at all? The MSW pack runs the mock in node: npx reels-api-msw --port 8089";

function fail(message) {
  console.error(`reels-mock-server: ${message}`);
  process.exit(1);
}

if (!existsSync(jar)) fail(`${jar} is missing from the package; reinstall it`);

/** The major version `java -version` reports (1.8 -> 8), or null when there is no java. */
function javaMajor() {
  const probe = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return null;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`);
  if (!m) return 0;
  return m[1] === "1" ? Number(m[2]) : Number(m[1]);
}

const major = javaMajor();
if (major === null) {
  fail(`no Java found (${java === "java" ? "no java on the PATH" : `${java} does not run`}). ${INSTALL}`);
}
if (major < 17) fail(`Java ${major || "of unknown version"} found at ${java}; the mock needs Java 17 or later. ${INSTALL}`);

const child = spawn(java, ["-jar", jar, ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
child.on("error", (e) => fail(`cannot start ${java}: ${e.message}`));
