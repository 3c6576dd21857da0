// The mock's control panel: plain JS over the admin API, same origin, JSON on every change.
"use strict";

// The job states, in the spec's order, from its x-lifecycle (GET /__admin/reels/lifecycle).
let STATES = [];
const REFRESH_MS = 1000;
const $ = (id) => document.getElementById(id);
let lastStatus = new Map();
let timer = null;
// The tenant shown and steered: its jobs, clock, pin and client report (?tenant= opens one).
let tenant = new URLSearchParams(location.search).get("tenant") || "default";
const tenantPath = () => `/reels/tenants/${encodeURIComponent(tenant)}`;
let tenantFingerprint = null;

async function admin(method, path, body) {
  const init = { method, headers: { Accept: "application/json" }, cache: "no-store" };
  if (method !== "GET") {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body ?? {});
  }
  const response = await fetch("/__admin" + path, init);
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) {
    const reason = (json && (json.error || json.message)) || text || response.statusText;
    throw new Error(`${method} /__admin${path}: ${response.status} ${reason}`);
  }
  return json;
}

function say(text, bad) {
  const m = $("message");
  m.textContent = text;
  m.className = bad ? "bad" : "";
}

async function act(label, fn) {
  try {
    const what = await fn();
    say(what || label);
  } catch (e) {
    say(e.message, true);
  }
  await refresh();
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) node.append(c);
  return node;
}

function age(seconds) {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 86400)} d`;
}

function renderJobs(list) {
  const body = $("jobs").tBodies[0];
  const rows = list.jobs.map((job) => {
    const changed = lastStatus.has(job.id) && lastStatus.get(job.id) !== job.status;
    const force = el("td", { class: "force" }, ...STATES.map(({ name: s }) => el("button", {
      type: "button", textContent: s, title: `PUT /__admin/reels/jobs/${job.id}/state {"state": "${s}"}`,
      disabled: s === job.status, "data-force": s,
      onclick: () => act(`job ${job.id} forced to ${s}`,
        () => admin("PUT", `/reels/jobs/${job.id}/state`, { state: s }).then((j) => `job ${job.id} is now ${j.status}`)),
    })));
    const hold = el("td", { class: "hold" }, el("button", {
      type: "button", textContent: job.pinned ? `release (${job.pinned})` : "hold",
      title: job.pinned ? `DELETE /__admin/reels/jobs/${job.id}/pin` : `PUT /__admin/reels/jobs/${job.id}/pin {"state": "${job.status}"}`,
      "data-hold": job.pinned ? "release" : "hold",
      onclick: () => job.pinned
        ? act(`job ${job.id} released`, () => admin("DELETE", `/reels/jobs/${job.id}/pin`).then(() => `job ${job.id} released`))
        : act(`job ${job.id} held`, () => admin("PUT", `/reels/jobs/${job.id}/pin`, { state: job.status })
          .then((j) => `job ${job.id} held ${j.pinned}`)),
    }));
    const status = el("span", { class: `badge ${job.status}`, textContent: job.status });
    if (job.error) status.title = job.error;
    return el("tr", { class: changed ? "changed" : "", "data-job-id": String(job.id), "data-status": job.status,
      "data-pinned": job.pinned || "" },
      el("td", { textContent: String(job.id) }),
      el("td", { class: "status" }, status),
      el("td", { class: "age", textContent: age(job.age_seconds) }),
      el("td", { class: "ends", textContent: `${job.ends_in} (${job.outcome})` }),
      el("td", { class: "url", textContent: job.url, title: job.url }),
      force, hold);
  });
  body.replaceChildren(...rows);
  lastStatus = new Map(list.jobs.map((j) => [j.id, j.status]));
  $("jobs-count").textContent = list.total > list.jobs.length
    ? `newest ${list.jobs.length} of ${list.total}` : `${list.total}`;
}

function renderTenants(list) {
  const select = $("tenant");
  const ids = list.tenants.map((t) => t.tenant);
  if (!ids.includes(tenant)) {
    say(`tenant ${tenant} is gone: showing default`, true);
    tenant = "default";
  }
  const current = list.tenants.find((t) => t.tenant === tenant);
  if (select.options.length !== ids.length || ids.some((id, i) => select.options[i].value !== id)) {
    select.replaceChildren(...list.tenants.map((t) => el("option", {
      value: t.tenant, textContent: t.name ?? (t.tenant === "default" ? "default" : `token ${t.fingerprint}`) })));
  }
  select.value = tenant;
  tenantFingerprint = current.fingerprint;
  const pin = $("tenant-pin");
  if (document.activeElement !== pin) pin.value = current.pin ?? "";
  $("tenant-info").textContent = `${current.jobs} job${current.jobs === 1 ? "" : "s"}`
    + (current.offset_seconds ? `, clock +${current.offset_seconds} s` : "");
  document.body.dataset.tenant = tenant;
}

function renderClock(clock) {
  const scale = clock.timeScale === 1 ? "" : clock.timeScale === 0 ? " (frozen)" : ` (x${clock.timeScale})`;
  $("clock-now").textContent = clock.now.replace("T", " ").replace(/\.\d+Z$/, "Z") + scale;
}

function renderReport(report) {
  const verdict = $("report-verdict");
  if (report.requests === 0) {
    verdict.textContent = "no API traffic yet";
    verdict.className = "verdict";
  } else {
    verdict.textContent = report.conforms ? "client conforms" : `client breaks ${report.failed} rule${report.failed === 1 ? "" : "s"}`;
    verdict.className = "verdict " + (report.conforms ? "ok" : "bad");
  }
  $("report-summary").textContent = `${report.requests} request${report.requests === 1 ? "" : "s"} judged`
    + `, ${report.passed} rules hold, ${report.failed} broken`
    + (report.advice > 0 ? `, ${report.advice} advice` : "") + ` (profile ${report.profile})`;
  $("report-rules").replaceChildren(...report.rules.map((rule) => {
    const item = el("li", { class: rule.passed ? "pass" : rule.severity === "advice" ? "advice" : "fail", "data-rule": rule.id },
      el("span", { class: "id", textContent: rule.id }), rule.title);
    if (!rule.passed && rule.violations.length > 0) {
      const v = rule.violations[0];
      item.append(el("span", { class: "why", textContent: [v.note, v.expected && `expected ${v.expected}`, v.actual && `actual ${v.actual}`]
        .filter(Boolean).join("; ") + (rule.violations.length > 1 ? ` (+${rule.violations.length - 1} more)` : "") }));
    }
    return item;
  }));
}

// The same timeline picture as check-client's report, drawn by the mock (no script inside).
async function refreshTimeline() {
  const response = await fetch("/__admin/reels/client-report?format=svg", { cache: "no-store" });
  if (!response.ok) throw new Error(`GET /__admin/reels/client-report?format=svg: ${response.status}`);
  const svg = new DOMParser().parseFromString(await response.text(), "image/svg+xml").documentElement;
  if (svg.nodeName !== "svg") throw new Error("the client report's timeline is not an SVG");
  $("report-timeline").replaceChildren(document.importNode(svg, true));
}

async function refresh() {
  try {
    renderTenants(await admin("GET", "/reels/tenants"));
    // A tenant's client report judges its token's traffic only (default: everyone's).
    const reportPath = tenantFingerprint
      ? `/reels/client-report?token=${encodeURIComponent(tenantFingerprint)}` : "/reels/client-report";
    const [jobs, clock, report] = await Promise.all([
      admin("GET", `/reels/jobs?limit=100&tenant=${encodeURIComponent(tenant)}`),
      admin("GET", `${tenantPath()}/clock`), admin("GET", reportPath)]);
    renderJobs(jobs);
    renderClock(clock);
    renderReport(report);
    await refreshTimeline();
    document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
  } catch (e) {
    say(`cannot refresh: ${e.message}`, true);
  }
}

function schedule() {
  clearInterval(timer);
  timer = $("auto-refresh").checked ? setInterval(refresh, REFRESH_MS) : null;
}

function reelUrl(code) {
  const trimmed = code.trim();
  return /^https?:\/\//.test(trimmed) ? trimmed : `https://www.instagram.com/reel/${encodeURIComponent(trimmed)}/`;
}

