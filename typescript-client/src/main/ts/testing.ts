// Test helpers for the kit's mock (`reels-api-client/testing`): each test, or each Playwright
// worker, takes a tenant of its own, so advancing time, resetting or pinning states in one never
// moves another's jobs. They call the mock's admin API (docs/mock.md, "Tenants"); against the real
// API they have nothing to call.
import { createReelsClient, type JobStatus, type ReelsClient, type ReelsClientOptions } from "./index.js";

export interface TestTenantOptions {
  /** The mock, e.g. `http://127.0.0.1:8089`. */
  baseUrl: string;
  /** 1-64 of `A-Z a-z 0-9 . _ -`, unique on the mock; the mock picks `tenant-<n>` when absent. */
  name?: string;
  /** The mock's admin token, when it has one (a mock bound off loopback). */
  adminToken?: string;
  /** Passed on to the tenant's {@link ReelsClient} (e.g. a `fetch` of your own). */
  clientOptions?: Omit<ReelsClientOptions, "baseUrl" | "token">;
}

/** What the admin API answers for a tenant. */
export interface TenantState {
  tenant: string;
  now: string;
  offset_seconds: number;
  pin: JobStatus | null;
  jobs: number;
}

/** One tenant of the mock: a token, a client that uses it, and the tenant's own clock and pins. */
export interface TestTenant {
  /** As the admin API and the control panel name it. */
  readonly name: string;
  /** Submits into this tenant; minted by the mock, valid whatever its token list. */
  readonly token: string;
  /** A client for this tenant's token. */
  readonly client: ReelsClient;
  /** The tenant as the mock sees it now (its clock, pin and job count). */
  state(): Promise<TenantState>;
  /** Moves this tenant's clock forward; only its jobs move on (at their next poll). */
  advanceClock(seconds: number): Promise<TenantState>;
  /** Every job of this tenant back to its first state; how many. */
  reset(): Promise<number>;
  /** Holds every job this tenant creates from now on in `state`. */
  pinNewJobs(state: JobStatus): Promise<void>;
  /** Stops pinning and releases every held job of this tenant; how many were held. */
  releaseAll(): Promise<number>;
  /** Puts job `id` in `state` now and holds it there. */
  pin(id: number, state: JobStatus): Promise<void>;
  /** Lets job `id` go on from the state it is held in. */
  release(id: number): Promise<void>;
  /** Deletes the tenant and its jobs. */
  close(): Promise<void>;
}

/** A failed admin call: the status and the mock's message (never a token). */
export class MockAdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "MockAdminError";
  }
}

/** Creates a tenant on the mock and answers it with a client for its token. */
export async function createTestTenant(options: TestTenantOptions): Promise<TestTenant> {
  const base = options.baseUrl.replace(/\/+$/, "");
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (options.adminToken) headers["Authorization"] = `Bearer ${options.adminToken}`;
    const response = await fetch(`${base}/__admin/reels${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: { error?: string; message?: string } & Record<string, unknown> = {};
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      // not JSON: the message below quotes the status only
    }
    if (!response.ok) {
      throw new MockAdminError(
        response.status,
        `${method} /__admin/reels${path} answered ${response.status}: ${json.error ?? json.message ?? "(no JSON body)"}`,
      );
    }
    return json as T;
  };

  const created = await admin<TenantState & { token: string }>(
    "POST",
    "/tenants",
    options.name === undefined ? {} : { name: options.name },
  );
  const name = created.tenant;
  const token = created.token;
  const path = `/tenants/${encodeURIComponent(name)}`;
  return {
    name,
    token,
    client: createReelsClient({ ...options.clientOptions, baseUrl: base, token }),
    state: () => admin<TenantState>("GET", path),
    advanceClock: (seconds) => admin<TenantState>("POST", `${path}/clock/advance`, { seconds }),
    reset: async () => (await admin<{ reset: number }>("POST", `${path}/reset`, {})).reset,
    pinNewJobs: async (state) => {
      await admin("PUT", `${path}/pin`, { state });
    },
    releaseAll: async () => (await admin<{ released: number }>("DELETE", `${path}/pin`)).released,
    pin: async (id, state) => {
      await admin("PUT", `/jobs/${id}/pin`, { state });
    },
    release: async (id) => {
      await admin("DELETE", `/jobs/${id}/pin`);
    },
    close: async () => {
      await admin("DELETE", path);
    },
  };
}
