using System.Text;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;

namespace Grader.Engine.Tests.Expressions;

public class ExpressionRobustnessTests
{
    private static readonly string[] _pieces =
    [
        "x", "z", "A", "b", "c", "v", "M", "2", ".5", "1e-3", "e", "π", "T", "zeta", "+", "-", "−", "*", "·", "/", "^", ".*", "⊙",
        ".^", "'", "ᵀ", "²", "(", ")", ",", "<", ">=", " ", "sigmoid(", "σ(", "max(", "dot(", "diag(", "norm(", "softmax(", "sum(",
        "log(", "#", "..", "**", "^T", "1e999", "|", "[", "]", "./", "@", ".T", "Av", "xyz", "Sigmoid(", "sigma(", "η", "'(",
        "‖", "||", "⁽", "⁾", "¹", "_2", "_F", "x_1", "A_1v", "σ'",
    ];

    [Fact]
    public void Random_answers_never_throw_anything_but_a_reported_error()
    {
        var random = new Random(1234);
        for (var trial = 0; trial < 20_000; trial++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 16);
            for (var i = 0; i < length; i++)
            {
                text.Append(_pieces[random.Next(_pieces.Length)]);
            }
            if (ExpressionParser.TryParse(text.ToString(), ExpressionCases.Variables.Keys, out var parsed, out var error))
            {
                parsed.TryEvaluate(ExpressionCases.Variables, out Matrix? _, out error);
                Assert.Equal(parsed.ToString(), ExpressionParser.Parse(parsed.ToString(), ExpressionCases.Variables.Keys).ToString());
            }
            Assert.True(error is null || error.Position <= text.Length + 1, $"'{text}': {error}");
        }
    }
}
