using Grader.Contracts;
using Grader.Worker.Grading;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests;

/// <summary>The grading consumers with PostgreSQL unreachable (nothing listens on the port): an outage, not a bad submission.</summary>
public sealed class UnreachableDatabaseTests : IAsyncLifetime
{
    private readonly ServiceProvider _services =
        GradingHarness.Build("Host=127.0.0.1;Port=1;Database=grader;Username=grader;Password=grader;Timeout=2");

    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Grade_whose_retries_run_out_on_an_unreachable_database_is_sent_to_the_queue_again()
    {
        var id = Guid.NewGuid();

        await _harness.Bus.Publish(new GradeSubmission(id));

        Assert.True(await _harness.Published.Any<Fault<GradeSubmission>>(f =>
            f.Context.Message.Exceptions.Any(e => e.ExceptionType == typeof(DatabaseUnavailableException).FullName)));
        Assert.True(await _harness.Sent.Any<GradeSubmission>(s => s.Context.Message.SubmissionId == id));
    }

    [Fact]
    public async Task Message_of_several_whose_retries_run_out_on_an_unreachable_database_is_sent_again_whole()
    {
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        await _harness.Bus.Publish(new GradeSubmissions(ids));

        Assert.True(await _harness.Published.Any<Fault<GradeSubmissions>>(f =>
            f.Context.Message.Exceptions.Any(e => e.ExceptionType == typeof(DatabaseUnavailableException).FullName)));
        Assert.True(await _harness.Sent.Any<GradeSubmissions>(s => s.Context.Message.SubmissionIds.Order().SequenceEqual(ids.Order())));
        Assert.False(await _harness.Sent.Any<GradeSubmission>());
    }
}
