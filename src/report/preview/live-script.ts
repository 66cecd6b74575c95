/**
 * The script a preview adds to every page it serves: it listens to the preview's events and reloads the page
 * when its notebooks were republished, or lays the current problems (a failed cell, bad data) over the page,
 * which stays the last good one underneath.
 */
export const LIVE_SCRIPT_PATH = "/__roilab/live.js";
export const EVENTS_PATH = "/__roilab/events";
const OVERLAY_ID = "roilab-preview-problems";

export const LIVE_SCRIPT = `(() => {
  // The page's path tells the preview which notebooks to run first after a change.
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)} + "?page=" + encodeURIComponent(location.pathname));
  const show = (problems) => {
    let overlay = document.getElementById(${JSON.stringify(OVERLAY_ID)});
    if (!problems.length) { if (overlay) overlay.remove(); return; }
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = ${JSON.stringify(OVERLAY_ID)};
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff5f5;color:#5c0000;border:2px solid #b00020;border-radius:6px;padding:1rem;box-shadow:0 4px 24px rgba(0,0,0,.25);font:14px/1.4 system-ui,sans-serif";
      document.body.appendChild(overlay);
    }
    overlay.replaceChildren();
    const title = document.createElement("strong");
    // In the page's language: a page published in Chinese says so in <html lang>.
    title.textContent = document.documentElement.lang === "zh-CN"
      ? "roilab 预览：" + problems.length + " 个问题；页面显示的是上次成功运行的结果"
      : "roilab preview: " + (problems.length === 1 ? "a problem" : problems.length + " problems") + "; the page shows the last good run";
    overlay.appendChild(title);
    for (const problem of problems) {
      const text = document.createElement("pre");
      text.style.cssText = "white-space:pre-wrap;margin:.75rem 0 0;font:13px/1.4 ui-monospace,monospace";
      text.textContent = problem;
      overlay.appendChild(text);
    }
  };
  events.addEventListener("problems", (event) => show(JSON.parse(event.data)));
  events.addEventListener("reload", () => location.reload());
})();
`;
