using System.Net;
using System.Net.Http.Json;
using Grader.Api.Regrades;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Regrades;

/// <summary>Starts, watches and cancels regrade jobs through the API, the way staff would.</summary>
internal static class RegradeClient
{
    public static async Task<RegradeJobView> StartAsync(ServiceStack stack, object request)
    {
        using var response = await stack.Http.PostAsJsonAsync("/api/v1/regrades", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = (await response.Content.ReadFromJsonAsync<RegradeJobView>(ServiceStack.Json))!;
        Assert.Equal($"/api/v1/regrades/{job.Id}", response.Headers.Location?.OriginalString);
        return job;
    }

    private static int _filters;

    /// <summary>
    /// A <c>submittedBefore</c> far in the future (it keeps every submission) that no other job of this run uses: a test
    /// that starts jobs beside others' on a shared stack gives each its own filter, as a second running job with the same
    /// filter is a 409.
    /// </summary>
    public static DateTimeOffset OwnFilter() => new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(Interlocked.Increment(ref _filters));

    public static async Task<RegradeJobView> GetAsync(ServiceStack stack, Guid id) =>
        (await stack.Http.GetFromJsonAsync<RegradeJobView>($"/api/v1/regrades/{id}", ServiceStack.Json))!;

    public static async Task<RegradeJobView> WaitForStateAsync(ServiceStack stack, Guid id, string state, TimeSpan timeout)
    {
        RegradeJobView? last = null;
        await Eventually.HoldsAsync(async () => (last = await GetAsync(stack, id)).State == state, timeout,
            $"regrade {id} to become {state}");
        return last!;
    }

    public static async Task WaitForDoneAsync(ServiceStack stack, Guid id, int atLeast, TimeSpan timeout) =>
        await Eventually.HoldsAsync(async () => (await GetAsync(stack, id)).Done >= atLeast, timeout,
            $"regrade {id} to regrade {atLeast} submissions");
}
