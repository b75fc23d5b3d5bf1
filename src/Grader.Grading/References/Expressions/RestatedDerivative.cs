using System.Text.RegularExpressions;
using Grader.Engine.Expressions.Ast;

namespace Grader.Grading.References.Expressions;

/// <summary>
/// A part that asks for f′ of a known function (dσ/dx, d ReLU/dx) cannot be answered "σ'(x)": the grader reads σ' as the
/// derivative elsewhere (inside a chain rule), but here it restates the question.
/// </summary>
internal static partial class RestatedDerivative
{
    private static readonly Dictionary<string, string[]> Spellings = new(StringComparer.Ordinal)
    {
        ["sigmoid"] = ["sigmoid", "σ", "sigma"],
        ["relu"] = ["relu", "f_relu"],
        ["lure"] = ["lure", "f_lure"],
        ["tanh"] = ["tanh"],
    };

    /// <summary>The function a derivative reference is f′(x) of, when it is one students could name with a prime.</summary>
    public static string? Of(Expression function, string wrt) =>
        function is CallExpression { Arguments: [VariableExpression variable] } call && variable.Name == wrt
            && Spellings.ContainsKey(call.Function)
            ? call.Function
            : null;

    /// <summary>Whether the answer text writes f with a prime.</summary>
    public static bool IsIn(string text, string function) =>
        Primed().Matches(text).Any(match => Spellings[function].Contains(match.Groups["name"].Value.ToLowerInvariant(), StringComparer.Ordinal));

    public static string Message(string function) =>
        $"Your answer writes the derivative this part asks for as {Spellings[function][0]}′ itself: write it out "
        + (function == "sigmoid" ? "(in terms of σ or exp)." : "(as a function of the variable).");

    [GeneratedRegex(@"(?<name>[A-Za-zσ_]+)\}*\s*(?:'|′|’|\^\s*\{?\s*\\prime\s*\}?)\s*\(")]
    private static partial Regex Primed();
}
