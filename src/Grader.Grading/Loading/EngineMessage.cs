using System.Text.RegularExpressions;

namespace Grader.Grading.Loading;

/// <summary>An engine exception's message as an author should read it: without .NET's " (Parameter 'network')" tail.</summary>
internal static partial class EngineMessage
{
    public static string Of(Exception exception) => ParameterTail().Replace(exception.Message, "");

    [GeneratedRegex(@" \(Parameter '[^']*'\)$")]
    private static partial Regex ParameterTail();
}
