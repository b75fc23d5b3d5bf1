using System.Text.Json.Nodes;

namespace Grader.Grading.Judging;

/// <summary>The JSON form of a report: <c>{problemId, problemVersion, score, maxScore, parts: [{id, status, score, maxScore,
/// feedback, expected?, tags?}], unknownAnswers?}</c>, statuses in lower case; <c>tags</c> (an array of misconception tags
/// such as <c>["sign"]</c> or <c>["carried-forward"]</c>) only when the grader recognised one.</summary>
public static class GradeReportJson
{
    public static JsonObject ToJson(GradeReport report)
    {
        var json = new JsonObject
        {
            ["problemId"] = report.ProblemId,
            ["problemVersion"] = report.ProblemVersion,
            ["score"] = report.Score,
            ["maxScore"] = report.MaxScore,
            ["parts"] = new JsonArray(report.Parts.Select(part => (JsonNode?)ToJson(part)).ToArray()),
        };
        if (report.UnknownAnswers.Count > 0)
        {
            json["unknownAnswers"] = new JsonArray(report.UnknownAnswers.Select(name => (JsonNode?)name).ToArray());
        }
        return json;
    }

    public static JsonObject ToJson(PartResult part)
    {
        var json = new JsonObject
        {
            ["id"] = part.PartId,
            ["status"] = StatusName(part.Status),
            ["score"] = part.Score,
            ["maxScore"] = part.MaxScore,
            ["feedback"] = part.Feedback,
        };
        if (part.Expected is not null)
        {
            json["expected"] = part.Expected.DeepClone();
        }
        if (part.Tags.Count > 0)
        {
            json["tags"] = new JsonArray([.. part.Tags.Select(tag => (JsonNode?)tag)]);
        }
        return json;
    }

    public static string StatusName(PartStatus status) => status.ToString().ToLowerInvariant();
}
