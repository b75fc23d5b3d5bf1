using Microsoft.Playwright;

namespace Grader.BrowserTests.Infrastructure;

/// <summary>A table's body rows as the reader sees them: each row's cells' text, tab-separated.</summary>
public static class Tables
{
    public static async Task<IReadOnlyList<string>> RowsAsync(this IPage page, string table) =>
        await page.Locator($"{table} tbody tr").EvaluateAllAsync<string[]>(
            "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent.trim()).join('\\t'))");
}
