using System.Reflection;
using Grader.Engine.Autodiff;
using Grader.Engine.Linear;
using Grader.Engine.Sampling;

namespace Grader.Engine.Tests.Autodiff;

public sealed class TensorOpsGradientTests
{
    // Autodiff and central differences (h = 1e-6) agree to ~1e-9 here; 1e-6 absolute + 1e-6 relative leaves a wide margin.
    private const double AbsoluteTolerance = 1e-6;
    private const double RelativeTolerance = 1e-6;

    public static TheoryData<string> Operations => new(GradientCases.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_gradient_matches_central_finite_differences(string operation)
    {
        var gradientCase = GradientCases.All[operation];
        var random = SeededRandom.FromText(operation);
        var point = gradientCase.Point(random);
        // A random weighted sum of the output checks the whole vector-Jacobian product, not just one entry.
        var outputShape = gradientCase.Operation(Array.ConvertAll(point, Tensor.Constant)).Shape;
        var probe = Tensor.Constant(RandomMatrices.Uniform(random, outputShape.Rows, outputShape.Columns, -1, 1));
        Tensor Objective(Tensor[] inputs) => TensorOps.Sum(TensorOps.Multiply(gradientCase.Operation(inputs), probe));

        var variables = Array.ConvertAll(point, Tensor.Variable);
        Objective(variables).Backward();

        for (var input = 0; input < point.Length; input++)
        {
            var numeric = FiniteDifferences.Gradient(
                values => Objective(Array.ConvertAll(values, Tensor.Constant)).Value.ScalarValue, point, input);
            Approximately.Equal(numeric, variables[input].Gradient, AbsoluteTolerance, RelativeTolerance, $"∂/∂input{input}");
        }
    }

    [Fact]
    public void Every_public_tensor_operation_has_a_gradient_case()
    {
        var operations = typeof(TensorOps).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(method => method.ReturnType == typeof(Tensor))
            .Select(method => method.Name)
            .Distinct();

        Assert.All(operations, name => Assert.Contains(GradientCases.All.Keys, key => key == name || key.StartsWith(name + "(", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_elementwise_function_has_a_gradient_case()
    {
        Assert.All(ElementwiseFunctions.All, function => Assert.Contains($"Apply({function.Name})", GradientCases.All.Keys));
    }

    [Fact]
    public void Gradients_of_constants_are_zero()
    {
        var constant = Tensor.Constant(Matrix.Column(1, 2));
        var variable = Tensor.Variable(Matrix.Column(3, 4));

        TensorOps.Sum(TensorOps.Multiply(constant, variable)).Backward();

        Assert.Equal(Matrix.Zeros(2, 1), constant.Gradient);
        Assert.Equal(Matrix.Column(1, 2), variable.Gradient);
    }
}
