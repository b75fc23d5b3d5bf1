using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grader.ServiceDefaults.Health;

/// <summary>
/// A small HTTP server for a process that serves no other HTTP (the worker): <c>/health/live</c> and <c>/health/ready</c>
/// on the configured URLs, answered by the process's own health checks. Its own Kestrel, so the worker stays a plain
/// generic host and binds no port unless asked to (several workers may share a machine).
/// </summary>
internal sealed class HealthListener(string urls, HealthCheckService checks, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(urls);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(checks);
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddLogging();
        _server = builder.Build();
        _server.UseRouting();
        _server.MapDefaultHealthEndpoints();
        await _server.StartAsync(cancellationToken);
        loggerFactory.CreateLogger<HealthListener>().LogInformation("Health endpoints on {Urls}", string.Join(", ", _server.Urls));
    }

    public Task StopAsync(CancellationToken cancellationToken) => _server?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
