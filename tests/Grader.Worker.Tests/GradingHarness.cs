using Grader.Data;
using Grader.Data.Entities;
using Grader.Grading.Loading;
using Grader.Grading.Variants;
using Grader.ServiceDefaults;
using Grader.Worker.Extensions;
using Grader.Worker.Grading;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests;

/// <summary>The grading consumers on MassTransit's in-memory test harness, over a real database.</summary>
public static class GradingHarness
{
    public static ServiceProvider Build(WorkerTestDatabase database) => Build(database.ConnectionString);

    /// <param name="batched">The batch consumer (the worker's default), or the one-at-a-time consumer of <c>Worker:BatchMessageLimit</c> 1.</param>
    /// <param name="services">More registrations (a fake log collector, say), made before the bus.</param>
    public static ServiceProvider Build(string connectionString, int retryLimit = 2, Action<WorkerOptions>? configure = null,
        bool batched = true, Action<IServiceCollection>? services = null) => new ServiceCollection()
        .AddLogging()
        .Also(services)
        .AddSingleton(ProblemCatalog.Load(ProblemsDirectory()))
        .AddSingleton(new StudentVariants(""))
        .AddSingleton<AssignedVariants>()
        .AddGraderData(_ => connectionString)
        .AddGradingServices()
        .Configure<WorkerOptions>(options =>
        {
            options.RetryLimit = retryLimit;
            options.RetryMinInterval = TimeSpan.FromMilliseconds(10);
            options.RetryMaxInterval = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(options);
        })
        .AddMassTransitTestHarness(bus => bus.AddGradingConsumers(batched))
        // A batch waits on its time limit, which the harness does not see as activity: give it time before calling the bus idle.
        .Configure<TestHarnessOptions>(options => options.TestInactivityTimeout = TimeSpan.FromSeconds(5))
        .BuildServiceProvider(validateScopes: true);

    /// <summary>Stores a queued cs189-dis4 submission with one correct answer, as the API would.</summary>
    public static async Task<Guid> StoreSubmissionAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraderDbContext>();
        var now = DateTimeOffset.UtcNow;
        var submission = new Submission
        {
            Id = Guid.CreateVersion7(),
            Source = "test",
            ExternalId = Guid.NewGuid().ToString("N"),
            Course = "cs189",
            Assignment = "dis4",
            ProblemId = "cs189-dis4",
            StudentId = "s1",
            Answers = """{"3b": 233}""",
            ReceivedAt = now,
            EnqueuedAt = now,
            Status = SubmissionStatus.Queued,
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        return submission.Id;
    }

    private static IServiceCollection Also(this IServiceCollection collection, Action<IServiceCollection>? register)
    {
        register?.Invoke(collection);
        return collection;
    }

    public static string ProblemsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "problems");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("problems/ not found above the test assembly");
    }
}
