using Grader.Engine.Expressions.Parsing;

namespace Grader.Engine.Tests.Expressions;

public class ExpressionCanonicalFormTests
{
    public static TheoryData<string, string> Cases => ExpressionCases.Load("expression-canonical-cases.txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Answer_prints_in_canonical_form(string expression, string expected)
    {
        Assert.Equal(expected, ExpressionParser.Parse(expression, ExpressionCases.Variables.Keys).ToString());
    }
}
