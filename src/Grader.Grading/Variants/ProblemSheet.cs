using System.Globalization;
using System.Text.Json.Nodes;
using Grader.Grading.Model;

namespace Grader.Grading.Variants;

/// <summary>
/// What a student is shown of their variant, for an LMS to display: <c>{problemId, problemVersion, title, course,
/// variant: {origin, seed?, values}, statement, parts: [{id, kind, points, prompt}]}</c>. No reference is in it. The
/// seed is a decimal string, since a 64-bit seed does not survive a JavaScript number.
/// </summary>
public static class ProblemSheet
{
    public static JsonObject ToJson(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var variant = new JsonObject { ["origin"] = problem.Variant.Origin.ToString().ToLowerInvariant() };
        if (problem.Variant.Seed is { } seed)
        {
            variant["seed"] = seed.ToString(CultureInfo.InvariantCulture);
        }
        variant["values"] = new JsonObject(problem.Variant.Values.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));
        return new JsonObject
        {
            ["problemId"] = problem.Id,
            ["problemVersion"] = problem.Version,
            ["title"] = problem.Title,
            ["course"] = problem.Course,
            ["variant"] = variant,
            ["statement"] = problem.Statement,
            ["parts"] = new JsonArray(problem.Parts.Select(part => (JsonNode?)new JsonObject
            {
                ["id"] = part.Id,
                ["kind"] = part.Kind.ToString().ToLowerInvariant(),
                ["points"] = part.Points,
                ["prompt"] = part.Prompt,
            }).ToArray()),
        };
    }
}
