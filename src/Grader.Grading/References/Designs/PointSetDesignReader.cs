using Grader.Engine.Linear;
using Grader.Grading.Loading;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.References.Designs;

/// <summary>
/// Reads <c>separates: {points: [[0, 0], [0, 1], …], labels: [0, 1, …], template: {…}, threshold: 0.5}</c>: a design whose
/// target is a labelled point set (XOR, "separate these points") rather than a given network.
/// </summary>
internal static class PointSetDesignReader
{
    public static PointSetDesignKey Read(YamlMap spec)
    {
        spec.AllowOnly("points", "labels", "template", "threshold");
        var template = spec.Map("template");
        var names = DesignReader.TemplateNames(template);
        var network = NetworkReader.Read(template, names.ToDictionary(name => name, _ => 1.0));
        if (spec.Require("points") is not YamlSequenceNode { Children.Count: > 0 } pointNodes)
        {
            throw spec.Error("'points' is a list of points, each a list of the network's inputs");
        }
        var points = pointNodes.Children.Select(node => spec.Matrix(node, "points")).ToList();
        if (points.Any(point => point.Columns != 1 || point.Rows != network.InputSize))
        {
            throw spec.Error($"every point needs {network.InputSize} coordinates, one per input of the template");
        }
        var labels = spec.Matrix("labels").ToArray();
        if (labels.Length != points.Count)
        {
            throw spec.Error($"'labels' needs one label per point ({points.Count}), not {labels.Length}");
        }
        var classes = network.OutputSize == 1 ? 2 : network.OutputSize;
        if (labels.Any(label => label != Math.Floor(label) || label < 0 || label >= classes))
        {
            throw spec.Error(network.OutputSize == 1
                ? "a one-output network separates labels 0 and 1"
                : $"labels are output indices 0 to {classes - 1} (the largest output decides)");
        }
        return new PointSetDesignKey(names, values => NetworkReader.Read(template, values), points, labels.Select(label => (int)label).ToList(),
            spec.OptionalNumber("threshold", 0.5));
    }
}
