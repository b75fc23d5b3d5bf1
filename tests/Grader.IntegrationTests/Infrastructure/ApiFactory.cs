using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>The real API in process, configured for one test stack's database and vhost.</summary>
public sealed class ApiFactory(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Required outside Development; a test's own settings may replace it.
        builder.UseSetting("Sessions:KeyEncryptionKey", ServiceStack.SessionKeyEncryptionKey);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // The in-process API writes into the test output: errors only (the broker test provokes many warnings).
        builder.ConfigureLogging(logging => logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Error));
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
