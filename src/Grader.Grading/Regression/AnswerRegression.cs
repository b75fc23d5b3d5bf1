using System.Globalization;
using System.Text.Json;
using Grader.Grading.Judging;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.Grading.Regression;

/// <summary>
/// Author-kept answers with the verdict each part must get, run by <c>grader check --answers DIR</c> as regression tests: a
/// tolerance or data edit that changes a verdict is caught before a regrade. A file is
/// <c>{"problem": id, "answers": {part: answer}, "expect": {part: "correct" | {"status": "partial", "feedback": "text it contains"}}}</c>,
/// with an optional <c>"seed": "12"</c> to grade against that variant of a randomized problem.
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
        if (root.TryGetProperty("seed", out var seed))
        {
            if (!TryVariant(problem, seed, out var variant, out var refusal))
            {
                return [$"{file}: {refusal}"];
            }
            problem = variant;
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

    // A seed is a decimal string (a 64-bit seed does not survive a JSON number in every tool) or a small number.
    private static bool TryVariant(Problem problem, JsonElement seed, out Problem variant, out string refusal)
    {
        (variant, refusal) = (problem, "");
        var text = seed.ValueKind is JsonValueKind.String or JsonValueKind.Number ? seed.ToString() : "";
        if (problem.Variants is null)
        {
            refusal = $"'seed' is for randomized problems; {problem.Id} declares no parameters";
            return false;
        }
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            refusal = $"'seed' must be a whole number from 0 to {ulong.MaxValue}, not {seed.GetRawText()}";
            return false;
        }
        try
        {
            variant = problem.Variants.ForSeed(value);
            return true;
        }
        catch (VariantException exception)
        {
            refusal = exception.Message;
            return false;
        }
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
