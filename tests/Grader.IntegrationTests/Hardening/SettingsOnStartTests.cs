using Grader.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Grader.IntegrationTests.Hardening;

/// <summary>A bad setting stops the API as it starts, with the key to fix, instead of failing the first request that uses it.</summary>
public sealed class SettingsOnStartTests
{
    // Nothing listens on port 1: the settings are checked before anything connects.
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=grader;Username=grader;Password=grader;Timeout=2";

    [Theory]
    [InlineData("RateLimits:PerKey:PermitsPerMinute", "0")]
    [InlineData("RateLimits:MaxBodyBytes", "-1")]
    [InlineData("Webhooks:Tolerance", "00:00:00")]
    [InlineData("Webhooks:MaxClockSkew", "-00:00:01")]
    [InlineData("Webhooks:MaxBodyBytes", "0")]
    [InlineData("Regrade:BatchSize", "0")]
    [InlineData("Regrade:SendTimeout", "00:00:00")]
    [InlineData("Regrade:ChangesPageSize", "-5")]
    [InlineData("Sessions:KeyEncryptionKey", "c2hvcnQ=")]
    [InlineData("Sessions:KeyEncryptionKey", "")]
    [InlineData("Variants:CacheSize", "0")]
    [InlineData("RabbitMq:Port", "0")]
    [InlineData("RabbitMq:Port", "70000")]
    [InlineData("RabbitMq:Host", " ")]
    [InlineData("RabbitMq:VirtualHost", "")]
    [InlineData("Webhooks:Sources:lms:Secret", "")]
    [InlineData("Webhooks:Sources:lms:Secret", "   ")]
    public void Bad_setting_stops_the_api_at_start_naming_its_key(string key, string value)
    {
        using var api = new ApiFactory(new Dictionary<string, string> { ["ConnectionStrings:Grader"] = Unreachable, [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Innermost<OptionsValidationException>(error));
        Assert.StartsWith(key + " ", Assert.Single(validation.Failures));
    }

    [Fact]
    public void A_webhook_source_without_a_secret_stops_the_api_at_start_naming_its_key()
    {
        // Only its courses: set up half-way, it would refuse every delivery, or take a blank key anyone can sign with.
        using var api = new ApiFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:Grader"] = Unreachable, ["Webhooks:Sources:moodle:Courses:0"] = "cs189",
        });

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Innermost<OptionsValidationException>(error));
        Assert.StartsWith("Webhooks:Sources:moodle:Secret must be set", Assert.Single(validation.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_source_with_a_callback_url_the_worker_would_refuse_stops_the_api_too()
    {
        // One rule for both processes (WebhookSourceRule): the API stores staff grades' events for a source's callback, so
        // a callback the worker refuses to send to must not be accepted here.
        using var api = new ApiFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:Grader"] = Unreachable, ["Webhooks:Sources:moodle:Secret"] = "s3cret",
            ["Webhooks:Sources:moodle:CallbackUrl"] = "ftp://lms.example/grades",
        });

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Innermost<OptionsValidationException>(error));
        Assert.StartsWith("Webhooks:Sources:moodle:CallbackUrl must be", Assert.Single(validation.Failures), StringComparison.Ordinal);
    }

    private static Exception? Innermost<T>(Exception error) => error switch
    {
        T => error,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Innermost<T>).FirstOrDefault(e => e is not null),
        { InnerException: { } inner } => Innermost<T>(inner),
        _ => null,
    };
}
