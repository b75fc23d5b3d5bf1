using Grader.Engine.Recurrent;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.References.Designs;

/// <summary>
/// Reads a design part's reference: <c>equivalentNetwork: {target, template}</c> (a one-input network whose weights are
/// parameter names) or <c>lstmBehaviour: {alphabet, maxLength, round, target}</c> where the target is
/// <c>{lstm: name, factor: -1}</c> or <c>runningSumSign</c>.
/// </summary>
internal static class DesignReader
{
    public static AnswerKey Read(YamlMap reference, ProblemContext context, Tolerance tolerance)
    {
        reference.AllowOnly("equivalentNetwork", "lstmBehaviour", "separates");
        if (reference.OptionalMap("equivalentNetwork") is { } equivalent)
        {
            return ReadNetworkDesign(equivalent, context, tolerance);
        }
        if (reference.OptionalMap("separates") is { } separates)
        {
            return PointSetDesignReader.Read(separates);
        }
        if (reference.OptionalMap("lstmBehaviour") is { } behaviour)
        {
            return ReadLstmDesign(behaviour, context);
        }
        throw reference.Error("a design reference is equivalentNetwork, separates or lstmBehaviour");
    }

    private static AnswerKey ReadNetworkDesign(YamlMap spec, ProblemContext context, Tolerance tolerance)
    {
        spec.AllowOnly("target", "template", "describe", "box");
        var target = context.Network(spec, "target");
        var template = spec.Map("template");
        var names = TemplateNames(template);
        var placeholder = NetworkReader.Read(template, names.ToDictionary(name => name, _ => 1.0));
        if (placeholder.InputSize != target.InputSize || placeholder.OutputSize != target.OutputSize)
        {
            throw template.Error($"the template takes {placeholder.InputSize} inputs to {placeholder.OutputSize} outputs, "
                + $"the target {target.InputSize} to {target.OutputSize}");
        }
        var description = spec.OptionalString("describe") ?? $"the network '{spec.String("target")}'";
        if (target.InputSize == 1 && !spec.Has("box"))
        {
            return new NetworkDesignKey(target, description, names, values => NetworkReader.Read(template, values), tolerance);
        }
        var box = ReadBox(spec, target.InputSize);
        return new SampledNetworkDesignKey(target, description, names, values => NetworkReader.Read(template, values), box, tolerance);
    }

    /// <summary>The parameter names of a template, which is built once with placeholders so a broken one fails at load.</summary>
    internal static IReadOnlyList<string> TemplateNames(YamlMap template)
    {
        var names = NetworkReader.ParameterNames(template);
        if (names.Count == 0)
        {
            throw template.Error("the template names no parameter for the student to choose");
        }
        NetworkReader.Read(template, names.ToDictionary(name => name, _ => 1.0));
        return names;
    }

    // box: [[x0, x1], [y0, y1], …], one interval per input; [-2, 2] for each when not given.
    private static List<(double Low, double High)> ReadBox(YamlMap spec, int inputs)
    {
        if (!spec.Has("box"))
        {
            return Enumerable.Repeat((-2.0, 2.0), inputs).ToList();
        }
        var box = spec.Matrix("box");
        if (box.Rows != inputs || box.Columns != 2 || Enumerable.Range(0, inputs).Any(i => !(box[i, 0] < box[i, 1])))
        {
            throw spec.Error($"'box' is one [low, high] per input ({inputs}), low < high");
        }
        return Enumerable.Range(0, inputs).Select(i => (box[i, 0], box[i, 1])).ToList();
    }

    private static LstmDesignKey ReadLstmDesign(YamlMap spec, ProblemContext context)
    {
        spec.AllowOnly("alphabet", "maxLength", "round", "target");
        var alphabet = spec.Matrix("alphabet").ToArray();
        var maxLength = spec.Integer("maxLength");
        if (maxLength is < 1 or > 24)
        {
            throw spec.Error("'maxLength' must be between 1 and 24");
        }
        var round = spec.OptionalBool("round", true);
        var targetNode = spec.Require("target");
        SequenceTarget target = targetNode switch
        {
            YamlScalarNode { Value: "runningSumSign" } => new RunningSumSignTarget(),
            YamlMappingNode => ReadLstmTarget(spec.AsMap(targetNode, "target"), context, round),
            _ => throw spec.Error("'target' is runningSumSign or {lstm: name, factor: number}", targetNode),
        };
        return new LstmDesignKey(alphabet, maxLength, round, target);
    }

    private static LstmTarget ReadLstmTarget(YamlMap target, ProblemContext context, bool round)
    {
        target.AllowOnly("lstm", "factor");
        var parameters = context.Lstm(target, "lstm");
        if (parameters.HiddenSize != 1 || parameters.InputSize != 1)
        {
            throw target.Error("a design target must be a scalar LSTM");
        }
        var factor = target.OptionalNumber("factor", 1);
        var name = target.String("lstm");
        var description = factor == 1 ? $"the h of '{name}'" : factor == -1 ? $"the negative of the h of '{name}'" : $"{factor} × the h of '{name}'";
        return new LstmTarget(new ScalarLstm(parameters), factor, round, description);
    }
}
