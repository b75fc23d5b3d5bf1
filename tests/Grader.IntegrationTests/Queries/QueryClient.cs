using System.Net;
using System.Text.Json;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Queries;

/// <summary>GETs a query (with the stack's admin key) and hands back its JSON, failing with the body on a non-200.</summary>
internal static class QueryClient
{
    public const string AssignmentPath = $"/api/v1/courses/{SeededCourse.Course}/assignments/{SeededCourse.Assignment}";

    public static async Task<JsonElement> GetJsonAsync(ServiceStack stack, string path)
    {
        using var response = await stack.Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    public static async Task<JsonElement> GetProblemAsync(ServiceStack stack, string path, HttpStatusCode status)
    {
        using var response = await stack.Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    public static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}
