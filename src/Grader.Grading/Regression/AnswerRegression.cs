using System.Text.Json;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.Regression;

/// <summary>
/// Author-kept answers with the verdict each part must get, run by <c>grader check --answers DIR</c> as regression tests: a
/// tolerance or data edit that changes a verdict is caught before a regrade. A file is
/// <c>{"problem": id, "answers": {part: answer}, "expect": {part: "correct" | {"status": "partial", "feedback": "text it contains"}}}</c>.
/// </summary>
public static class AnswerRegression
{
    /// <summary>Grades one answers file; returns each way its verdicts differ from the expected ones (none when all hold).</summary>
    public static IReadOnlyList<string> Run(string file, IReadOnlyDictionary<string, Problem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            return [$"{file}: cannot read the answers file: {exception.Message}"];
        }
        using (document)
        {
            return Check(file, document.RootElement, problems);
        }
    }

    private static List<string> Check(string file, JsonElement root, IReadOnlyDictionary<string, Problem> problems)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("problem", out var id) || id.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("answers", out var answers) || !root.TryGetProperty("expect", out var expect) || expect.ValueKind != JsonValueKind.Object)
        {
            return [$"{file}: an answers file is {{\"problem\": id, \"answers\": {{…}}, \"expect\": {{part: status}}}}"];
        }
        if (!problems.TryGetValue(id.GetString()!, out var problem))
        {
            return [$"{file}: no problem '{id.GetString()}' (known: {string.Join(", ", problems.Keys.Order(StringComparer.Ordinal))})"];
        }
        var report = problem.Grade(answers);
        var failures = report.UnknownAnswers.Select(name => $"{file}: answers part '{name}', which {problem.Id} does not have").ToList();
        foreach (var expectation in expect.EnumerateObject())
        {
            var result = report.Parts.FirstOrDefault(part => part.PartId == expectation.Name);
            if (result is null)
            {
                failures.Add($"{file}: expects part '{expectation.Name}', which {problem.Id} does not have");
                continue;
            }
            var (status, feedback) = Expected(expectation.Value);
            if (status is null)
            {
                failures.Add($"{file}, part {result.PartId}: the expectation is a status ({string.Join(", ", Enum.GetNames<PartStatus>().Select(n => n.ToLowerInvariant()))}) or {{status, feedback}}");
                continue;
            }
            var actual = GradeReportJson.StatusName(result.Status);
            if (actual != status)
            {
                failures.Add($"{file}, part {result.PartId}: {status} was expected, the grader says {actual}: {result.Feedback}");
            }
            else if (feedback is not null && !result.Feedback.Contains(feedback, StringComparison.Ordinal))
            {
                failures.Add($"{file}, part {result.PartId}: the feedback should contain \"{feedback}\" but is: {result.Feedback}");
            }
        }
        return failures;
    }

    private static (string? Status, string? Feedback) Expected(JsonElement value)
    {
        var (status, feedback) = value.ValueKind switch
        {
            JsonValueKind.String => (value.GetString(), null),
            JsonValueKind.Object => (value.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null,
                value.TryGetProperty("feedback", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null),
            _ => (null, null),
        };
        var known = Enum.GetNames<PartStatus>().Select(name => name.ToLowerInvariant());
        return status is not null && known.Contains(status) ? (status, feedback) : (null, null);
    }
}
