// Helpers the control panel's browser test evaluates in the page. Each returns a promise.
window.panelTest = {
  // Resolves with the attribute once the element has it equal to `want`; rejects after `ms`.
  async waitFor(selector, attribute, want, ms) {
    const end = Date.now() + ms;
    for (;;) {
      const el = document.querySelector(selector);
      const value = el && (attribute === "text" ? el.textContent : el.getAttribute(attribute));
      if (value !== null && value !== undefined && (want === null ? true : value === want || (attribute === "text" && value.includes(want)))) {
        return value;
      }
      if (Date.now() > end) {
        throw new Error(`${selector} ${attribute}: wanted ${want}, is ${value}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  },
  // Resolves once the panel has refreshed at least once more than now.
  async nextRefresh(ms) {
    const seen = Number(document.body.dataset.refreshes || 0);
    return this.waitFor("body", "data-refreshes", null, ms).then(async () => {
      const end = Date.now() + ms;
      while (Number(document.body.dataset.refreshes || 0) <= seen) {
        if (Date.now() > end) throw new Error("the panel did not refresh");
        await new Promise((r) => setTimeout(r, 50));
      }
      return document.body.dataset.refreshes;
    });
  },
  click(selector) {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`nothing matches ${selector}`);
    el.click();
    return "clicked";
  },
  type(selector, value) {
    document.querySelector(selector).value = value;
    return "typed";
  },
};
"ready";
