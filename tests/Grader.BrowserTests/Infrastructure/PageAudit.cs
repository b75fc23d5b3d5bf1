using System.Text.Json;
using Microsoft.Playwright;

namespace Grader.BrowserTests.Infrastructure;

/// <summary>
/// Checks that hold on every staff page, read from the page as the browser built it: what it would fetch from elsewhere,
/// which controls have no accessible name, which POST forms carry no antiforgery token, and which controls the Tab key
/// never reaches.
/// </summary>
public static class PageAudit
{
    /// <summary>Roles a person operates or reads as one thing: each needs a name a screen reader can say.</summary>
    private static readonly HashSet<string> NamedRoles =
        ["button", "checkbox", "combobox", "link", "listbox", "radio", "searchbox", "slider", "spinbutton", "switch", "textbox", "progressbar", "img"];

    /// <summary>Opens every <c>&lt;details&gt;</c>, so that what is one click away is checked too.</summary>
    public static Task OpenAllDetailsAsync(this IPage page) =>
        page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");

    /// <summary>Addresses in the page's attributes and inline styles that point outside its own origin.</summary>
    public static async Task<IReadOnlyList<string>> OutsideAddressesAsync(this IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
                const names = ['src', 'href', 'action', 'formaction', 'poster', 'data', 'srcset', 'xlink:href', 'ping', 'manifest', 'background'];
                const found = [];
                for (const e of document.querySelectorAll('*')) {
                    for (const name of names) {
                        const value = e.getAttribute(name);
                        if (value !== null) { found.push(...value.split(',').map(v => v.trim().split(/\s+/)[0]).filter(v => v)); }
                    }
                    const style = e.getAttribute('style') || '';
                    for (const m of style.matchAll(/url\(\s*['"]?([^'")]+)/g)) { found.push(m[1]); }
                }
                for (const sheet of document.styleSheets) {
                    if (sheet.href) { found.push(sheet.href); }
                    let rules = [];
                    try { rules = [...sheet.cssRules]; } catch { continue; } // another origin's sheet: its href is listed
                    for (const rule of rules) {
                        for (const m of rule.cssText.matchAll(/url\(\s*['"]?([^'")]+)/g)) { found.push(m[1]); }
                        if (rule.href) { found.push(rule.href); }
                    }
                }
                return found.filter(v => {
                    if (v.startsWith('#') || v.startsWith('data:')) { return false; }
                    const url = new URL(v, document.baseURI);
                    return url.origin !== location.origin;
                });
            }
            """);

    /// <summary>Each control (by role) that the accessibility tree gives no name, as "role: outer HTML".</summary>
    public static async Task<IReadOnlyList<string>> UnnamedControlsAsync(this IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var tree = await cdp.SendAsync("Accessibility.getFullAXTree");
        var unnamed = new List<string>();
        foreach (var node in tree!.Value.GetProperty("nodes").EnumerateArray())
        {
            if (node.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean())
            {
                continue;
            }

            var role = node.TryGetProperty("role", out var r) ? r.GetProperty("value").GetString() ?? "" : "";
            var name = node.TryGetProperty("name", out var n) && n.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString() : null;
            if (NamedRoles.Contains(role) && string.IsNullOrWhiteSpace(name))
            {
                unnamed.Add($"{role}: {await DescribeAsync(cdp, node)}");
            }
        }

        await cdp.DetachAsync();
        return unnamed;
    }

    /// <summary>The <c>action</c> of each POST form without the hidden antiforgery field.</summary>
    public static async Task<IReadOnlyList<string>> PostFormsWithoutTokenAsync(this IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('form')]
                .filter(f => f.method.toLowerCase() === 'post' && !f.querySelector('input[type=hidden][name=__RequestVerificationToken]')?.value)
                .map(f => f.getAttribute('action') || location.pathname)
            """);

    /// <summary>
    /// Presses Tab until focus comes round again and answers the visible controls it never reached (links, buttons,
    /// fields, summaries): what a person without a mouse cannot use.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ControlsTabNeverReachesAsync(this IPage page)
    {
        var count = await page.EvaluateAsync<int>("""
            () => {
                const controls = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
                    .filter(e => !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
                controls.forEach((e, i) => e.dataset.tabAudit = String(i));
                document.activeElement?.blur();
                return controls.length;
            }
            """);
        var reached = new HashSet<string>();
        string? first = null;
        // A date or time field takes one stop per segment (day, month, year, hours…): room for them, ended by the cycle.
        for (var press = 0; press < (count * 8) + 20; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var id = await page.EvaluateAsync<string?>("() => document.activeElement?.dataset?.tabAudit ?? null");
            if (id is null)
            {
                continue;
            }

            if (id == first)
            {
                break;
            }

            first ??= id;
            reached.Add(id);
        }

        return await page.EvaluateAsync<string[]>(
            "reached => [...document.querySelectorAll('[data-tab-audit]')].filter(e => !reached.includes(e.dataset.tabAudit)).map(e => e.outerHTML.slice(0, 120))",
            reached.ToArray());
    }

    private static async Task<string> DescribeAsync(ICDPSession cdp, JsonElement node)
    {
        if (!node.TryGetProperty("backendDOMNodeId", out var id))
        {
            return "(no DOM node)";
        }

        var html = await cdp.SendAsync("DOM.getOuterHTML", new() { ["backendNodeId"] = id.GetInt32() });
        var text = html!.Value.GetProperty("outerHTML").GetString() ?? "";
        return text.Length > 160 ? text[..160] : text;
    }
}
