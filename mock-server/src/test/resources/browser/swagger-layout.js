// The docs page's layout as a person sees it: is the control panel link covering any of Swagger
// UI's buttons, inputs or links, and which server does "Try it out" default to?
// Evaluated through the DevTools protocol as `(<this file>)()`; every wait is bounded.
async () => {
  const sleep = (ms) => new Promise((res) => setTimeout(res, ms));
  const deadline = Date.now() + 20000;
  let select;
  while (!(select = document.querySelector(".servers select")) || !select.options.length
      || !document.querySelector("#operations-reels-getReel") || !document.querySelector("button.authorize")) {
    if (Date.now() > deadline) throw new Error("Swagger UI did not render its servers, operations and Authorize");
    await sleep(50);
  }
  await sleep(300); // let onComplete's updated servers render
  select = document.querySelector(".servers select");
  const link = document.getElementById("reels-control-panel-link");
  const l = link.getBoundingClientRect();
  const overlaps = (r) => r.width > 0 && r.height > 0
    && l.left < r.right && r.left < l.right && l.top < r.bottom && r.top < l.bottom;
  const covered = [...document.querySelectorAll("#swagger-ui button, #swagger-ui input, #swagger-ui select, #swagger-ui a")]
    .filter((e) => overlaps(e.getBoundingClientRect()))
    .map((e) => e.outerHTML.slice(0, 80));
  // What is on top at the centre of each of Swagger UI's buttons: the button (or inside it).
  const hidden = [...document.querySelectorAll("#swagger-ui button")]
    .filter((b) => { const r = b.getBoundingClientRect(); return r.width > 0 && r.top >= 0 && r.top < innerHeight; })
    .filter((b) => { const r = b.getBoundingClientRect(); const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return top && !b.contains(top); })
    .map((b) => b.outerHTML.slice(0, 80));
  return JSON.stringify({
    linkVisible: l.width > 0 && l.height > 0,
    covered,
    hidden,
    selectedServer: select.value,
    servers: [...select.options].map((o) => o.value),
  });
}
