using System.Text.Json;
using Grader.Engine.Linear;
using Grader.Grading.Judging;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using Grader.Grading.References.Expressions;

namespace Grader.Grading.Tests;

/// <summary>Variables sampled under a constraint (one-hot, simplex, …), so answers true only under it are graded right.</summary>
public class ConstrainedVariableTests
{
    private static Problem Load(string variables, string reference, string extra = "") => ProblemLoader.LoadText(
        "id: demo\ntitle: Demo\ncourse: Test\nparts:\n  - id: p\n    kind: expression\n    tolerance: { rtol: 1.0e-6, atol: 1.0e-9 }\n"
        + $"    variables: {variables}\n{extra}    reference: {reference}\n", "demo.yaml");

    private static PartResult Grade(Problem problem, string answer)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(answer));
        return problem.FindPart("p")!.Grade(json.RootElement);
    }

    private const string CrossEntropyGradient = "{ derivative: { of: \"-sum(y .* log(softmax(z)))\", wrt: z } }";

    [Fact]
    public void Textbook_softmax_cross_entropy_gradient_p_minus_y_is_correct_with_a_one_hot_label()
    {
        var problem = Load("{ z: { shape: [3, 1] }, y: { shape: [3, 1], kind: one-hot } }", CrossEntropyGradient);
        Assert.Equal(PartStatus.Correct, Grade(problem, "softmax(z) - y").Status);
        Assert.Equal(PartStatus.Incorrect, Grade(problem, "y - softmax(z)").Status);
    }

    [Fact]
    public void Textbook_gradient_is_wrong_for_an_unconstrained_label_so_the_constraint_matters()
    {
        var problem = Load("{ z: { shape: [3, 1] }, y: { shape: [3, 1], range: [0, 1] } }", CrossEntropyGradient);
        Assert.Equal(PartStatus.Incorrect, Grade(problem, "softmax(z) - y").Status);
        Assert.Equal(PartStatus.Correct, Grade(problem, "sum(y)*softmax(z) - y").Status);
    }

    [Fact]
    public void Probability_vector_label_also_makes_p_minus_y_correct()
    {
        var problem = Load("{ z: { shape: [3, 1] }, y: { shape: [3, 1], kind: simplex } }", CrossEntropyGradient);
        Assert.Equal(PartStatus.Correct, Grade(problem, "softmax(z) - y").Status);
    }

    [Theory]
    [InlineData("{ y: { shape: [4, 1], kind: one-hot } }", "{ equals: \"y .* y\" }", "y")]
    [InlineData("{ y: { shape: [4, 1], kind: one-hot } }", "{ equals: \"sum(y)\" }", "1")]
    [InlineData("{ p: { shape: [4, 1], kind: simplex } }", "{ equals: \"sum(p)\" }", "1")]
    [InlineData("{ n: { range: [-5, 5], kind: integer } }", "{ equals: \"sin(pi*n)\" }", "0")]
    [InlineData("{ x: { kind: positive } }", "{ equals: \"abs(x)\" }", "x")]
    [InlineData("{ u: { shape: [3, 1], kind: unit-norm } }", "{ equals: \"norm(u)\" }", "1")]
    [InlineData("{ S: { shape: [3, 3], kind: symmetric } }", "{ equals: \"S'\" }", "S")]
    [InlineData("{ P: { shape: [2, 2], kind: positive-definite }, x: { shape: [2, 1] } }", "{ equals: \"abs(x'*P*x)\" }", "x'*P*x")]
    public void Answer_true_only_under_the_constraint_is_correct(string variables, string reference, string answer)
    {
        Assert.Equal(PartStatus.Correct, Grade(Load(variables, reference), answer).Status);
    }

    [Fact]
    public void Positive_definite_samples_have_positive_eigenvalues()
    {
        var drawn = Matrix.FromRows([[1.5, -2], [0.3, 0.1]]);
        var p = VariableConstraints.Apply(VariableConstraint.PositiveDefinite, drawn, -2, 2);
        // A symmetric 2×2 matrix is positive definite when its trace and determinant are positive.
        Assert.Equal(p[0, 1], p[1, 0]);
        Assert.True(p[0, 0] + p[1, 1] > 0 && p[0, 0] * p[1, 1] - p[0, 1] * p[1, 0] > 0);
    }

    [Theory]
    [InlineData("{ y: { shape: [3, 2], kind: one-hot } }", "a one-hot variable is a column vector")]
    [InlineData("{ S: { shape: [3, 2], kind: symmetric } }", "a symmetric variable is a square matrix")]
    [InlineData("{ x: { range: [-1, 1], kind: positive } }", "a positive variable needs a range with low ≥ 0")]
    [InlineData("{ x: { kind: orthogonal } }", "unknown variable kind 'orthogonal'")]
    public void Constraint_that_cannot_hold_is_a_check_error(string variables, string reason)
    {
        var exception = Assert.Throws<ProblemFileException>(() => Load(variables, "{ equals: \"1\" }"));
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_auxiliary_variable_is_never_shown_in_feedback_or_the_reference()
    {
        var problem = Load("{ u: { shape: [3, 1], hidden: true }, z: { shape: [3, 1] } }", "{ equals: \"y .* z\" }",
            "    definitions: { y: \"softmax(u)\" }\n");
        var result = Grade(problem, "z");
        Assert.Equal(PartStatus.Incorrect, result.Status);
        Assert.DoesNotContain("u (", result.Feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("u (", problem.FindPart("p")!.DescribeReference(), StringComparison.Ordinal);
        Assert.Equal(PartStatus.Correct, Grade(problem, "y .* z").Status);
        var named = Grade(problem, "softmax(u) .* z");
        Assert.Equal(PartStatus.Invalid, named.Status);
        Assert.Contains("unknown variable 'u'", named.Feedback, StringComparison.Ordinal);
    }
}
