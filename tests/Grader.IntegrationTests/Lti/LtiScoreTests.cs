using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Api.Lti;
using Grader.Data.Passback;
using Grader.IntegrationTests.Infrastructure;
using Grader.IntegrationTests.Passback;
using Grader.IntegrationTests.Regrades;

namespace Grader.IntegrationTests.Lti;

/// <summary>
/// Grades reach an LTI 1.3 platform as AGS Scores: posted with a token got by a client assertion the platform verifies
/// against our JWKS, once per score change, with the revision's time, through the platform's failures.
/// </summary>
public sealed class LtiScoreTests
{
    [Fact]
    public async Task First_grade_posts_a_FullyGraded_score_and_a_regrade_posts_the_new_score_with_a_later_timestamp()
    {
        using var problems = new ProblemsFolder();
        LtiSetup.RemoveManualParts(problems.Path);
        await using var stack = await ServiceStack.StartAsync(problems.Path, LtiSetup.Api);
        await using var platform = await LtiSetup.StartPlatformAsync(stack);
        await LtiSetup.RotateKeyAsync(stack);
        await LtiSetup.RegisterAsync(stack, platform);
        stack.StartWorker(LtiSetup.Worker);
        await stack.WaitForConsumersAsync(1);

        var id = await LtiSetup.PostAsync(stack, PassbackSettings.Answers(3.02), platform.LineItem("hw1"), "lti-user-7");
        await Eventually.HoldsAsync(() => Task.FromResult(platform.Scores.Count == 1), LtiSetup.Timeout, "the first Score");
        var first = platform.Scores[0];
        var submission = await stack.GetSubmissionAsync(id);
        Assert.Equal(("hw1", "lti-user-7", "Completed", "FullyGraded"), (first.LineItem, first.UserId, first.ActivityProgress, first.GradingProgress));
        Assert.Equal((submission.Score, submission.MaxScore), (first.ScoreGiven, first.ScoreMaximum));
        Assert.Equal(await LtiSetup.RevisionTimeAsync(stack, id, 1), first.Timestamp);

        var oldVersion = await GradeEventDeliveryTests.ProblemVersionAsync(stack);
        problems.NarrowToleranceOf1d();
        await Eventually.HoldsAsync(async () => await GradeEventDeliveryTests.ProblemVersionAsync(stack) != oldVersion, LtiSetup.Timeout,
            "the API to reload the edit");
        var job = await RegradeClient.StartAsync(stack, new
        {
            problemId = SeedAnswers.ProblemId, gradedWithVersionOtherThanCurrent = true, reason = "1d: rtol 0.001",
        });
        await RegradeClient.WaitForStateAsync(stack, job.Id, "completed", LtiSetup.Timeout);

        await Eventually.HoldsAsync(() => Task.FromResult(platform.Scores.Count == 2), LtiSetup.Timeout, "the regraded Score");
        var second = platform.Scores[1];
        Assert.True(second.ScoreGiven < first.ScoreGiven);
        Assert.Equal((await stack.GetSubmissionAsync(id)).Score, second.ScoreGiven);
        Assert.Equal(await LtiSetup.RevisionTimeAsync(stack, id, 2), second.Timestamp);
        Assert.True(second.Timestamp > first.Timestamp);
        var post = await LtiSetup.WaitForPostAsync(stack, id, p => p.Revision == 2 && p.State == GradeEventStates.Delivered, "revision 2 delivered");
        Assert.Equal(1, post.Attempts);
        // One client assertion: the token is cached for the second post.
        Assert.Single(platform.AssertionKids);
        Assert.Empty(platform.Refusals);
    }

