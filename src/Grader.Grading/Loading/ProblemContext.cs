using Grader.Engine.Networks;
using Grader.Engine.Recurrent;

namespace Grader.Grading.Loading;

/// <summary>What a part's reference may name (the problem's networks and LSTM cells, by name), and the warnings found so far.</summary>
internal sealed class ProblemContext(string problemId, string file)
{
    public string ProblemId { get; } = problemId;

    public string File { get; } = file;

    public Dictionary<string, FeedForwardNetwork> Networks { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, LstmParameters> Lstms { get; } = new(StringComparer.Ordinal);

    /// <summary>References that load but may not mean what the author meant, each with its place.</summary>
    public List<string> Warnings { get; } = [];

    public void Warn(YamlMap at, string message) =>
        Warnings.Add(FormattableString.Invariant($"{at.Location}, line {at.Node.Start.Line}: {message}"));

    /// <summary>The parts read so far, which a later part's <c>carriedFrom</c> may name.</summary>
    public Dictionary<string, Model.Part> Parts { get; } = new(StringComparer.Ordinal);

    public FeedForwardNetwork Network(YamlMap map, string key)
    {
        var name = map.String(key);
        return Networks.TryGetValue(name, out var network)
            ? network
            : throw map.Error($"no network named '{name}' (defined: {string.Join(", ", Networks.Keys)})", map.Find(key));
    }

    public LstmParameters Lstm(YamlMap map, string key)
    {
        var name = map.String(key);
        return Lstms.TryGetValue(name, out var lstm)
            ? lstm
            : throw map.Error($"no LSTM named '{name}' (defined: {string.Join(", ", Lstms.Keys)})", map.Find(key));
    }
}
