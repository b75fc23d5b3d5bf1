using System.Globalization;
using System.Text.Json.Nodes;

namespace Grader.Bench;

/// <summary>
/// The handout's known mistakes (<c>examples/P.mistakes.json</c>) made again on another variant's numbers, so a
/// randomized run sends wrong answers of the same kind as the fixed run's: a number the mistake kept stays the variant's
/// right one, any other is off from the variant's by the same factor (a sign error stays a sign error) and at least as
/// far as the handout's; an edited expression gets the same edit at the same end of the variant's expression;
/// a missing field or element stays missing; anything else (a word for a number) is sent as it is.
/// </summary>
public static class RelativeMistakes
{
    /// <param name="right">The handout's right answers.</param>
    /// <param name="wrong">The handout's wrong answers.</param>
    /// <param name="variantRight">The variant's right answers.</param>
    public static JsonObject Apply(JsonObject right, JsonObject wrong, JsonObject variantRight)
    {
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(wrong);
        ArgumentNullException.ThrowIfNull(variantRight);
        return (JsonObject)Relative(right, wrong, variantRight)!;
    }

    private static JsonNode? Relative(JsonNode? right, JsonNode? wrong, JsonNode? variant)
    {
        switch (wrong)
        {
            case JsonObject fields when right is JsonObject rightFields && variant is JsonObject variantFields:
                return new JsonObject(fields.Select(field => KeyValuePair.Create(field.Key,
                    rightFields.ContainsKey(field.Key) && variantFields.ContainsKey(field.Key)
                        ? Relative(rightFields[field.Key], field.Value, variantFields[field.Key])
                        : field.Value?.DeepClone())));
            case JsonArray elements when right is JsonArray rightElements && variant is JsonArray variantElements:
                return new JsonArray(elements.Select((element, i) => i < rightElements.Count && i < variantElements.Count
                    ? Relative(rightElements[i], element, variantElements[i])
                    : element?.DeepClone()).ToArray());
            case JsonValue value when Number(value) is { } w && Number(right) is { } r && Number(variant) is { } v:
                return JsonValue.Create(RelativeNumber(r, w, v));
            case JsonValue value when value.TryGetValue<string>(out var w) && right is JsonValue rightValue
                && rightValue.TryGetValue<string>(out var r) && variant is JsonValue variantValue && variantValue.TryGetValue<string>(out var v):
                return JsonValue.Create(SameEdit(r, w, v));
            default:
                return wrong?.DeepClone();
        }
    }

    // The same relative error, so a number within the default 1 % stays within it and one outside stays outside; and a
    // wrong number at least as far off as the handout's, so a variant whose own number is tiny (an output saturated at
    // 0, where an absolute tolerance of 1e-8 takes over) or 0 (a sign error on 0) does not turn the mistake right.
    private static double RelativeNumber(double right, double wrong, double variant)
    {
        if (wrong == right || variant == right)
        {
            return wrong == right ? variant : wrong;
        }
        var scaled = right == 0 ? variant : variant * (wrong / right);
        var off = Math.Abs(wrong - right);
        return off <= 0.01 * Math.Abs(right) || Math.Abs(scaled - variant) >= off ? scaled : variant + (wrong - right);
    }

    // right = P + X + S and wrong = P + Y + S (longest common prefix P, then longest common suffix S): X becomes Y in the
    // variant's text, found from the end it is nearer to (the variant's numbers differ in between); else wrong as it is.
    private static string SameEdit(string right, string wrong, string variant)
    {
        if (right == variant)
        {
            return wrong;
        }
        var prefix = 0;
        while (prefix < right.Length && prefix < wrong.Length && right[prefix] == wrong[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < right.Length - prefix && suffix < wrong.Length - prefix && right[^(suffix + 1)] == wrong[^(suffix + 1)])
        {
            suffix++;
        }
        var removed = right[prefix..^suffix];
        var added = wrong[prefix..^suffix];
        var head = right[..prefix];
        var tail = right[^suffix..];
        if (suffix <= prefix && variant.EndsWith(removed + tail, StringComparison.Ordinal))
        {
            return variant[..^(removed.Length + tail.Length)] + added + tail;
        }
        if (variant.StartsWith(head + removed, StringComparison.Ordinal))
        {
            return head + added + variant[(head.Length + removed.Length)..];
        }
        return wrong;
    }

    private static double? Number(JsonNode? node) => node is not JsonValue value ? null
        : value.TryGetValue<double>(out var number) ? number
        : value.TryGetValue<string>(out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) ? number
        : null;
}