    [Fact]
    public async Task Submission_of_a_mapped_assignment_with_an_ungraded_manual_part_posts_PendingManual_for_its_student()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: LtiSetup.Api);
        await using var platform = await LtiSetup.StartPlatformAsync(stack);
        await LtiSetup.RotateKeyAsync(stack);
        await LtiSetup.RegisterAsync(stack, platform);
        var map = new LtiLineItemMapRequest(ServiceStack.Source, "cs189", "dis4", platform.LineItem("dis4"));
        using (var mapped = await stack.Http.PostAsJsonAsync("/api/v1/lti/line-items", map))
        {
            Assert.Equal(HttpStatusCode.Created, mapped.StatusCode);
        }

        // Mapped once: a second mapping of the assignment is refused, not moved.
        using (var again = await stack.Http.PostAsJsonAsync("/api/v1/lti/line-items", map with { LineItemUrl = platform.LineItem("other") }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        stack.StartWorker(LtiSetup.Worker);
        await stack.WaitForConsumersAsync(1);
        var id = await LtiSetup.PostAsync(stack, SeedAnswers.Partial);

        await Eventually.HoldsAsync(() => Task.FromResult(platform.Scores.Count == 1), LtiSetup.Timeout, "the Score");
        var score = platform.Scores[0];
        var submission = await stack.GetSubmissionAsync(id);
        Assert.Equal(("dis4", "student-1", "PendingManual"), (score.LineItem, score.UserId, score.GradingProgress));
        Assert.Equal((submission.Score, submission.MaxScore), (score.ScoreGiven, score.ScoreMaximum));
    }

    [Fact]
    public async Task Platform_answering_503_three_times_then_200_gets_the_score_once()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: LtiSetup.Api);
        await using var platform = await LtiSetup.StartPlatformAsync(stack);
        platform.Answer(503, times: 3);
        await LtiSetup.RotateKeyAsync(stack);
        await LtiSetup.RegisterAsync(stack, platform);
        stack.StartWorker(LtiSetup.Worker);
        await stack.WaitForConsumersAsync(1);

        var id = await LtiSetup.PostAsync(stack, SeedAnswers.Partial, platform.LineItem("hw"), "u1");
        var post = await LtiSetup.WaitForPostAsync(stack, id, p => p.State == GradeEventStates.Delivered, "the delivered post");

        Assert.Equal(4, post.Attempts);
        Assert.Equal(new[] { 503, 503, 503, 200 }, platform.ScoreAnswers);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(platform.Scores);
    }

    [Fact]
    public async Task Key_rotation_keeps_the_previous_kid_in_the_JWKS_and_signs_with_the_new_key()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: LtiSetup.Api);
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Grader"] = stack.ConnectionString, ["Lti__KeyEncryptionKey"] = LtiSetup.EncryptionKey,
        };
        var kids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (exitCode, output, error) = await GraderCli.RunAsync(environment, "lti", "keys", "rotate");
            Assert.True(exitCode == 0, error);
            kids.Add(output.Trim());
        }

        using var jwks = JsonDocument.Parse(await stack.CreateClient(null).GetStringAsync("/.well-known/jwks.json"));
        var served = jwks.RootElement.GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(new[] { kids[2], kids[1] }, served.Select(k => k.GetProperty("kid").GetString()));
        Assert.All(served, k => Assert.Equal(("RSA", "sig", "RS256"),
            (k.GetProperty("kty").GetString(), k.GetProperty("use").GetString(), k.GetProperty("alg").GetString())));
        Assert.All(served, k => Assert.False(k.TryGetProperty("d", out _)));
        // Without the encryption key the CLI refuses to make a key rather than store one in clear.
        var (refused, _, _) = await GraderCli.RunAsync(
            new Dictionary<string, string?> { ["ConnectionStrings__Grader"] = stack.ConnectionString, ["Lti__KeyEncryptionKey"] = null },
            "lti", "keys", "rotate");
        Assert.Equal(2, refused);

        await using var platform = await LtiSetup.StartPlatformAsync(stack);
        await LtiSetup.RegisterAsync(stack, platform);
        stack.StartWorker(LtiSetup.Worker);
        await stack.WaitForConsumersAsync(1);
        await LtiSetup.PostAsync(stack, SeedAnswers.Partial, platform.LineItem("hw"), "u1");

        await Eventually.HoldsAsync(() => Task.FromResult(platform.Scores.Count == 1), LtiSetup.Timeout, "the Score");
        Assert.Equal(new[] { kids[2] }, platform.AssertionKids);
    }

    [Fact]
    public async Task Assertion_the_platform_refuses_is_recorded_as_the_posts_error_and_retried()
    {
        await using var stack = await ServiceStack.StartAsync(apiSettings: LtiSetup.Api);
        await using var platform = await LtiSetup.StartPlatformAsync(stack);
        await LtiSetup.RotateKeyAsync(stack);
        // Registered with a client id the platform does not know: the assertion's iss and sub are wrong.
        await LtiSetup.RegisterAsync(stack, platform, clientId: "someone-else");
        stack.StartWorker(LtiSetup.Worker);
        await stack.WaitForConsumersAsync(1);

        var id = await LtiSetup.PostAsync(stack, SeedAnswers.Partial, platform.LineItem("hw"), "u1");
        var post = await LtiSetup.WaitForPostAsync(stack, id, p => p.Attempts >= 2 && p.LastError is not null, "two refused attempts");

        Assert.Equal(GradeEventStates.Pending, post.State);
        Assert.StartsWith("token endpoint: HTTP 401", post.LastError, StringComparison.Ordinal);
        Assert.Contains("invalid_client", post.LastError, StringComparison.Ordinal);
        Assert.NotEmpty(platform.Refusals);
        Assert.Contains("IDX10205", platform.Refusals[0], StringComparison.Ordinal); // the issuer check
        Assert.Empty(platform.Scores);
    }
}
