using System.Text.Json.Nodes;

namespace Grader.Grading.Judging;

/// <summary>The JSON form of a report: <c>{problemId, problemVersion, score, maxScore, parts: [{id, status, score, maxScore,
/// feedback, expected?}], unknownAnswers?}</c>, statuses in lower case.</summary>
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
        return json;
    }

    public static string StatusName(PartStatus status) => status.ToString().ToLowerInvariant();
}
