namespace Grader.Engine.Expressions.Parsing;

/// <summary>The functions an answer may call: canonical name and argument count for each spelling students use.</summary>
internal static class KnownFunctions
{
    private static readonly Dictionary<string, (string Canonical, int MinArguments, int MaxArguments)> _byName = new(StringComparer.Ordinal)
    {
        ["exp"] = ("exp", 1, 1),
        ["log"] = ("log", 1, 1),
        ["ln"] = ("log", 1, 1),
        ["sqrt"] = ("sqrt", 1, 1),
        ["abs"] = ("abs", 1, 1),
        ["tanh"] = ("tanh", 1, 1),
        ["sigmoid"] = ("sigmoid", 1, 1),
        ["σ"] = ("sigmoid", 1, 1),
        ["relu"] = ("relu", 1, 1),
        ["ReLU"] = ("relu", 1, 1),
        ["lure"] = ("lure", 1, 1),
        ["LUre"] = ("lure", 1, 1),
        ["step"] = ("step", 1, 1),
        ["heaviside"] = ("step", 1, 1),
        ["sign"] = ("sign", 1, 1),
        ["sin"] = ("sin", 1, 1),
        ["cos"] = ("cos", 1, 1),
        ["max"] = ("max", 1, 2),
        ["min"] = ("min", 1, 2),
        ["sum"] = ("sum", 1, 1),
        ["transpose"] = ("transpose", 1, 1),
        ["diag"] = ("diag", 1, 1),
        ["dot"] = ("dot", 2, 2),
        ["norm"] = ("norm", 1, 1),
        ["softmax"] = ("softmax", 1, 1),
    };

    public static bool TryFind(string name, out string canonical, out int minArguments, out int maxArguments)
    {
        var found = _byName.TryGetValue(name, out var entry);
        (canonical, minArguments, maxArguments) = found ? entry : (name, 0, 0);
        return found;
    }
}
