using System.Text.Json;
using Grader.Data.Entities;
using Grader.Data.Passback;
using Grader.Worker.Passback;

namespace Grader.Worker.Tests.Passback;

public sealed class GradeEventBodyTests
{
    private static readonly SubmissionIdentity Submission = new(Guid.Parse("0193a0c2-0000-7000-8000-000000000001"), "canvas", "lms-42",
        "cs189", "dis4", "student-7", "cs189-dis4");

    [Fact]
    public void Body_names_the_submission_and_its_grade_and_gives_parts_without_feedback()
    {
        var parts = PartOutcome.ToJson([new PartOutcome("1d", "correct", 3, 3, "expected f = -12, got -12")]);
        var e = new ClaimedGradeEvent(5, Guid.NewGuid(), GradeEventTypes.Regraded, DateTimeOffset.UnixEpoch, 2, 1, Submission, 3, 14, parts);

        var root = JsonDocument.Parse(GradeEventBody.Of(e)).RootElement;

        Assert.Equal(e.Id, root.GetProperty("id").GetGuid());
        Assert.Equal(("submission.regraded", "graded", 2), (root.GetProperty("type").GetString(), root.GetProperty("status").GetString(),
            root.GetProperty("revision").GetInt32()));
        Assert.Equal(("lms-42", "cs189", "dis4", "cs189-dis4", "student-7"), (root.GetProperty("externalId").GetString(),
            root.GetProperty("course").GetString(), root.GetProperty("assignment").GetString(), root.GetProperty("problemId").GetString(),
            root.GetProperty("studentId").GetString()));
        Assert.Equal((3.0, 14.0), (root.GetProperty("score").GetDouble(), root.GetProperty("maxScore").GetDouble()));
        var part = Assert.Single(root.GetProperty("parts").EnumerateArray());
        Assert.Equal(("1d", "correct", 3.0), (part.GetProperty("partId").GetString(), part.GetProperty("status").GetString(),
            part.GetProperty("score").GetDouble()));
        Assert.False(part.TryGetProperty("feedback", out _));
        Assert.DoesNotContain("-12", JsonSerializer.Serialize(root), StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_has_status_failed_null_scores_and_no_parts_and_the_same_event_gives_the_same_bytes()
    {
        var e = new ClaimedGradeEvent(6, Guid.NewGuid(), GradeEventTypes.Failed, DateTimeOffset.UnixEpoch, 0, 3, Submission, null, null, null);

        var bytes = GradeEventBody.Of(e);
        var root = JsonDocument.Parse(bytes).RootElement;

        Assert.Equal("failed", root.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("score").ValueKind);
        Assert.Empty(root.GetProperty("parts").EnumerateArray());
        Assert.Equal(bytes, GradeEventBody.Of(e with { Attempts = 4 }));
    }
}
