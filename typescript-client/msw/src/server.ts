// `reels-api-msw --port 8089`: the pack's MSW handlers served over HTTP with @mswjs/http-middleware,
// a mock of the Reels API without a JVM that any tool in any language can be pointed at (the kit's
// contract suite is, in the build). Loopback only unless --bind says otherwise.
import { createServer as createMswServer } from "@mswjs/http-middleware";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseArgs } from "node:util";
import { isApiPath } from "./api.js";
import { createReelsMock, type ReelsMock } from "./handlers.js";
import { isStatus, type JobStatus } from "./lifecycle.js";
import { parsePrefer } from "./prefer.js";
import { AllowedOrigins, corsHeaders, preflightHeaders, ALLOWED_METHODS } from "./origins.js";
import { profiles, type ProfileName } from "./timing.js";
import { data } from "./data.js";
import type { TokenRuleOptions } from "./tokens.js";

const USAGE = `usage: reels-api-msw [--port N] [--bind ADDR] [--profile quick|fast|realistic] [--seed N]
                     [--time-scale X] [--readings spec|rotate] [--pin STATE] [--allowed-origin PATTERN]...

The Reels API mock as MSW handlers over HTTP (no JVM). Jobs move pending -> processing -> done|error.
  --port N              port to listen on (default 8089; 0 picks a free one)
  --bind ADDR           address to bind (default 127.0.0.1)
  --profile NAME        job timing: quick (default), fast or realistic
  --seed N              seed of the realistic timings (default 42)
  --time-scale X        mock seconds per real second (default 1)
  --readings MODE       spec (default) or rotate: every legal reading of a job, picked by its reel code
  --pin STATE           hold every job in this state (pending, processing, done, error)
  --allowed-origin P    also let browser pages on this origin read answers (repeatable), e.g.
                        http://192.168.1.20:5173, https://*.example.test, https://localhost:*
  --help                this text

Tokens are secrets and have no flag: REELS_MOCK_TOKENS (only these are valid), REELS_MOCK_REVOKED_TOKENS
(401) and REELS_MOCK_FORBIDDEN_TOKENS (403), comma-separated, as for the JVM mock.`;

export interface ServerOptions {
  port: number;
  bind: string;
  profile: ProfileName;
  seed: number;
  timeScale: number;
  readings: "spec" | "rotate";
  pin?: JobStatus;
  allowedOrigins: string[];
  tokens?: TokenRuleOptions;
}

