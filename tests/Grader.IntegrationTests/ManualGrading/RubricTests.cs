using System.Net;
using System.Net.Http.Json;
using Grader.Api.ManualGrading;
using Grader.IntegrationTests.Infrastructure;
using static Grader.IntegrationTests.ManualGrading.ManualClient;

namespace Grader.IntegrationTests.ManualGrading;

/// <summary>Rubric items from the problem file and from staff, applied to answers, and changed after grading.</summary>
public sealed class RubricTests(ManualGradingFixture fixture) : IClassFixture<ManualGradingFixture>
{
    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task File_rubric_items_score_by_their_sum_clamped_to_the_part_plus_the_adjustment()
    {
        var rubric = await GetAsync<List<RubricItemView>>(fixture.Instructor, $"{Course}/problems/cs189-dis4/parts/1a/rubric");
        Assert.Equal([("Two functions", 0.5, true), ("Composition", 0.75, true)], rubric.Select(i => (i.Label, i.Points, i.FromFile)));
        var first = await SubmitAsync(Stack, "r-file", "b1");
        var second = await SubmitAsync(Stack, "r-file", "b2");

        var both = await GradeAsync(fixture.Instructor, first.Id, "1a", new { rubricItemIds = rubric.Select(i => i.Id) });
        var adjusted = await GradeAsync(fixture.Instructor, second.Id, "1a",
            new { rubricItemIds = new[] { rubric[0].Id }, adjustment = 0.125, comment = "Close." });

        Assert.Equal(1.0, both.Score); // 0.5 + 0.75 clamped to the part's 1 point
        Assert.Equal("correct", (await Stack.GetSubmissionAsync(first.Id)).Parts!.Single(p => p.PartId == "1a").Status);
        Assert.Equal(0.625, adjusted.Score); // items need not sit on the step: the rubric decides
        Assert.Equal([rubric[0].Id], adjusted.Grade!.RubricItemIds);
    }

    [Fact]
    public async Task Changing_an_items_points_rescores_every_answer_that_applied_it_in_one_change()
    {
        var item = await AddItemAsync("1b", "Labels the edges", 0.5);
        var applied = new[] { await SubmitAsync(Stack, "r-change", "c1"), await SubmitAsync(Stack, "r-change", "c2") };
        var other = await SubmitAsync(Stack, "r-change", "c3");
        foreach (var submission in applied)
        {
            await GradeAsync(fixture.Instructor, submission.Id, "1b", new { rubricItemIds = new[] { item.Id } });
        }
        await GradeAsync(fixture.Instructor, other.Id, "1b", new { points = 0.5 });
        var before = await Task.WhenAll(applied.Select(s => Stack.GetSubmissionAsync(s.Id)));

        using var response = await fixture.Instructor.PutAsJsonAsync($"{Course}/rubric/{item.Id}",
            new { label = "Labels the edges", points = 1, description = "every edge named" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var change = (await response.Content.ReadFromJsonAsync<RubricChangeView>(ServiceStack.Json))!;
        Assert.Equal((2, 1.0), (change.Rescored, change.Item!.Points));
        for (var i = 0; i < applied.Length; i++)
        {
            var now = await Stack.GetSubmissionAsync(applied[i].Id);
            Assert.Equal(before[i].Score!.Value + 0.5, now.Score!.Value, 9);
            Assert.Equal(3, await Stack.ScalarAsync($"select count(*) from results where submission_id = '{applied[i].Id}'"));
        }
        Assert.Equal(2, await Stack.ScalarAsync($"select count(*) from results where submission_id = '{other.Id}'"));
        var gradebook = await GetJsonAsync(fixture.Instructor, $"{Course}/assignments/r-change/gradebook");
        Assert.All(gradebook.GetProperty("students").EnumerateArray().Where(r => r.GetProperty("studentId").GetString() != "c3"),
            row => Assert.Equal(applied[0].Score!.Value + 1, row.GetProperty("total").GetDouble(), 9));
    }

    [Fact]
    public async Task Deleting_an_item_rescores_its_answers_without_it()
    {
        var item = await AddItemAsync("1c", "Forward pass", 0.5);
        var submission = await SubmitAsync(Stack, "r-delete", "d1");
        await GradeAsync(fixture.Instructor, submission.Id, "1c", new { rubricItemIds = new[] { item.Id }, adjustment = 0.25 });

        using var response = await fixture.Instructor.DeleteAsync($"{Course}/rubric/{item.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<RubricChangeView>(ServiceStack.Json))!.Rescored);
        var answer = await GetAsync<ManualAnswerView>(fixture.Instructor, PartPath(submission.Id, "1c"));
        Assert.Equal(0.25, answer.Score); // the adjustment stays
        Assert.Empty(answer.Grade!.RubricItemIds);
        Assert.DoesNotContain(answer.Rubric!, i => i.Id == item.Id);
    }

    [Fact]
    public async Task Duplicate_label_is_a_409_and_an_automatic_part_has_no_rubric()
    {
        await AddItemAsync("2a", "Graph", 0.5);

        using var duplicate = await fixture.Instructor.PostAsJsonAsync($"{Course}/problems/cs189-dis4/parts/2a/rubric",
            new { label = "Graph", points = 1 });
        using var automatic = await fixture.Instructor.GetAsync($"{Course}/problems/cs189-dis4/parts/3b/rubric");

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, automatic.StatusCode);
    }

    [Fact]
    public async Task Grades_applying_an_item_while_its_points_change_all_end_at_the_new_points()
    {
        var item = await AddItemAsync("2b", "Shapes", 0.5);
        var submissions = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => SubmitAsync(Stack, "r-race", $"h{i}")));

        var grading = submissions.Select(s => GradeAsync(fixture.Instructor, s.Id, "2b", new { rubricItemIds = new[] { item.Id } }));
        var change = fixture.Instructor.PutAsJsonAsync($"{Course}/rubric/{item.Id}", new { label = "Shapes", points = 1 });
        await Task.WhenAll(grading.Append<Task>(change));

        // Whichever came first, no grade keeps the old points: a grade either saw the new ones or was re-scored.
        foreach (var submission in submissions)
        {
            Assert.Equal(1.0, (await GetAsync<ManualAnswerView>(fixture.Instructor, PartPath(submission.Id, "2b"))).Score);
        }
    }

    private async Task<RubricItemView> AddItemAsync(string part, string label, double points)
    {
        using var response = await fixture.Instructor.PostAsJsonAsync($"{Course}/problems/cs189-dis4/parts/{part}/rubric",
            new { label, points });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RubricItemView>(ServiceStack.Json))!;
    }
}
