using Grader.Engine.Attention;
using Grader.Engine.Autodiff;
using Grader.Engine.Convolution;
using Grader.Engine.Linear;
using Grader.Engine.Recurrent;
using Grader.Engine.Sampling;
using Grader.Engine.Sequences;
using Grader.Engine.Tests.Autodiff;
using static Grader.Engine.Tests.RandomMatrices;

namespace Grader.Engine.Tests.Blocks;

/// <summary>
/// Every new block's backward rule (convolution, pooling, row softmax, attention, sequence stacking, RNN/GRU/LSTM through
/// time) against central finite differences, with a random weighted sum of the output so the whole vector-Jacobian
/// product is checked.
/// </summary>
public sealed class BlockGradientTests
{
    private const double AbsoluteTolerance = 1e-6;
    private const double RelativeTolerance = 1e-6;

    private static readonly Dictionary<string, (Func<Tensor[], Tensor> Operation, Func<SeededRandom, Matrix[]> Point)> Cases = new()
    {
        ["conv1d"] = (t => ConvolutionOps.Conv1d(t[0], t[1]), r => [Uniform(r, 7, 1), Uniform(r, 3, 1)]),
        ["conv1d stride 2 padding 1"] = (t => ConvolutionOps.Conv1d(t[0], t[1], 2, 1), r => [Uniform(r, 7, 1), Uniform(r, 3, 1)]),
        ["conv2d"] = (t => ConvolutionOps.Conv2d(t[0], t[1]), r => [Uniform(r, 4, 5), Uniform(r, 2, 3)]),
        ["conv2d stride 2 padding 1"] = (t => ConvolutionOps.Conv2d(t[0], t[1], 2, 1), r => [Uniform(r, 5, 4), Uniform(r, 3, 3)]),
        // Distinct values keep every window's maximum unique, away from the tie where max is not differentiable.
        ["max pool 1-D"] = (t => ConvolutionOps.MaxPool(t[0], 2, 2), r => [Distinct(r, 8, 1)]),
        ["max pool 2-D overlapping"] = (t => ConvolutionOps.MaxPool(t[0], 2, 1), r => [Distinct(r, 4, 3)]),
        ["average pool 2-D"] = (t => ConvolutionOps.AveragePool(t[0], 2, 2), r => [Uniform(r, 4, 4)]),
        ["row softmax"] = (t => AttentionOps.RowSoftmax(t[0]), r => [Uniform(r, 3, 4)]),
        ["attention"] = (t => AttentionOps.ScaledDotProduct(t[0], t[1], t[2]), r => [Uniform(r, 2, 3), Uniform(r, 4, 3), Uniform(r, 4, 2)]),
        ["row of a sequence"] = (t => SequenceOps.Row(t[0], 1), r => [Uniform(r, 3, 2)]),
        ["stacked rows"] = (t => SequenceOps.StackRows([t[0], t[1], t[0]]), r => [Uniform(r, 2, 1), Uniform(r, 2, 1)]),
        ["rnn through time"] = (t => Unrolled(new ElmanCell(), t), r => [Uniform(r, 4, 2), .. Parameters(r, new ElmanCell(), 3, 2)]),
        ["gru through time"] = (t => Unrolled(new GruCell(), t), r => [Uniform(r, 4, 2), .. Parameters(r, new GruCell(), 3, 2)]),
        ["lstm through time"] = (t => Unrolled(new LstmTensorCell(), t), r => [Uniform(r, 4, 2), .. Parameters(r, new LstmTensorCell(), 3, 2)]),
    };

    public static TheoryData<string> Names => new(Cases.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public void Block_gradient_matches_central_finite_differences(string name)
    {
        var (operation, draw) = Cases[name];
        var random = SeededRandom.FromText(name);
        var point = draw(random);
        var shape = operation(Array.ConvertAll(point, Tensor.Constant)).Shape;
        var probe = Tensor.Constant(Uniform(random, shape.Rows, shape.Columns, -1, 1));
        Tensor Objective(Tensor[] inputs) => TensorOps.Sum(TensorOps.Multiply(operation(inputs), probe));

        var variables = Array.ConvertAll(point, Tensor.Variable);
        Objective(variables).Backward();
        for (var input = 0; input < point.Length; input++)
        {
            var numeric = FiniteDifferences.Gradient(values => Objective(Array.ConvertAll(values, Tensor.Constant)).Value.ScalarValue, point, input);
            Approximately.Equal(numeric, variables[input].Gradient, AbsoluteTolerance, RelativeTolerance, $"{name} ∂/∂input{input}");
        }
    }

    // The whole hidden trace h1 … hT stacked, so the gradient flows back through every step (BPTT).
    private static Tensor Unrolled(RecurrentCell cell, Tensor[] t)
    {
        var parameters = cell.ParameterNames.Select((name, k) => (name, tensor: t[k + 1])).ToDictionary(p => p.name, p => p.tensor, StringComparer.Ordinal);
        var steps = cell.Run(parameters, t[0], cell.ZeroState(3));
        return SequenceOps.StackRows(steps.Select(step => step["h"]).ToList());
    }

    // Hidden size n and input size m: W·x matrices are n×m, U·h (and the LSTM's W·h) n×n, offsets n×1.
    private static Matrix[] Parameters(SeededRandom random, RecurrentCell cell, int n, int m) => cell.ParameterNames
        .Select(name => name.StartsWith('b') ? Uniform(random, n, 1, -1, 1)
            : name.EndsWith('x') || (name.Length == 2 && name[0] == 'W' && cell is not ElmanCell) || name == "Wx" ? Uniform(random, n, m, -1, 1)
            : Uniform(random, n, n, -1, 1))
        .ToArray();

    private static Matrix Distinct(SeededRandom random, int rows, int columns)
    {
        var values = Enumerable.Range(0, rows * columns).Select(i => i * 0.37 - 1).OrderBy(_ => random.NextDouble()).ToArray();
        return Matrix.FromRowMajor(rows, columns, values);
    }
}
