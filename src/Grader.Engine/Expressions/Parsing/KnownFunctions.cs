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
        // numpy's heaviside(x, h0) takes the value at 0 as a second argument (FunctionForms).
        ["heaviside"] = ("heaviside", 1, 2),
        ["sech"] = ("sech", 1, 1),
        ["maximum"] = ("max", 2, 2),
        ["minimum"] = ("min", 2, 2),
        ["where"] = ("where", 3, 3),
        ["sign"] = ("sign", 1, 1),
        ["sgn"] = ("sign", 1, 1),
        ["sin"] = ("sin", 1, 1),
        ["cos"] = ("cos", 1, 1),
        ["cosh"] = ("cosh", 1, 1),
        ["sinh"] = ("sinh", 1, 1),
        ["max"] = ("max", 1, 2),
        ["min"] = ("min", 1, 2),
        ["sum"] = ("sum", 1, 1),
        // Capital sigma is the sum sign, never σ: the case-insensitive lookup below would otherwise read it as sigmoid.
        ["Σ"] = ("sum", 1, 1),
        ["∑"] = ("sum", 1, 1),
        ["transpose"] = ("transpose", 1, 1),
        ["diag"] = ("diag", 1, 1),
        ["dot"] = ("dot", 2, 2),
        ["outer"] = ("outer", 2, 2),
        ["matmul"] = ("matmul", 2, 2),
        ["norm"] = ("norm", 1, 1),
        ["softmax"] = ("softmax", 1, 1),
    };

    // Only right before "(" can a name be nothing but a call, so only there are "Sigmoid", "EXP" and "sigma" read as functions;
    // elsewhere they stay names a part may declare.
    private static readonly Dictionary<string, (string Canonical, int MinArguments, int MaxArguments)> _beforeParenthesis =
        BeforeParenthesis();

    // Single letters that are the step only when called: H and Θ are common names of nodes and variables (H = hidden states).
    private static readonly Dictionary<string, (string Canonical, int MinArguments, int MaxArguments)> _lettersBeforeParenthesis =
        new(StringComparer.Ordinal) { ["H"] = ("step", 1, 1), ["Θ"] = ("step", 1, 1) };

    /// <summary>The function a name spells; <paramref name="beforeParenthesis"/> also admits other letter cases and aliases.</summary>
    public static bool TryFind(string name, bool beforeParenthesis, out string canonical, out int minArguments, out int maxArguments)
    {
        if (Namespaces.TryStrip(name, out var member))
        {
            // numpy's dot is the matrix product of 2-D arrays (and the inner product of two vectors), not the strict dot.
            var foundMember = _byName.TryGetValue(member == "dot" ? "matmul" : member, out var memberEntry);
            (canonical, minArguments, maxArguments) = foundMember ? memberEntry : (name, 0, 0);
            return foundMember;
        }
        var found = _byName.TryGetValue(name, out var entry)
            || (beforeParenthesis && (_lettersBeforeParenthesis.TryGetValue(name, out entry) || _beforeParenthesis.TryGetValue(name, out entry)));
        (canonical, minArguments, maxArguments) = found ? entry : (name, 0, 0);
        return found;
    }

    private static Dictionary<string, (string Canonical, int MinArguments, int MaxArguments)> BeforeParenthesis()
    {
        var byName = new Dictionary<string, (string Canonical, int MinArguments, int MaxArguments)>(StringComparer.OrdinalIgnoreCase)
        {
            ["sigma"] = _byName["sigmoid"],
            // The step written as the physicists' Θ: "\Theta(x)" reads as Theta(x).
            ["Theta"] = _byName["step"],
            // The MIT 6.390 handout's own notation: f_reLU(z) and f_LUre(z).
            ["f_relu"] = _byName["relu"],
            ["f_lure"] = _byName["lure"],
        };
        foreach (var (name, entry) in _byName)
        {
            byName.TryAdd(name, entry);
        }
        return byName;
    }
}
