using Grader.Engine.Attention;
using Grader.Engine.Autodiff;
using Grader.Engine.Convolution;
using Grader.Engine.Linear;
using Grader.Engine.Recurrent;
using Grader.Engine.Sampling;
using static Grader.Engine.Tests.RandomMatrices;

namespace Grader.Engine.Tests.Blocks;

/// <summary>Forward values of the blocks, worked by hand or against an existing implementation.</summary>
public sealed class BlockValueTests
{
    private static Tensor T(params double[] column) => Tensor.Constant(Matrix.Column(column));

    [Fact]
    public void Conv1d_is_cross_correlation_with_stride_and_zero_padding()
    {
        // x̃ = (0, 1, 2, 3, 4, 5, 0); windows start at 0, 2, 4: (0 − 2), (2 − 4), (4 − 0).
        Assert.Equal([-2, -2, 4], ConvolutionOps.Conv1d(T(1, 2, 3, 4, 5), T(1, 0, -1), stride: 2, padding: 1).Value.ToArray());
        Assert.Equal([-2, -2, -2], ConvolutionOps.Conv1d(T(1, 2, 3, 4, 5), T(1, 0, -1)).Value.ToArray());
    }

    [Fact]
    public void Conv2d_slides_the_kernel_over_both_axes()
    {
        var x = Tensor.Constant(Matrix.FromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]]));
        var kernel = Tensor.Constant(Matrix.FromRows([[1, 0], [0, -1]]));
        // Each output is x[i, j] − x[i + 1, j + 1] = −4.
        Assert.Equal([-4, -4, -4, -4], ConvolutionOps.Conv2d(x, kernel).Value.ToArray());
        var padded = ConvolutionOps.Conv2d(x, kernel, stride: 2, padding: 1);
        // Padded 5×5, outputs at (0,0), (0,2), (2,0), (2,2): 0 − 1, 0 − 3, 0 − 7, 5 − 9.
        Assert.Equal([-1, -3, -7, -4], padded.Value.ToArray());
    }

    [Fact]
    public void Pooling_takes_each_window_s_maximum_or_mean_and_drops_an_incomplete_window()
    {
        Assert.Equal([2, 4], ConvolutionOps.MaxPool(T(1, 2, 4, -1, 7), 2, 2).Value.ToArray());
        Assert.Equal([1.5, 1.5], ConvolutionOps.AveragePool(T(1, 2, 4, -1, 7), 2, 2).Value.ToArray());
    }

    [Fact]
    public void Attention_weights_are_a_softmax_over_keys_for_each_query()
    {
        var random = SeededRandom.FromText("attention");
        var weights = AttentionOps.Weights(Tensor.Constant(Uniform(random, 3, 4)), Tensor.Constant(Uniform(random, 5, 4))).Value;
        Assert.Equal(new Shape(3, 5), weights.Shape);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, Enumerable.Range(0, 5).Sum(j => weights[i, j]), 12);
        }
    }

    [Fact]
    public void Lstm_cell_in_tensors_matches_the_existing_lstm_trace()
    {
        var random = SeededRandom.FromText("lstm");
        var values = new LstmTensorCell().ParameterNames.Select(name => name.StartsWith('b') ? Uniform(random, 2, 1)
            : name.EndsWith('x') ? Uniform(random, 2, 3) : Uniform(random, 2, 2)).ToArray();
        var inputs = Uniform(random, 4, 3);
        var parameters = new LstmParameters(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8],
            values[9], values[10], values[11]);
        var expected = new LstmCell(parameters).Run(Enumerable.Range(0, 4).Select(t => Matrix.Column(inputs.ToArray()[(t * 3)..(t * 3 + 3)])).ToList(), false);

        var cell = new LstmTensorCell();
        var steps = cell.Run(cell.ParameterNames.Select((name, k) => (name, k)).ToDictionary(p => p.name, p => Tensor.Constant(values[p.k])),
            Tensor.Constant(inputs), cell.ZeroState(2));
        for (var t = 0; t < 4; t++)
        {
            Approximately.Equal(expected.Hidden(t), steps[t]["h"].Value, 1e-12);
            Approximately.Equal(expected.Cell(t), steps[t]["c"].Value, 1e-12);
        }
    }

    [Fact]
    public void Window_larger_than_the_padded_input_is_refused()
    {
        Assert.Throws<ShapeMismatchException>(() => ConvolutionOps.Conv1d(T(1, 2), T(1, 2, 3)));
    }
}
