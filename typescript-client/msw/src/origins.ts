// Which browser origins may read the mock's answers (CORS), by the JVM mock's rule: loopback
// origins (`localhost`, `*.localhost`, `127.0.0.1`, `[::1]`) on http or https and any port, plus each
// `--allowed-origin` pattern: `[scheme://]host[:port]`, where a missing scheme means http or https,
// a missing port or `*` any port, a host `*.name` any subdomain of name, and `*` alone any origin.

const LOOPBACK = ["localhost", "*.localhost", "127.0.0.1", "[::1]"];

interface OriginPattern {
  schemes: string[];
  host: string;
  port: string | null;
}

export function parseOriginPattern(text: string): OriginPattern | "any" {
  const value = text.trim().toLowerCase();
  if (value === "*") return "any";
  const m = /^(?:(https?):\/\/)?(\*\.[a-z0-9.-]+|[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\*|\d{1,5}))?\/?$/.exec(value);
  if (!m) throw new Error(`--allowed-origin '${text}' is not [scheme://]host[:port] (host may be *.name, port may be *)`);
  return { schemes: m[1] ? [m[1]] : ["http", "https"], host: m[2], port: m[3] && m[3] !== "*" ? m[3] : null };
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

export class AllowedOrigins {
  private readonly patterns: OriginPattern[] = [];
  private any = false;

  constructor(extra: string[] = []) {
    for (const host of LOOPBACK) this.patterns.push({ schemes: ["http", "https"], host, port: null });
    for (const text of extra) {
      const p = parseOriginPattern(text);
      if (p === "any") this.any = true;
      else this.patterns.push(p);
    }
  }

  allows(origin: string | null | undefined): boolean {
    if (!origin) return false;
    const m = /^(https?):\/\/([^/:]+|\[[0-9a-fA-F:.]+\])(?::(\d{1,5}))?$/.exec(origin.toLowerCase());
    if (!m) return false;
    if (this.any) return true;
    const [, scheme, host, port] = m;
    return this.patterns.some((p) => p.schemes.includes(scheme) && hostMatches(p.host, host) && (p.port === null || p.port === port));
  }
}

export const ALLOWED_HEADERS = "Authorization, Content-Type, Prefer";
export const ALLOWED_METHODS = "GET, POST, OPTIONS";
/** What a page may read of an answer besides the CORS-safelisted headers. */
export const EXPOSED_HEADERS = "Retry-After, X-Reels-Limits, X-Reels-Api-Version, X-Reels-Reading";

/** The headers every answer to an allowed origin carries. */
export function corsHeaders(origins: AllowedOrigins, origin: string | null | undefined): Record<string, string> {
  return origins.allows(origin)
    ? { "Access-Control-Allow-Origin": origin!, "Access-Control-Expose-Headers": EXPOSED_HEADERS, Vary: "Origin" }
    : {};
}

/** The headers of a preflight answer (204); only CORS-free `Allow` when the origin is not allowed. */
export function preflightHeaders(origins: AllowedOrigins, origin: string | null | undefined): Record<string, string> {
  const h = corsHeaders(origins, origin);
  return Object.keys(h).length === 0
    ? {}
    : { ...h, "Access-Control-Allow-Methods": ALLOWED_METHODS, "Access-Control-Allow-Headers": ALLOWED_HEADERS, "Access-Control-Max-Age": "600" };
}
