using Grader.Grading.Model;

namespace Grader.Grading.Loading;

/// <summary>Reads a manual part's <c>rubric:</c> (label, points, optional description) and <c>step:</c> (default 0.5).</summary>
internal static class RubricReader
{
    public const double DefaultStep = 0.5;

    public static IReadOnlyList<RubricItem> Read(YamlMap part, bool manual)
    {
        if (!part.Has("rubric"))
        {
            return [];
        }
        if (!manual)
        {
            throw part.Error("'rubric' is for manual parts");
        }
        var items = new List<RubricItem>();
        foreach (var node in part.Sequence("rubric"))
        {
            var item = part.AsMap(node, "rubric item");
            item.AllowOnly("label", "points", "description");
            var label = item.String("label").Trim();
            if (label.Length == 0 || items.Any(existing => existing.Label == label))
            {
                throw item.Error($"rubric labels must be non-empty and unique ('{label}')");
            }
            items.Add(new RubricItem(label, item.Number("points"), item.OptionalString("description") ?? ""));
        }
        return items;
    }

    public static double Step(YamlMap part, bool manual)
    {
        if (!part.Has("step"))
        {
            return DefaultStep;
        }
        var step = part.Number(part.Require("step"), "step");
        if (!manual || step <= 0)
        {
            throw part.Error("'step' is for manual parts and must be positive");
        }
        return step;
    }
}
