using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grader.Api.ManualGrading;
using Grader.IntegrationTests.Infrastructure;
using static Grader.IntegrationTests.ManualGrading.ManualClient;

namespace Grader.IntegrationTests.ManualGrading;

/// <summary>The manual answers list pages by cursor (keyset on submission time and id), as every other list does.</summary>
public sealed class ManualAnswerPagingTests(ManualGradingFixture fixture) : IClassFixture<ManualGradingFixture>
{
    private ServiceStack Stack => fixture.Stack;

    [Fact]
    public async Task A_page_after_a_cursor_is_not_shifted_by_grades_given_meanwhile()
    {
        var first = await SubmitAsync(Stack, "m-page", "k1");
        var second = await SubmitAsync(Stack, "m-page", "k2");
        var third = await SubmitAsync(Stack, "m-page", "k3");
        const string list = $"{Course}/assignments/m-page/manual/cs189-dis4/1a";

        var page1 = await GetAsync<ManualAnswersPageView>(fixture.Instructor, $"{list}?limit=2");
        Assert.Equal([first.Id, second.Id], page1.Items.Select(a => a.SubmissionId));
        Assert.NotNull(page1.NextCursor);
        // Grading the first page's answers takes them off the ungraded list; an offset of 2 would now skip the third.
        await GradeAsync(fixture.Instructor, first.Id, "1a", new { points = 1 });
        await GradeAsync(fixture.Instructor, second.Id, "1a", new { points = 0.5 });
        var page2 = await GetAsync<ManualAnswersPageView>(fixture.Instructor,
            $"{list}?limit=2&cursor={Uri.EscapeDataString(page1.NextCursor!)}");

        Assert.Equal([third.Id], page2.Items.Select(a => a.SubmissionId));
        Assert.Null(page2.NextCursor);
    }

    [Fact]
    public async Task Every_answer_is_listed_once_when_walking_all_pages_of_one()
    {
        var submitted = new List<Guid>();
        foreach (var student in new[] { "w1", "w2", "w3" })
        {
            submitted.Add((await SubmitAsync(Stack, "m-walk", student)).Id);
        }
        await GradeAsync(fixture.Instructor, submitted[1], "1b", new { points = 1 });

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await GetAsync<ManualAnswersPageView>(fixture.Instructor,
                $"{Course}/assignments/m-walk/manual/cs189-dis4/1b?state=all&limit=1"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(page.Items.Select(a => a.SubmissionId));
            cursor = page.NextCursor;
        } while (cursor is not null && seen.Count < 10);

        Assert.Equal(submitted, seen);
    }

    [Theory]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    public async Task A_cursor_or_limit_this_api_did_not_hand_out_is_a_400(string query, string field)
    {
        using var response = await fixture.Instructor.GetAsync($"{Course}/assignments/m-page/manual/cs189-dis4/1a?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
