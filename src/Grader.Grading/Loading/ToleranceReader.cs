using Grader.Grading.Model;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Loading;

/// <summary>Reads a part's <c>tolerance</c>: <c>exact</c>, or <c>{rtol, atol}</c> (each defaulting to the service default).</summary>
internal static class ToleranceReader
{
    public static Tolerance Read(YamlMap part, bool integerValued)
    {
        var node = part.Find("tolerance");
        if (node is null)
        {
            return integerValued ? Tolerance.ExactMatch : Tolerance.Default;
        }
        if (node is YamlScalarNode { Value: "exact" })
        {
            return Tolerance.ExactMatch;
        }
        var map = part.AsMap(node, "tolerance");
        map.AllowOnly("rtol", "atol");
        var tolerance = new Tolerance(map.OptionalNumber("rtol", Tolerance.Default.Relative), map.OptionalNumber("atol", Tolerance.Default.Absolute));
        if (tolerance.Relative < 0 || tolerance.Absolute < 0)
        {
            throw map.Error("tolerances cannot be negative");
        }
        return tolerance;
    }
}