/** The JVM mock's token variables: comma-separated lists, never flags. */
export function tokensFromEnvironment(env: Record<string, string | undefined>): TokenRuleOptions {
  const list = (name: string) =>
    (env[name] ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter((t) => t !== "");
  return { valid: list("REELS_MOCK_TOKENS"), revoked: list("REELS_MOCK_REVOKED_TOKENS"), forbidden: list("REELS_MOCK_FORBIDDEN_TOKENS") };
}

export class UsageError extends Error {}

export function parseOptions(argv: string[]): ServerOptions | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string", default: "8089" },
        bind: { type: "string", default: "127.0.0.1" },
        profile: { type: "string", default: "quick" },
        seed: { type: "string", default: "42" },
        "time-scale": { type: "string", default: "1" },
        readings: { type: "string", default: "spec" },
        pin: { type: "string" },
        "allowed-origin": { type: "string", multiple: true, default: [] },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return "help";
  const port = Number(values.port);
  if (!/^\d{1,5}$/.test(values.port!) || port > 65535) throw new UsageError(`--port must be 0-65535, was '${values.port}'`);
  if (!(profiles as string[]).includes(values.profile!)) {
    throw new UsageError(`unknown profile '${values.profile}' (expected realistic, fast or quick)`);
  }
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be an integer, was '${values.seed}'`);
  const timeScale = Number(values["time-scale"]);
  if (!(timeScale >= 0) || !Number.isFinite(timeScale)) throw new UsageError(`--time-scale must be a number >= 0, was '${values["time-scale"]}'`);
  if (values.readings !== "spec" && values.readings !== "rotate") throw new UsageError(`--readings must be spec or rotate, was '${values.readings}'`);
  if (values.pin !== undefined && !isStatus(values.pin)) throw new UsageError(`--pin must be a job status, was '${values.pin}'`);
  const allowedOrigins = values["allowed-origin"] as string[];
  try {
    new AllowedOrigins(allowedOrigins);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return {
    port,
    bind: values.bind!,
    profile: values.profile as ProfileName,
    seed,
    timeScale,
    readings: values.readings,
    pin: values.pin as JobStatus | undefined,
    allowedOrigins,
  };
}

export interface RunningServer {
  readonly url: string;
  readonly mock: ReelsMock;
  close(): Promise<void>;
}

/** Starts the handlers on HTTP; resolves once listening. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const mock = createReelsMock({
    profile: options.profile,
    seed: options.seed,
    timeScale: options.timeScale,
    readings: options.readings,
    pin: options.pin,
    tokens: options.tokens,
  });
  const origins = new AllowedOrigins(options.allowedOrigins);
  // http-middleware is CommonJS and reads msw's CommonJS typings; the handlers are the same objects.
  const msw = createMswServer(...(mock.handlers as unknown as Parameters<typeof createMswServer>));
  msw.disable("x-powered-by");
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    const origin = req.headers.origin;
    for (const [k, v] of Object.entries(corsHeaders(origins, origin))) res.setHeader(k, v);
    if (!isApiPath(path)) {
      json(res, 404, { error: "not found" });
      return;
    }
    if (req.method === "OPTIONS") {
      res.writeHead(204, { Allow: ALLOWED_METHODS, ...preflightHeaders(origins, origin) });
      res.end();
      return;
    }
    const prefer = parsePrefer((req.headers.prefer as string | undefined) ?? null);
    if (prefer?.fault && !prefer.invalid) {
      // Every fault ends the exchange without an answer; the client sees a broken connection.
      req.socket.destroy();
      return;
    }
    msw(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.bind, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const host = options.bind.includes(":") ? `[${options.bind}]` : options.bind;
  return {
    url: `http://${host}:${port}`,
    mock,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function describeTokens(t: TokenRuleOptions = {}): string {
  let rule = t.valid?.length ? `${t.valid.length} listed token(s) only` : "any Bearer token ist_<letters, digits, _ or -> (the docs' ist_your_token works)";
  if (t.revoked?.length) rule += `, ${t.revoked.length} revoked (401)`;
  if (t.forbidden?.length) rule += `, ${t.forbidden.length} without permission (403)`;
  return rule;
}

export async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`error: ${e.message}\n\n${USAGE}`);
    return 64;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  options.tokens = tokensFromEnvironment(process.env);
  let running: RunningServer;
  try {
    running = await startServer(options);
  } catch (e) {
    console.error(`error: cannot listen on ${options.bind}:${options.port}: ${(e as Error).message}`);
    return 2;
  }
  console.log(
    [
      `Reels API mock (MSW handlers, no JVM) on ${running.url}`,
      `  spec ${data.version}; profile ${options.profile}: ${data.profiles[options.profile].description}`,
      `  token: ${describeTokens(options.tokens)}`,
      `  magic reel codes: ERROR, ERRORlong, ERRORnovideo, ERRORdownload, HTTP500, NOSPEECH, NOMETA, FLAKY, SLOW`,
      `  readings: ${options.readings}${options.pin ? `; every job pinned ${options.pin}` : ""}`,
      `  try: curl -s -X POST -H 'Authorization: Bearer ist_your_token' -H 'Content-Type: application/json' \\`,
      `         -d '{"url":"https://www.instagram.com/reel/DYa0IXPgnP5/"}' ${running.url}/api/v1/reels/analyze`,
    ].join("\n"),
  );
  const stop = () => {
    void running.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return -1; // keeps running
}
