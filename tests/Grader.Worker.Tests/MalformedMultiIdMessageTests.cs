using Grader.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grader.Worker.Tests;

/// <summary>
/// A <see cref="GradeSubmissions"/> no well-behaved sender writes (no list, an empty one, an id twice, the empty id) is
/// graded or refused clearly by the batch consumer, the one-at-a-time consumer and the fault consumer alike: each
/// submission graded and announced once, the ids no submission has skipped with a warning naming them, and a message
/// naming nothing consumed with a warning, never faulted (no retry or fault could ever give it ids).
/// </summary>
public sealed class MalformedMultiIdMessageTests : HarnessTestBase
{
    // Each test starts the consumer its parameters name.
    protected override ServiceProvider? BuildServices(string connectionString) => null;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Message_naming_a_submission_twice_grades_and_announces_it_once(bool batched)
    {
        await StartAsync(batched);
        var twice = await GradingHarness.StoreSubmissionAsync(Services);
        var once = await GradingHarness.StoreSubmissionAsync(Services);

        await Harness.Bus.Publish(new GradeSubmissions([twice, once, twice]));

        Assert.True(await Harness.Consumed.Any<GradeSubmissions>());
        Assert.Equal(1L, await Database.ScalarAsync($"select count(*) from results where submission_id = '{twice}'"));
        Assert.Equal(1, await Database.ScalarAsync($"select attempts from submissions where id = '{twice}'"));
        Assert.Equal(new[] { once, twice }.Order(), Harness.AnnouncedIds().Order());
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task Message_naming_no_submission_is_consumed_with_a_warning_and_faults_nothing(bool batched, bool noList)
    {
        await StartAsync(batched);

        await Harness.Bus.Publish(new GradeSubmissions(noList ? null! : []));

        Assert.True(await Harness.Consumed.Any<GradeSubmissions>());
        Assert.Null(Harness.Consumed.Select<GradeSubmissions>().Single().Exception);
        Assert.False(await Harness.Published.Any<Fault<GradeSubmissions>>());
        Assert.Contains(Warnings(), w => w.Contains("named no submission", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_naming_no_submission_does_not_fail_the_other_messages_of_its_batch()
    {
        // Long enough that both deliveries are one batch: a throw would fault both.
        await StartAsync(batched: true, options => options.BatchTimeLimit = TimeSpan.FromSeconds(2));
        var good = await GradingHarness.StoreSubmissionAsync(Services);

        await Task.WhenAll(
            Harness.Bus.Publish(new GradeSubmissions(null!)),
            Harness.Bus.Publish(new GradeSubmissions([good])));

        Assert.True(await Harness.Published.Any<SubmissionGraded>(p => p.Context.Message.SubmissionId == good));
        Assert.Equal("graded", await Database.ScalarAsync($"select status from submissions where id = '{good}'"));
        Assert.False(await Harness.Published.Any<Fault<GradeSubmissions>>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Empty_and_unknown_ids_are_skipped_with_a_warning_naming_them_and_the_others_graded(bool batched)
    {
        await StartAsync(batched);
        var good = await GradingHarness.StoreSubmissionAsync(Services);
        var unknown = Guid.NewGuid();

        await Harness.Bus.Publish(new GradeSubmissions([Guid.Empty, unknown, good]));

        Assert.True(await Harness.Consumed.Any<GradeSubmissions>());
        Assert.Equal("graded", await Database.ScalarAsync($"select status from submissions where id = '{good}'"));
        Assert.Equal([good], Harness.AnnouncedIds());
        Assert.Contains(Warnings(), w => w.Contains(Guid.Empty.ToString(), StringComparison.Ordinal));
        Assert.Contains(Warnings(), w => w.Contains(unknown.ToString(), StringComparison.Ordinal));
        Assert.False(await Harness.Published.Any<Fault<GradeSubmissions>>());
    }

    [Fact]
    public async Task Fault_of_a_message_naming_no_submission_is_consumed_with_a_warning()
    {
        await StartAsync(batched: true);

        await Harness.Bus.Publish<Fault<GradeSubmissions>>(MultiIdFaults.Broken(null!));

        Assert.True(await Harness.Consumed.Any<Fault<GradeSubmissions>>());
        Assert.Null(Harness.Consumed.Select<Fault<GradeSubmissions>>().Single().Exception);
        Assert.False(await Harness.Published.Any<Fault<Fault<GradeSubmissions>>>());
        Assert.Contains(Warnings(), w => w.Contains("named no submission", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fault_of_a_message_naming_one_submission_twice_and_the_empty_id_fails_that_submission_with_the_reason()
    {
        await StartAsync(batched: true);
        var id = await GradingHarness.StoreSubmissionAsync(Services);

        await Harness.Bus.Publish<Fault<GradeSubmissions>>(MultiIdFaults.Broken([id, Guid.Empty, id]));

        // One submission: the fault was its own, as for a message of one (not sent again, so not graded either).
        Assert.True(await Harness.Consumed.Any<Fault<GradeSubmissions>>());
        Assert.Equal("failed", await Database.ScalarAsync($"select status from submissions where id = '{id}'"));
        Assert.Contains("broken on purpose", (string?)await Database.ScalarAsync($"select failure_reason from submissions where id = '{id}'"));
        Assert.Empty(Harness.Sent.Select<GradeSubmission>());
        Assert.Contains(Warnings(), w => w.Contains(Guid.Empty.ToString(), StringComparison.Ordinal));
    }

    private Task StartAsync(bool batched, Action<Grader.Worker.Grading.WorkerOptions>? configure = null) =>
        StartAsync(GradingHarness.Build(Database.ConnectionString, configure: options =>
        {
            if (!batched)
            {
                options.BatchMessageLimit = 1;
            }

            configure?.Invoke(options);
        }, batched: batched, services: s => s.AddFakeLogging()));

    private List<string> Warnings() =>
    [
        .. Services.GetFakeLogCollector().GetSnapshot()
            .Where(r => r.Level == LogLevel.Warning && r.Category?.StartsWith("Grader.Worker", StringComparison.Ordinal) == true)
            .Select(r => r.Message),
    ];
}
