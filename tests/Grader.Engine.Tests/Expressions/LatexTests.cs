using Grader.Engine.Expressions;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;

namespace Grader.Engine.Tests.Expressions;

public class LatexTests
{
    public static TheoryData<string, string> CanonicalCases => ExpressionCases.Load("latex-canonical-cases.txt");

    public static TheoryData<string, string> ErrorCases => ExpressionCases.Load("latex-error-cases.txt");

    [Theory]
    [MemberData(nameof(CanonicalCases))]
    public void Latex_answer_reads_as_the_plain_syntax(string latex, string expected)
    {
        Assert.Equal(expected, ExpressionParser.Parse(latex, ExpressionCases.Variables.Keys).ToString());
    }

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Unreadable_latex_is_refused_with_its_position(string latex, string expected)
    {
        Assert.Equal(expected, FirstError(latex)?.ToString());
    }

    private static ExpressionError? FirstError(string expression)
    {
        if (!ExpressionParser.TryParse(expression, ExpressionCases.Variables.Keys, out var parsed, out var error))
        {
            return error;
        }
        return parsed.TryEvaluate(ExpressionCases.Variables, out Matrix? _, out error) ? null : error;
    }
}
