// The grading queue's keyboard: n / p next and previous answer, u next ungraded, 1–9 apply or remove a rubric item,
// c the comment, Ctrl+Enter save. Served by the API; the page works without it (links, checkboxes and a button).
"use strict";
(() => {
    const form = document.getElementById("grade-form");
    const total = document.getElementById("rubric-total");
    const typing = el => el && (el.isContentEditable || el.tagName === "TEXTAREA" || el.tagName === "SELECT"
        || (el.tagName === "INPUT" && !["checkbox", "radio", "button", "submit"].includes(el.type)));
    const go = id => { const link = document.getElementById(id); if (link) { link.click(); } };
    const items = () => form ? Array.from(form.querySelectorAll("input[name='grade.Items']")) : [];

    // What the applied items come to (summed, plus the adjustment, clamped to the part's points), as the server computes it.
    const showTotal = () => {
        if (!total || !form) { return; }
        const checked = items().filter(i => i.checked);
        if (checked.length === 0) { total.textContent = ""; return; }
        const adjustment = parseFloat(document.getElementById("adjustment")?.value || "0") || 0;
        const sum = checked.reduce((s, i) => s + parseFloat(i.dataset.points), 0) + adjustment;
        const max = parseFloat(form.dataset.max);
        total.textContent = `Items give ${Math.round(Math.min(Math.max(sum, 0), max) * 1000) / 1000} of ${max}`;
    };
    form?.addEventListener("change", showTotal);
    form?.addEventListener("input", showTotal);
    showTotal();

    document.addEventListener("keydown", event => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && form) {
            event.preventDefault();
            form.requestSubmit();
            return;
        }
        if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
        if (event.key === "n") { go("next"); }
        else if (event.key === "p") { go("previous"); }
        else if (event.key === "u") { go("next-ungraded"); }
        else if (event.key === "c") { event.preventDefault(); document.getElementById("comment")?.focus(); }
        else if (/^[1-9]$/.test(event.key)) {
            const box = document.getElementById(`item-${event.key}`);
            if (box) { box.checked = !box.checked; box.dispatchEvent(new Event("change", { bubbles: true })); }
        } else { return; }
    });
})();
