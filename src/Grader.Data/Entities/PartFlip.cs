using System.Text.Json;

namespace Grader.Data.Entities;

/// <summary>A part whose grade a regrade changes, the element type of <see cref="RegradeItem.Flips"/> (jsonb).</summary>
public sealed record PartFlip(string PartId, string From, string To, double OldScore, double NewScore)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson(IReadOnlyList<PartFlip> flips) => JsonSerializer.Serialize(flips, Json);

    public static IReadOnlyList<PartFlip> FromJson(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<PartFlip>>(json, Json) ?? [];
}
