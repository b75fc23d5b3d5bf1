using Grader.Engine.Networks;
using Grader.Engine.Recurrent;
using Grader.Engine.Regions;

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

    /// <summary>
    /// The pieces of a box on which a network's piecewise-linear layers are affine, split once per file (or variant) for
    /// every region part on the same layers and box: hw4 asks 6 region questions of one network (another softmax β keeps
    /// the layers below it).
    /// </summary>
    public IReadOnlyList<LinearPiece> Pieces(FeedForwardNetwork network, Box box)
    {
        var layers = network.Layers.TakeWhile(layer => layer.Activation.IsPiecewiseLinear).ToArray();
        foreach (var (knownLayers, knownBox, inputs, pieces) in _pieces)
        {
            if (knownBox == box && inputs == network.InputSize && knownLayers.SequenceEqual(layers, ReferenceEqualityComparer.Instance))
            {
                return pieces;
            }
        }
        var computed = PiecewiseLinearRegions.Decompose(network, box);
        _pieces.Add((layers, box, network.InputSize, computed));
        return computed;
    }

    private readonly List<(Layer[] Layers, Box Box, int Inputs, IReadOnlyList<LinearPiece> Pieces)> _pieces = [];

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
