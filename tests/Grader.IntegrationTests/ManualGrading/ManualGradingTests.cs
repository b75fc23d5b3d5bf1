using System.Net;
using System.Net.Http.Json;
using Grader.Api.ManualGrading;
using Grader.Api.Submissions;
using Grader.IntegrationTests.Infrastructure;
using static Grader.IntegrationTests.ManualGrading.ManualClient;

namespace Grader.IntegrationTests.ManualGrading;

/// <summary>Grading a manual part through the API: a new result revision that every score reader counts.</summary>
public sealed class ManualGradingTests(ManualGradingFixture fixture) : IClassFixture<ManualGradingFixture>
{
    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task Manual_grade_is_a_new_revision_counted_by_the_submission_history_gradebook_and_summary()
    {
        var submitted = await SubmitAsync(Stack, "m-grade", "a1");
        Assert.Equal("manual", submitted.Parts!.Single(p => p.PartId == "1a").Status);
        Assert.Equal((1, 0), (Count(await CountsAsync(fixture.Instructor, "m-grade"), "1a").Ungraded,
            Count(await CountsAsync(fixture.Instructor, "m-grade"), "1a").Graded));
        var waiting = (await GetAsync<ManualAnswersPageView>(fixture.Instructor, $"{Course}/assignments/m-grade/manual/cs189-dis4/1a")).Items;
        Assert.Equal("q = x + y, then f = q z", Assert.Single(waiting).Answer);

        var graded = await GradeAsync(fixture.Instructor, submitted.Id, "1a", new { points = 0.75, comment = "Right split; say why." });

        Assert.True(graded.Graded);
        Assert.Equal(0.75, graded.Score);
        Assert.Equal("test Instructor", graded.Grade!.GradedByName);
        var after = await Stack.GetSubmissionAsync(submitted.Id);
        Assert.Equal(submitted.Score!.Value + 0.75, after.Score!.Value, 9);
        Assert.Equal(submitted.MaxScore!.Value + 1, after.MaxScore!.Value, 9);
        var part = after.Parts!.Single(p => p.PartId == "1a");
        Assert.Equal(("partial", 0.75, "Right split; say why."), (part.Status, part.Score, part.Feedback));
        var history = await GetAsync<List<ResultRevisionView>>(fixture.Instructor, $"/api/v1/submissions/{submitted.Id}/results");
        Assert.Equal([1, 2], history.Select(r => r.Revision));
        Assert.True(history[1].Current);
        Assert.StartsWith("staff: test Instructor (key ", history[1].GradedBy, StringComparison.Ordinal);
        Assert.Equal(graded.Grade.ResultId, await ResultIdAsync(submitted.Id));

        var gradebook = await GetJsonAsync(fixture.Instructor, $"{Course}/assignments/m-grade/gradebook");
        var row = Assert.Single(gradebook.GetProperty("students").EnumerateArray());
        Assert.Equal(after.Score.Value, row.GetProperty("total").GetDouble(), 9);
        var summary = await GetJsonAsync(fixture.Instructor, $"{Course}/assignments/m-grade/summary");
        var summaryPart = summary.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("partId").GetString() == "1a");
        Assert.Equal((1, 0), (summaryPart.GetProperty("partial").GetInt32(), summaryPart.GetProperty("manual").GetInt32()));
        Assert.Equal(after.Score.Value, summary.GetProperty("score").GetProperty("mean").GetDouble(), 9);
        var counts = Count(await CountsAsync(fixture.Instructor, "m-grade"), "1a");
        Assert.Equal((0L, 1L, 1.0), (counts.Ungraded, counts.Graded, counts.Points));
    }

    [Fact]
    public async Task Regrading_again_replaces_the_grade_with_a_further_revision()
    {
        var submitted = await SubmitAsync(Stack, "m-again", "a2");

        await GradeAsync(fixture.Instructor, submitted.Id, "1b", new { points = 1 });
        var regraded = await GradeAsync(fixture.Instructor, submitted.Id, "1b", new { points = 0, comment = "Wrong graph." });

        Assert.Equal((0.0, "Wrong graph."), (regraded.Score, regraded.Grade!.Comment));
        var after = await Stack.GetSubmissionAsync(submitted.Id);
        Assert.Equal("incorrect", after.Parts!.Single(p => p.PartId == "1b").Status);
        Assert.Equal(submitted.Score!.Value, after.Score!.Value, 9);
        Assert.Equal(3, await Stack.ScalarAsync($"select count(*) from results where submission_id = '{submitted.Id}'"));
    }

    [Theory]
    [InlineData("{\"points\": 1.5}", "points")] // above the part's 1 point
    [InlineData("{\"points\": -0.5}", "points")]
    [InlineData("{\"points\": 0.3}", "points")] // 1a's step is 0.25
    [InlineData("{\"comment\": \"no score\"}", "points")]
    [InlineData("{\"points\": 0.5, \"adjustment\": 0.25}", "adjustment")]
    [InlineData("{\"rubricItemIds\": [\"0199a1c4-0000-7000-8000-000000000000\"]}", "rubricItemIds")] // not this part's item
    public async Task Invalid_grade_is_a_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var submitted = await SubmitAsync(Stack, "m-invalid", "a3");

        using var response = await fixture.Instructor.PutAsync(PartPath(submitted.Id, "1a"),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(1, await Stack.ScalarAsync($"select count(*) from results where submission_id = '{submitted.Id}'"));
    }

    [Fact]
    public async Task Automatic_part_or_unknown_submission_is_404()
    {
        var submitted = await SubmitAsync(Stack, "m-404", "a4");

        using var automatic = await fixture.Instructor.PutAsJsonAsync(PartPath(submitted.Id, "3b"), new { points = 1 });
        using var unknown = await fixture.Instructor.PutAsJsonAsync(PartPath(Guid.NewGuid(), "1a"), new { points = 1 });

        Assert.Equal(HttpStatusCode.NotFound, automatic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<Guid> ResultIdAsync(Guid submission)
    {
        await using var command = Stack.Db.CreateCommand($"select current_result_id from submissions where id = '{submission}'");
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
