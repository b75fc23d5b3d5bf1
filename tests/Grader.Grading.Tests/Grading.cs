using System.Text.Json;
using Grader.Grading.Judging;

namespace Grader.Grading.Tests;

/// <summary>Grades one part's JSON answer against the repository's problems.</summary>
internal static class Grading
{
    public static PartResult Part(string problemId, string partId, string answerJson)
    {
        using var answers = JsonDocument.Parse($"{{{JsonSerializer.Serialize(partId)}: {answerJson}}}");
        return Catalog.Problem(problemId).Grade(answers.RootElement).Parts.Single(part => part.PartId == partId);
    }
}
