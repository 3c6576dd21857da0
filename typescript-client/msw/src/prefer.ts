// What a `Prefer` header asks of the mock, parsed as the JVM mock parses it (PreferHeader):
// Prism's `code=404` and `example=doneNoSpeech`, the kit's `fault=connection-reset` and
// `delay=1500`, and `state=done` on a submission (the job it creates is held in that state: the
// JVM mock's pinned-state header, docs/mock.md "Tenants: a clock, pins and jobs of one's own").

export const FAULTS = ["connection-reset", "empty-response", "malformed-chunk", "random-data"] as const;
export const MAX_DELAY_MS = 60_000;

export interface Prefer {
  code?: number;
  example?: string;
  fault?: string;
  delayMs?: number;
  state?: string;
  /** Why a value cannot be honoured (answered with 400). */
  invalid?: string;
}

/** The preferences in a header value; undefined when it asks for nothing the mock understands. */
export function parsePrefer(header: string | null): Prefer | undefined {
  if (header === null) return undefined;
  const p: Prefer = {};
  let asked = false;
  for (const part of header.split(/[,;]/)) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const key = part.slice(0, at).trim().toLowerCase();
    const value = part.slice(at + 1).trim().replaceAll('"', "");
    switch (key) {
      case "code":
        p.code = /^[+-]?\d+$/.test(value) && Math.abs(Number(value)) <= 2 ** 31 - 1 ? Number(value) : -1;
        asked = true;
        break;
      case "example":
        p.example = value;
        asked = true;
        break;
      case "fault":
        asked = true;
        if ((FAULTS as readonly string[]).includes(value.toLowerCase())) p.fault = value.toLowerCase();
        else p.invalid = `Prefer: fault must be one of ${FAULTS.join(", ")}; was '${value}'`;
        break;
      case "delay":
        asked = true;
        if (/^\d{1,6}$/.test(value) && Number(value) <= MAX_DELAY_MS) p.delayMs = Number(value);
        else p.invalid = `Prefer: delay must be whole milliseconds from 0 to ${MAX_DELAY_MS}; was '${value}'`;
        break;
      case "state":
        asked = true;
        p.state = value;
        break;
      default:
    }
  }
  return asked ? p : undefined;
}

/** Whether a documented response is forced (`code=` or `example=`). */
export function forcesResponse(p: Prefer): boolean {
  return p.code !== undefined || p.example !== undefined;
}
