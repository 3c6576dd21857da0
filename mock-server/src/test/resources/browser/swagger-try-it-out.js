// Drives the mock's Swagger UI as a person would: Authorize with a Bearer token, open
// "GET /api/v1/reels/{id}", "Try it out", id 42, "Execute"; answers the live response panel.
// Evaluated through the DevTools protocol as `(<this file>)(token)`; every wait is bounded.
async (token) => {
  const sleep = (ms) => new Promise((res) => setTimeout(res, ms));
  async function find(selector, root = document, timeoutMs = 15000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = root.querySelector(selector);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${selector} after ${timeoutMs} ms`);
      await sleep(50);
    }
  }
  // React owns the inputs: set the value through the native setter, then fire "input".
  function type(input, text) {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    setter.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  (await find("button.authorize")).click();
  const dialog = await find(".modal-ux");
  type(await find("input", dialog), token);
  (await find(".auth-btn-wrapper button.authorize", dialog)).click();
  (await find("button.btn-done", dialog)).click();

  const operation = await find("#operations-reels-getReel");
  // Only the summary's button toggles the operation open in Swagger UI 4 and later.
  (await find("button.opblock-summary-control", operation)).click();
  (await find("button.try-out__btn", operation)).click();
  const id = await find("input[placeholder='id']", operation);
  if (id.value !== "42") type(id, "42");
  (await find("button.execute", operation)).click();

  const live = await find(".live-responses-table .response", operation);
  const body = await find(".live-responses-table .microlight, .live-responses-table pre", operation);
  return JSON.stringify({
    status: (await find(".response-col_status", live)).textContent.trim(),
    body: body.textContent,
    requestUrl: (operation.querySelector(".request-url pre") || {}).textContent || ""
  });
}
