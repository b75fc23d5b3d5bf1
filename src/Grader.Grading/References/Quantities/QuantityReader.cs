using Grader.Engine.Linear;
using Grader.Engine.Losses;
using Grader.Grading.Loading;

namespace Grader.Grading.References.Quantities;

/// <summary>
/// Reads the computation a reference names. One of: <c>network</c> (with <c>input</c>, <c>target</c>, <c>loss</c>,
/// <c>learningRate</c>, <c>beta</c>), <c>parameterCount</c>, <c>lstm</c> (with <c>inputs</c>, <c>round</c>),
/// <c>region</c>, or <c>graph</c>.
/// </summary>
internal static class QuantityReader
{
    /// <summary>The keys a reference may hold besides its computation's own.</summary>
    public static readonly string[] CommonKeys = ["quantity", "fields"];

    private static readonly string[] NetworkKeys = ["network", "input", "target", "loss", "learningRate", "beta"];
    private static readonly string[] LstmKeys = ["lstm", "inputs", "round"];

    public static QuantitySource Read(YamlMap spec, ProblemContext context)
    {
        try
        {
            return ReadSource(spec, context);
        }
        catch (Exception exception) when (exception is ArgumentException or ShapeMismatchException or InvalidOperationException)
        {
            throw spec.Error(EngineMessage.Of(exception));
        }
    }

    /// <summary>The named quantity, with engine errors turned into problem-file errors at the part's line.</summary>
    public static Matrix Get(QuantitySource source, string quantity, YamlMap at)
    {
        try
        {
            return source.Get(quantity, at);
        }
        catch (Exception exception) when (exception is ArgumentException or ShapeMismatchException or InvalidOperationException)
        {
            throw at.Error($"cannot compute '{quantity}': {EngineMessage.Of(exception)}");
        }
    }

    private static QuantitySource ReadSource(YamlMap spec, ProblemContext context)
    {
        if (spec.Has("network"))
        {
            spec.AllowOnly([.. NetworkKeys, .. CommonKeys]);
            var network = context.Network(spec, "network");
            if (spec.Has("beta"))
            {
                network = RegionReader.WithSoftmaxBeta(network, spec.Number("beta"));
            }
            var lossName = spec.OptionalString("loss") ?? "squared-error";
            var loss = Loss.TryParse(lossName, out var parsed)
                ? parsed
                : throw spec.Error($"unknown loss '{lossName}' (squared-error, half-squared-norm, cross-entropy)");
            var target = spec.Has("target") ? spec.Matrix("target") : null;
            NetworkChecks.RequireSuitableLoss(spec, network, loss);
            var input = spec.Matrix("input");
            if (target is not null)
            {
                NetworkChecks.WarnAtKinks(spec, context, network, input);
            }
            return new NetworkQuantities(network, input, target, loss, spec.OptionalNumber("learningRate", 0));
        }
        if (spec.Has("parameterCount"))
        {
            spec.AllowOnly(["parameterCount", "offsets", .. CommonKeys]);
            var sizes = spec.Matrix("parameterCount").ToArray().Select(size => (int)size).ToList();
            return new ParameterCountQuantities(sizes, spec.OptionalBool("offsets", true));
        }
        if (spec.Has("lstm"))
        {
            spec.AllowOnly([.. LstmKeys, .. CommonKeys]);
            var inputs = spec.Matrix("inputs").ToArray().Select(Matrix.Scalar).ToList();
            return new LstmQuantities(context.Lstm(spec, "lstm"), inputs, spec.OptionalBool("round", false));
        }
        if (spec.Has("region"))
        {
            spec.AllowOnly(["region", .. CommonKeys]);
            return RegionReader.Read(spec.Map("region"), context);
        }
        if (spec.Has("graph"))
        {
            spec.AllowOnly(["graph", .. CommonKeys]);
            return GraphReader.Read(spec.Map("graph"), context);
        }
        throw spec.Error("a reference names one computation: network, parameterCount, lstm, region or graph");
    }
}
