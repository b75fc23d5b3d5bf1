using System.Globalization;
using System.Threading.RateLimiting;
using Grader.Api.Access;
using Grader.Api.Staff;
using Grader.Api.Submissions;
using Grader.Contracts.Webhooks;
using Grader.ServiceDefaults.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Grader.Api.Extensions;

/// <summary>
/// ASP.NET Core's rate limiter, one global partitioned limiter: the signed webhook by its source, a staff page by its
/// session's key or, signing in, by address (<see cref="PageRateLimits"/>), a request with a valid key by the key, anything
/// else by client address. Over the budget: 429 with <c>Retry-After</c> and a ProblemDetails.
/// Runs after authentication (the key is known) and before authorization and the handlers (nothing is read or stored).
/// </summary>
public static class ApiRateLimits
{
    public static IHostApplicationBuilder AddApiRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .ValidateSettings((o, check) => check
                .Positive($"{RateLimitOptions.Section}:{nameof(o.PerKey)}:{nameof(RateLimit.PermitsPerMinute)}", o.PerKey.PermitsPerMinute)
                .Positive($"{RateLimitOptions.Section}:{nameof(o.PerSource)}:{nameof(RateLimit.PermitsPerMinute)}", o.PerSource.PermitsPerMinute)
                .Positive($"{RateLimitOptions.Section}:{nameof(o.PerClient)}:{nameof(RateLimit.PermitsPerMinute)}", o.PerClient.PermitsPerMinute)
                .Positive($"{RateLimitOptions.Section}:{nameof(o.PerSession)}:{nameof(RateLimit.PermitsPerMinute)}", o.PerSession.PermitsPerMinute)
                .Positive($"{RateLimitOptions.Section}:{nameof(o.PerSignIn)}:{nameof(RateLimit.PermitsPerMinute)}", o.PerSignIn.PermitsPerMinute)
                .Positive($"{RateLimitOptions.Section}:{nameof(o.MaxBodyBytes)}", o.MaxBodyBytes));
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            options.OnRejected = OnRejectedAsync;
        });
        return builder;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (context.GetEndpoint()?.Metadata.GetMetadata<SignedWebhook>() is not null)
        {
            string? source = context.Request.Headers[WebhookHeaders.Source];
            var sources = context.RequestServices.GetRequiredService<IOptionsMonitor<WebhookOptions>>().CurrentValue.Sources;
            // Unknown sources share one budget: they are refused anyway, and made-up names must not open new ones.
            return Window($"source:{(source is not null && sources.ContainsKey(source) ? source : "?")}", limits.PerSource);
        }

        if (PageRateLimits.Partition(context, limits) is { } page)
        {
            return page;
        }

        return ApiCaller.From(context.User) is { } caller
            ? Window($"key:{caller.KeyId}", limits.PerKey)
            : Window($"client:{context.Connection.RemoteIpAddress}", limits.PerClient);
    }

    internal static RateLimitPartition<string> Window(string partition, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (PageErrors.IsPageRequest(http))
        {
            // No body: the status-code page renders the pages' HTML answer, with the wait.
            return;
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This caller's budget (RateLimits) is used up; retry after {seconds} s.",
            },
        });
    }
}
