using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Variants;

/// <summary>A YAML answer (an <c>accepts:</c> constraint) as the JSON a submission would carry: numbers stay numbers.</summary>
internal static class YamlJson
{
    public static JsonDocument ToDocument(YamlNode node) => JsonDocument.Parse(ToJson(node)?.ToJsonString() ?? "null");

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value ?? "", ToJson(pair.Value)))),
        YamlScalarNode { Value: { } text } => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(text),
        _ => null,
    };
}
