// The control panel's layout at the current viewport: does anything of the jobs table (its force
// buttons above all) paint over the client report, and does the page need a sideways scroll?
// Evaluated as `(<this file>)()`.
() => {
  const jobs = document.querySelector("section.jobs").getBoundingClientRect();
  const report = document.querySelector("section.report").getBoundingClientRect();
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const visible = (r) => r.width > 0 && r.height > 0;
  const buttons = [...document.querySelectorAll("section.jobs button, section.jobs td")];
  const overReport = buttons.filter((b) => {
    const r = b.getBoundingClientRect();
    // What is painted there: clipped by the jobs section's scroller, a cell outside it is not seen.
    const clipped = r.left >= jobs.right || r.right <= jobs.left;
    return visible(r) && !clipped && overlaps(r, report);
  }).map((b) => b.outerHTML.slice(0, 60));
  const forceButtons = [...document.querySelectorAll("td.force button")];
  const forceVisible = forceButtons.filter((b) => {
    const r = b.getBoundingClientRect();
    return visible(r) && r.left >= jobs.left && r.right <= jobs.right + 0.5;
  }).length;
  return JSON.stringify({
    width: innerWidth,
    sideways: document.documentElement.scrollWidth > innerWidth,
    overReport,
    forceButtons: forceButtons.length,
    forceVisible,
    reportBelow: report.top >= jobs.bottom,
  });
}
