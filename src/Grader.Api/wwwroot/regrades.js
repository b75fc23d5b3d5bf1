// A running regrade's progress bar, refreshed once a second from the job page's own ?handler=progress (same session, no
// API key in the page); when the job ends the page reloads to show its changes and failures. Served by the API.
"use strict";
(() => {
    const section = document.getElementById("job-progress");
    if (!section || section.dataset.state !== "running") { return; }
    const set = (id, value) => { const el = document.getElementById(id); if (el) { el.textContent = String(value); } };
    const poll = async () => {
        try {
            const response = await fetch(section.dataset.progressUrl, { headers: { Accept: "application/json" }, cache: "no-store" });
            if (!response.ok) { return; }
            const job = await response.json();
            const bar = document.getElementById("job-bar");
            bar.max = Math.max(job.total, 1);
            bar.value = job.done;
            set("job-state", job.state); set("job-done", job.done); set("job-total", job.total);
            set("job-changed", job.changed); set("job-failed", job.failed);
            if (job.state !== "running") { window.location.reload(); return; }
        } catch { /* a missed poll is retried */ }
        setTimeout(poll, 1000);
    };
    setTimeout(poll, 1000);
})();
