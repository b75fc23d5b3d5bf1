using System.Globalization;
using System.Text.Json.Nodes;
using Grader.Engine.Linear;
using Grader.Grading.Judging;

namespace Grader.Grading.Answers;

/// <summary>Writes a computed value in the JSON shape a student would submit it in.</summary>
internal static class JsonShapes
{
    public static JsonNode ToJson(Matrix value, ValueShape shape) => shape switch
    {
        ValueShape.Scalar => JsonValue.Create(Clean(value.ScalarValue)),
        ValueShape.Vector => new JsonArray(value.ToArray().Select(x => (JsonNode?)JsonValue.Create(Clean(x))).ToArray()),
        _ => new JsonArray(value.ToRows()
            .Select(row => (JsonNode?)new JsonArray(row.Select(x => (JsonNode?)JsonValue.Create(Clean(x))).ToArray())).ToArray()),
    };

    // Twelve significant digits: 0.5999999999999996 reads as 0.6, far inside any tolerance; −0 reads as 0.
    private static double Clean(double value) =>
        value == 0 ? 0 : double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