// The pin choices: hold a job in a state that is not terminal, or end it in one that is.
function renderStates(lifecycle) {
  STATES = lifecycle.states;
  $("tenant-pin").append(...STATES.map((s) => el("option", {
    value: s.name, textContent: `${s.terminal ? "end" : "held"} ${s.name}`,
  })));
}

document.addEventListener("DOMContentLoaded", async () => {
  $("submit-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const into = tenant === "default" ? "/reels/jobs" : `/reels/jobs?tenant=${encodeURIComponent(tenant)}`;
    act("submitted", () => admin("POST", into, { url: reelUrl($("reel-code").value) })
      .then((job) => `job ${job.id} created (${job.status}, ends in ${job.ends_in})`));
  });
  $("clock-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const seconds = Number($("advance-seconds").value);
    act("clock advanced", () => admin("POST", `${tenantPath()}/clock/advance`, { seconds })
      .then(() => `clock advanced by ${seconds} s (tenant ${tenant})`));
  });
  $("reset-jobs").addEventListener("click", () =>
    act("every job is back to its first state", () => admin("POST", `${tenantPath()}/reset`)
      .then((r) => `${r.reset} job(s) of tenant ${tenant} back to their first state`)));
  $("tenant").addEventListener("change", () => {
    tenant = $("tenant").value;
    history.replaceState(null, "", tenant === "default" ? location.pathname : `?tenant=${encodeURIComponent(tenant)}`);
    lastStatus = new Map();
    say(`showing tenant ${tenant}`);
    refresh();
  });
  $("tenant-pin").addEventListener("change", () => {
    const state = $("tenant-pin").value;
    act("pin changed", () => state
      ? admin("PUT", `${tenantPath()}/pin`, { state }).then(() => `new jobs of tenant ${tenant}: held ${state}`)
      : admin("DELETE", `${tenantPath()}/pin`).then((r) => `tenant ${tenant}: new jobs run, ${r.released} released`));
  });
  $("new-tenant").addEventListener("click", () =>
    act("tenant created", () => admin("POST", "/reels/tenants", {}).then((t) => {
      tenant = t.tenant;
      history.replaceState(null, "", `?tenant=${encodeURIComponent(tenant)}`);
      // Shown once, as the real dashboard shows a new token: the panel never shows it again.
      return `tenant ${t.tenant} created; its token (shown once): ${t.token}`;
    })));
  $("reset-report").addEventListener("click", () =>
    act("traffic forgotten: the report starts again", () => admin("DELETE", "/reels/client-report")));
  $("auto-refresh").addEventListener("change", schedule);
  try {
    renderStates(await admin("GET", "/reels/lifecycle"));
  } catch (e) {
    say(`cannot read the job states: ${e.message}`, true);
  }
  refresh();
  schedule();
});
