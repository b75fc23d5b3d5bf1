using System.Text.Json;
using Grader.Data.Entities;
using Grader.Data.Passback;

namespace Grader.Worker.Passback;

/// <summary>
/// The JSON body of an outgoing event, built from the stored (immutable) result, so every retry sends the same bytes.
/// Parts carry status and score only: feedback may quote the reference answer.
/// </summary>
public static class GradeEventBody
{
    public static byte[] Of(ClaimedGradeEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", e.Id);
            json.WriteString("type", e.Type);
            json.WriteString("occurredAt", e.OccurredAt.ToUniversalTime());
            json.WriteString("submissionId", e.Submission.Id);
            json.WriteString("source", e.Submission.Source);
            json.WriteString("externalId", e.Submission.ExternalId);
            json.WriteString("course", e.Submission.Course);
            json.WriteString("assignment", e.Submission.Assignment);
            json.WriteString("problemId", e.Submission.ProblemId);
            json.WriteString("studentId", e.Submission.StudentId);
            WriteNumber(json, "score", e.Score);
            WriteNumber(json, "maxScore", e.MaxScore);
            json.WriteString("status", e.Type == GradeEventTypes.Failed ? "failed" : "graded");
            json.WriteNumber("revision", e.Revision);
            json.WriteStartArray("parts");
            foreach (var part in e.Parts is null ? [] : PartOutcome.FromJson(e.Parts))
            {
                json.WriteStartObject();
                json.WriteString("partId", part.PartId);
                json.WriteString("status", part.Status);
                json.WriteNumber("score", part.Score);
                json.WriteNumber("maxScore", part.MaxScore);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
