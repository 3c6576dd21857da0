// Who may call the API, by the JVM mock's rule (TokenRules): any `ist_` token of letters, digits,
// `_` and `-` (so the docs' `ist_your_token` works) unless a list of valid tokens narrows it;
// revoked tokens get 401, tokens without permission 403.

export type Verdict = "valid" | "missing" | "invalid" | "revoked" | "forbidden";

export interface TokenRuleOptions {
  /** Only these tokens are valid; default: any well-formed `ist_` token. */
  valid?: string[];
  revoked?: string[];
  forbidden?: string[];
}

const FORMAT = /^ist_[A-Za-z0-9_-]+$/;

export function tokenOf(authorization: string | null): string | null {
  const value = authorization?.trim() ?? "";
  return value.length >= 7 && value.slice(0, 7).toLowerCase() === "bearer " ? value.slice(7).trim() : null;
}

/** Whether the header carries a Bearer token at all (else the errors page's "token required"). */
export function hasBearerToken(authorization: string | null): boolean {
  return tokenOf(authorization) !== null;
}

export function checkToken(authorization: string | null, rules: TokenRuleOptions = {}): Verdict {
  if (authorization === null || authorization.trim() === "") return "missing";
  const token = tokenOf(authorization);
  if (token === null || !FORMAT.test(token)) return "invalid";
  if (rules.revoked?.includes(token)) return "revoked";
  if (rules.forbidden?.includes(token)) return "forbidden";
  if (rules.valid && rules.valid.length > 0 && !rules.valid.includes(token)) return "invalid";
  return "valid";
}
