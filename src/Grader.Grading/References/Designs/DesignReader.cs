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
        reference.AllowOnly("equivalentNetwork", "lstmBehaviour");
        if (reference.OptionalMap("equivalentNetwork") is { } equivalent)
        {
            return ReadNetworkDesign(equivalent, context, tolerance);
        }
        if (reference.OptionalMap("lstmBehaviour") is { } behaviour)
        {
            return ReadLstmDesign(behaviour, context);
        }
        throw reference.Error("a design reference is equivalentNetwork or lstmBehaviour");
    }

    private static NetworkDesignKey ReadNetworkDesign(YamlMap spec, ProblemContext context, Tolerance tolerance)
    {
        spec.AllowOnly("target", "template", "describe");
        var target = context.Network(spec, "target");
        var template = spec.Map("template");
        var names = NetworkReader.ParameterNames(template);
        if (names.Count == 0)
        {
            throw template.Error("the template names no parameter for the student to choose");
        }
        // Build it once with placeholder values so a broken template fails at load, not while grading.
        NetworkReader.Read(template, names.ToDictionary(name => name, _ => 1.0));
        var description = spec.OptionalString("describe") ?? $"the network '{spec.String("target")}'";
        return new NetworkDesignKey(target, description, names, values => NetworkReader.Read(template, values), tolerance);
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
