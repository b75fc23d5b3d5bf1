using Grader.Engine.Autodiff;
using Grader.Engine.Expressions.Ast;
using Grader.Engine.Expressions.Evaluation;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;

namespace Grader.Engine.Tests.Expressions;

public class DefinitionTests
{
    private static readonly IReadOnlyCollection<string> _names = [.. ExpressionCases.Variables.Keys, "z1", "z2"];

    [Fact]
    public void Answer_may_use_definitions_as_variables()
    {
        var environment = Environment(new() { ["z1"] = "A*v", ["z2"] = "sigmoid(z1)" });

        var viaDefinitions = Parse("b'*z2").Evaluate(environment);
        var direct = Parse("b'*sigmoid(A*v)").Evaluate(environment);

        Assert.Equal(direct.Value.ScalarValue, viaDefinitions.Value.ScalarValue, 15);
    }

    [Fact]
    public void Definition_is_evaluated_once_per_environment()
    {
        var environment = Environment(new() { ["z1"] = "A*v", ["z2"] = "sigmoid(z1)" });

        var first = Parse("z2").Evaluate(environment);
        var second = Parse("z2").Evaluate(environment);

        Assert.Same(first, second);
    }

    [Fact]
    public void Unused_broken_definition_does_no_harm()
    {
        var environment = Environment(new() { ["z1"] = "A*b", ["z2"] = "c" });

        Assert.Equal(6, Parse("sum(z2)").Evaluate(environment).Value.ScalarValue);
    }

    [Fact]
    public void Cyclic_definitions_are_reported_at_the_use_in_the_answer()
    {
        var environment = Environment(new() { ["z1"] = "z2 + 1", ["z2"] = "2*z1" });

        Assert.False(Parse("x + z1").TryEvaluate(environment, out _, out var error));

        Assert.Equal("definition 'z1' depends on itself (z1 → z2 → z1) at 5", error.ToString());
    }

    [Fact]
    public void Failing_definition_is_reported_at_the_use_in_the_answer_with_its_own_error()
    {
        var environment = Environment(new() { ["z1"] = "A*b", ["z2"] = "z1 + 1" });

        Assert.False(Parse("2*z2").TryEvaluate(environment, out _, out var error));

        Assert.Equal("definition 'z2' failed (cannot multiply 3×2 by 3×1 at 2) at 3", error.ToString());
    }

    [Fact]
    public void Environment_names_include_variables_and_definitions()
    {
        var environment = Environment(new() { ["z1"] = "A*v" });

        Assert.Equal(["A", "M", "b", "c", "v", "x", "y", "z", "z1"], environment.Names.Order(StringComparer.Ordinal));
    }

    private static Expression Parse(string text) => ExpressionParser.Parse(text, _names);

    private static EvaluationEnvironment Environment(Dictionary<string, string> definitions)
    {
        var parsed = new Dictionary<string, Expression>();
        foreach (var (name, text) in definitions)
        {
            parsed[name] = Parse(text);
        }
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (name, value) in ExpressionCases.Variables)
        {
            tensors[name] = Tensor.Constant(value);
        }
        return new EvaluationEnvironment(tensors, parsed);
    }
}
