using System.Net;
using System.Net.Http.Json;
using Grader.Api.ManualGrading;
using Grader.Data.Access;
using Grader.Data.Passback;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.ManualGrading;

namespace Grader.IntegrationTests.Passback;

/// <summary>
/// Staff grades reach the LMS like regrades: the API stores a <c>submission.regraded</c> event in the grade's transaction
/// when the score (or the maximum) changed, and the worker's dispatcher sends it.
/// </summary>
public sealed class ManualGradeEventTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Staff_grade_that_changes_the_score_sends_one_regraded_event_with_its_revision_and_one_that_does_not_sends_none()
    {
        await using var receiver = new GradeReceiver(ServiceStack.Secret).Start();
        await using var stack = await StartAsync(receiver);
        using var instructor = stack.CreateClient(await stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        var submission = await ManualClient.SubmitAsync(stack, "m-events", "s1");
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 1), Timeout, "the first grade's event");

        // The first staff grade of an ungraded part: the part now counts, so score and maximum change (revision 2).
        await ManualClient.GradeAsync(instructor, submission.Id, "1a", new { points = 0.5 });
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 2), Timeout, "the staff grade's event");
        var staff = receiver.Accepted[1];
        var now = await stack.GetSubmissionAsync(submission.Id);
        Assert.Equal((GradeEventTypes.Regraded, submission.Id, 2), (staff.Type, staff.SubmissionId, staff.Revision));
        Assert.Equal((now.Score, now.MaxScore), (staff.Score, staff.MaxScore));
        Assert.Equal(submission.MaxScore + 1, staff.MaxScore);
        var part = staff.Body.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("partId").GetString() == "1a");
        Assert.Equal(("partial", 0.5), (part.GetProperty("status").GetString(), part.GetProperty("score").GetDouble()));

        // The same points with another comment: a new revision (3) in the history, no change for the LMS.
        await ManualClient.GradeAsync(instructor, submission.Id, "1a", new { points = 0.5, comment = "Same points, clearer note." });
        // Then a changed score: revision 4.
        var changed = await ManualClient.GradeAsync(instructor, submission.Id, "1a", new { points = 1 });
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 3), Timeout, "the changed grade's event");
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(4, await stack.ScalarAsync($"select count(*) from results where submission_id = '{submission.Id}'"));
        Assert.Equal(new[] { (1, GradeEventTypes.Graded), (2, GradeEventTypes.Regraded), (4, GradeEventTypes.Regraded) },
            receiver.Accepted.Select(e => (e.Revision, e.Type)));
        Assert.Equal((await stack.GetSubmissionAsync(submission.Id)).Score, receiver.Accepted[2].Score);
        Assert.Equal(1.0, changed.Score);
        Assert.Equal(3, await stack.ScalarAsync("select count(*) from grade_events"));
        Assert.Equal(0, receiver.BadSignatures);
    }

    [Fact]
    public async Task Changing_a_rubric_items_points_sends_one_event_per_rescored_submission_with_its_new_revision()
    {
        await using var receiver = new GradeReceiver(ServiceStack.Secret).Start();
        await using var stack = await StartAsync(receiver);
        using var instructor = stack.CreateClient(await stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        using var added = await instructor.PostAsJsonAsync($"{ManualClient.Course}/problems/cs189-dis4/parts/1b/rubric",
            new { label = "Labels the edges", points = 0.5 });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var item = (await added.Content.ReadFromJsonAsync<RubricItemView>(ServiceStack.Json))!;
        var applied = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            var submission = await ManualClient.SubmitAsync(stack, "m-rubric", $"r{i}");
            await ManualClient.GradeAsync(instructor, submission.Id, "1b", new { rubricItemIds = new[] { item.Id } });
            applied.Add(submission.Id);
        }

        var other = await ManualClient.SubmitAsync(stack, "m-rubric", "r4");
        await ManualClient.GradeAsync(instructor, other.Id, "1b", new { points = 0.5 });
        // Per applied submission: graded (1) and the staff grade (2); the other: graded and its staff grade.
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 8), Timeout, "the grades' events");

        using var response = await instructor.PutAsJsonAsync($"{ManualClient.Course}/rubric/{item.Id}",
            new { label = "Labels the edges", points = 1 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<RubricChangeView>(ServiceStack.Json))!.Rescored);

        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count == 11), Timeout, "one event per re-scored grade");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var rescored = receiver.Accepted.Skip(8).ToList();
        Assert.Equal(11, receiver.Accepted.Count);
        Assert.Equal(applied.Order(), rescored.Select(e => e.SubmissionId).Order());
        foreach (var e in rescored)
        {
            Assert.Equal((GradeEventTypes.Regraded, 3), (e.Type, e.Revision));
            Assert.Equal((await stack.GetSubmissionAsync(e.SubmissionId)).Score, e.Score);
            var part = e.Body.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("partId").GetString() == "1b");
            Assert.Equal(1.0, part.GetProperty("score").GetDouble());
        }

        Assert.DoesNotContain(rescored, e => e.SubmissionId == other.Id);
        Assert.Equal(11, receiver.Accepted.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task Api_without_a_callback_for_the_source_stores_no_event_for_a_staff_grade()
    {
        await using var receiver = new GradeReceiver(ServiceStack.Secret).Start();
        await using var stack = await ServiceStack.StartAsync();
        stack.StartWorker(PassbackSettings.Worker(receiver));
        await stack.WaitForConsumersAsync(1);
        using var instructor = stack.CreateClient(await stack.CreateApiKeyAsync(ApiKeyRole.Instructor, "cs189"));
        var submission = await ManualClient.SubmitAsync(stack, "m-none", "n1");

        await ManualClient.GradeAsync(instructor, submission.Id, "1a", new { points = 1 });

        // The worker's first grade has its event; the API, configured without a callback, stores none for the staff grade.
        Assert.Equal(1, await stack.ScalarAsync($"select count(*) from grade_events where submission_id = '{submission.Id}'"));
        Assert.Equal(2, await stack.ScalarAsync($"select count(*) from results where submission_id = '{submission.Id}'"));
    }

    /// <summary>A stack whose API and worker both know test-lms's callback (the API stores staff grades' events).</summary>
    private static async Task<ServiceStack> StartAsync(GradeReceiver receiver)
    {
        var stack = await ServiceStack.StartAsync(apiSettings: new Dictionary<string, string>
        {
            [$"Webhooks:Sources:{ServiceStack.Source}:CallbackUrl"] = receiver.Url,
        });
        stack.StartWorker(PassbackSettings.Worker(receiver));
        await stack.WaitForConsumersAsync(1);
        return stack;
    }
}
