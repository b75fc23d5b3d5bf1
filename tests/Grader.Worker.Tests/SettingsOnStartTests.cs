using Grader.ServiceDefaults;
using Grader.Worker.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Tests;

/// <summary>A bad setting stops the worker as it starts, before the database is touched, with the key to fix.</summary>
public sealed class SettingsOnStartTests
{
    // Nothing listens on port 1: were the settings checked after the migrations, this would be a connection error.
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=grader;Username=grader;Password=grader;Timeout=2";

    [Theory]
    [InlineData("Worker:ConcurrentMessageLimit", "0")]
    [InlineData("Worker:PrefetchCount", "-1")]
    [InlineData("Worker:RetryMaxInterval", "00:00:00.100")]
    [InlineData("Worker:MaxAttempts", "0")]
    [InlineData("Worker:BatchMessageLimit", "0")]
    [InlineData("Worker:BatchTimeLimit", "00:00:00")]
    [InlineData("Worker:BatchTimeLimitStart", "7")]
    [InlineData("Worker:BatchConcurrencyLimit", "0")]
    [InlineData("Sweeper:Interval", "00:00:00")]
    [InlineData("Sweeper:BatchSize", "0")]
    [InlineData("Regrade:BatchSize", "0")]
    [InlineData("Regrade:ResendAfter", "-00:01:00")]
    [InlineData("Telemetry:QueueDepthInterval", "00:00:00")]
    [InlineData("Webhooks:Delivery:Timeout", "00:00:00")]
    [InlineData("Webhooks:Delivery:BatchSize", "0")]
    [InlineData("Lti:Delivery:PollInterval", "00:00:00")]
    [InlineData("Lti:PlatformRefresh", "00:00:00")]
    [InlineData("Lti:KeyEncryptionKey", "c2hvcnQ=")]
    [InlineData("Variants:CacheSize", "-1")]
    [InlineData("RabbitMq:Port", "0")]
    [InlineData("RabbitMq:Port", "65536")]
    [InlineData("RabbitMq:Host", "")]
    [InlineData("RabbitMq:Username", "")]
    public async Task Bad_setting_stops_the_worker_at_start_naming_its_key(string key, string value)
    {
        using var host = Build(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.PrepareGraderAsync());

        // The one failure is this key's: the defaults pass every other rule.
        Assert.StartsWith(key + " ", Assert.Single(error.Failures));
    }

    [Fact]
    public async Task A_webhook_source_with_a_callback_but_no_secret_stops_the_worker_at_start_naming_its_key()
    {
        // Its grades could not be signed: left out of the dispatch, they would pile up unsent with nothing said.
        using var host = Build(new() { ["Webhooks:Sources:lms:CallbackUrl"] = "https://lms.example/grades" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.PrepareGraderAsync());

        Assert.StartsWith("Webhooks:Sources:lms:Secret must be set", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Secret", "   ")]
    [InlineData("PreviousSecret", " ")]
    [InlineData("CallbackUrl", "ftp://lms.example/grades")]
    [InlineData("CallbackUrl", "/grades")]
    public async Task A_webhook_source_the_api_would_refuse_stops_the_worker_too(string setting, string value)
    {
        using var host = Build(new()
        {
            ["Webhooks:Sources:lms:Secret"] = "s3cret", ["Webhooks:Sources:lms:CallbackUrl"] = "https://lms.example/grades",
            [$"Webhooks:Sources:lms:{setting}"] = value,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.PrepareGraderAsync());

        Assert.StartsWith($"Webhooks:Sources:lms:{setting} ", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["ConnectionStrings:Grader"] = Unreachable });
        builder.AddWorkerServices();
        return builder.Build();
    }
}
