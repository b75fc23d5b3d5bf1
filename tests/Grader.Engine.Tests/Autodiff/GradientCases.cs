using Grader.Engine.Autodiff;
using Grader.Engine.Linear;
using Grader.Engine.Sampling;
using static Grader.Engine.Tests.RandomMatrices;

namespace Grader.Engine.Tests.Autodiff;

/// <summary>An operation under test and how to draw a point (one matrix per input) away from its kinks.</summary>
internal sealed record GradientCase(Func<Tensor[], Tensor> Operation, Func<SeededRandom, Matrix[]> Point);

/// <summary>Every <see cref="TensorOps"/> operation at non-square shapes, keyed by a name that starts with the method's name.</summary>
internal static class GradientCases
{
    public static IReadOnlyDictionary<string, GradientCase> All { get; } = Build();

    private static Dictionary<string, GradientCase> Build()
    {
        var cases = new Dictionary<string, GradientCase>
        {
            ["Add"] = Case(t => TensorOps.Add(t[0], t[1]), U(3, 2), U(3, 2)),
            ["Add(matrix, scalar)"] = Case(t => TensorOps.Add(t[0], t[1]), U(3, 2), U(1, 1)),
            ["Subtract"] = Case(t => TensorOps.Subtract(t[0], t[1]), U(3, 2), U(3, 2)),
            ["Subtract(scalar, matrix)"] = Case(t => TensorOps.Subtract(t[0], t[1]), U(1, 1), U(3, 2)),
            ["Multiply"] = Case(t => TensorOps.Multiply(t[0], t[1]), U(3, 2), U(3, 2)),
            ["Multiply(scalar, matrix)"] = Case(t => TensorOps.Multiply(t[0], t[1]), U(1, 1), U(3, 2)),
            ["Multiply(matrix, scalar)"] = Case(t => TensorOps.Multiply(t[0], t[1]), U(3, 2), U(1, 1)),
            ["Divide"] = Case(t => TensorOps.Divide(t[0], t[1]), U(3, 2), NonZero(3, 2, 0.5)),
            ["Divide(matrix, scalar)"] = Case(t => TensorOps.Divide(t[0], t[1]), U(3, 2), NonZero(1, 1, 0.5)),
            // A positive base keeps a^b real and ∂/∂b = a^b·log a defined.
            ["Power"] = Case(t => TensorOps.Power(t[0], t[1]), U(3, 2, 0.5, 2), U(3, 2)),
            ["Power(matrix, scalar)"] = Case(t => TensorOps.Power(t[0], t[1]), U(3, 2, 0.5, 2), U(1, 1)),
            ["Maximum"] = new(t => TensorOps.Maximum(t[0], t[1]), ApartPair),
            ["Minimum"] = new(t => TensorOps.Minimum(t[0], t[1]), ApartPair),
            ["Negate"] = Case(t => TensorOps.Negate(t[0]), U(3, 2)),
            ["Scale"] = Case(t => TensorOps.Scale(t[0], -1.7), U(3, 2)),
            ["MatMul"] = Case(t => TensorOps.MatMul(t[0], t[1]), U(3, 2), U(2, 4)),
            ["Transpose"] = Case(t => TensorOps.Transpose(t[0]), U(3, 2)),
            ["Sum"] = Case(t => TensorOps.Sum(t[0]), U(3, 2)),
            // Uniform draws are distinct, so the largest and smallest elements are unique and the gradient is defined.
            ["MaxElement"] = Case(t => TensorOps.MaxElement(t[0]), U(3, 2)),
            ["MinElement"] = Case(t => TensorOps.MinElement(t[0]), U(3, 2)),
            ["Softmax(β=2.5)"] = Case(t => TensorOps.Softmax(t[0], 2.5), U(3, 2)),
            ["Diagonal(column)"] = Case(t => TensorOps.Diagonal(t[0]), U(3, 1)),
            ["Diagonal(row)"] = Case(t => TensorOps.Diagonal(t[0]), U(1, 4)),
            ["SquaredError"] = Case(t => TensorOps.SquaredError(t[0], t[1]), U(3, 2), U(3, 2)),
            ["HalfSquaredNorm"] = Case(t => TensorOps.HalfSquaredNorm(t[0], t[1]), U(3, 2), U(3, 2)),
            ["CrossEntropy"] = Case(t => TensorOps.CrossEntropy(t[0], t[1]), U(3, 2, 0.1, 1), U(3, 2, 0, 1)),
        };
        foreach (var function in ElementwiseFunctions.All)
        {
            cases[$"Apply({function.Name})"] = Case(t => TensorOps.Apply(t[0], function), DomainOf(function.Name));
        }
        return cases;
    }

    // Functions with a kink or a jump at 0 are sampled away from it; log and sqrt on positive inputs.
    private static Func<SeededRandom, Matrix> DomainOf(string name) => name switch
    {
        "log" or "sqrt" => U(3, 2, 0.5, 2),
        "relu" or "lure" or "abs" or "sign" or "step" => NonZero(3, 2, 0.2),
        _ => U(3, 2),
    };

    // max and min switch sides where a = b, so b is drawn at least 0.2 away from a on either side.
    private static Matrix[] ApartPair(SeededRandom random)
    {
        var a = Uniform(random, 3, 2);
        return [a, a.Add(AwayFromZero(random, 3, 2, 0.2, 1))];
    }

    private static GradientCase Case(Func<Tensor[], Tensor> operation, params Func<SeededRandom, Matrix>[] inputs) =>
        new(operation, random => Array.ConvertAll(inputs, input => input(random)));

    private static Func<SeededRandom, Matrix> U(int rows, int columns, double low = -2, double high = 2) =>
        random => Uniform(random, rows, columns, low, high);

    private static Func<SeededRandom, Matrix> NonZero(int rows, int columns, double min) =>
        random => AwayFromZero(random, rows, columns, min);
}
