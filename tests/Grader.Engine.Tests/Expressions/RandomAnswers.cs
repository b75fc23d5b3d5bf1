using System.Text;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;

namespace Grader.Engine.Tests.Expressions;

/// <summary>
/// Answers strung together at random from pieces a student might type: each is parsed and evaluated, and may only fail
/// with a reported error at a position inside the text (or just past it); one that parses prints as text that parses
/// to the same again. Seeded, so a failure repeats.
/// </summary>
internal static class RandomAnswers
{
    public static void AssertOnlyReportedErrors(IReadOnlyList<string> pieces, int seed, int trials = 20_000)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < trials; trial++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 16);
            for (var i = 0; i < length; i++)
            {
                text.Append(pieces[random.Next(pieces.Count)]);
            }
            if (ExpressionParser.TryParse(text.ToString(), ExpressionCases.Variables.Keys, out var parsed, out var error))
            {
                parsed.TryEvaluate(ExpressionCases.Variables, out Matrix? _, out error);
                Assert.Equal(parsed.ToString(), ExpressionParser.Parse(parsed.ToString(), ExpressionCases.Variables.Keys).ToString());
            }
            Assert.True(error is null || (error.Position >= 0 && error.Position <= text.Length + 1), $"'{text}': {error}");
        }
    }
}
