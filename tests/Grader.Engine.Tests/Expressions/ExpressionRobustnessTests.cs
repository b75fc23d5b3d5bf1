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
        RandomAnswers.AssertOnlyReportedErrors(_pieces, seed: 1234);
    }
}
