using Grader.Engine.Linear;
using Grader.Engine.Recurrent;
using Grader.Engine.Sampling;
using static Grader.Engine.Tests.RandomMatrices;

namespace Grader.Engine.Tests.Recurrent;

public sealed class LstmCellTests
{
    /// <summary>MIT 6.036 assignment 4 problem 2 (the seed's second W^{c,h} is W^{i,h}).</summary>
    internal static readonly LstmParameters Handout = LstmParameters.Scalar(
        wfh: 0, wfx: 0, bf: -100,
        wih: 0, wix: 100, bi: 100,
        woh: 0, wox: 100, bo: 0,
        wch: -100, wcx: 50, bc: 0);

    public static TheoryData<double[], double[]> HandoutSequences => new()
    {
        { [0, 0, 1, 1, 1, 0], [0, 0, 1, -1, 1, 0] },
        { [1, 1, 0, 1, 1], [1, -1, 0, 1, -1] },
    };

    [Theory]
    [MemberData(nameof(HandoutSequences))]
    public void Rounded_hidden_states_match_the_handout_table(double[] inputs, double[] expected)
    {
        var trace = new LstmCell(Handout).Run(Array.ConvertAll(inputs, Matrix.Scalar), roundHidden: true);

        Assert.Equal(expected, trace.ScalarHiddenSequence());
        Assert.Equal(inputs.Length, trace.Length);
    }

    [Fact]
    public void Rounding_a_small_negative_hidden_value_gives_positive_zero()
    {
        // Step 5 of sequence 1 computes h = 0.5·tanh(−1) ≈ −0.38, which must print as 0, not −0.
        var trace = new LstmCell(Handout).Run(Array.ConvertAll(new double[] { 0, 0, 1, 1, 1, 0 }, Matrix.Scalar), roundHidden: true);

        Assert.False(double.IsNegative(trace.Hidden(5).ScalarValue));
        Assert.Equal(-1, trace.Cell(5).ScalarValue, 1e-12);
    }

    [Fact]
    public void Vector_step_matches_the_equations_written_out_unit_by_unit()
    {
        var random = new SeededRandom(2017);
        var m = Enumerable.Range(0, 12).Select(k => (k % 3) switch
        {
            0 => Uniform(random, 2, 2),
            1 => Uniform(random, 2, 3),
            _ => Uniform(random, 2, 1),
        }).ToArray();
        var parameters = new LstmParameters(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11]);
        var previous = new LstmState(Uniform(random, 2, 1), Uniform(random, 2, 1));
        var x = Uniform(random, 3, 1);

        var next = new LstmCell(parameters).Step(previous, x, roundHidden: false);

        for (var j = 0; j < 2; j++)
        {
            double Gate(int first) =>
                Dot(m[first], j, previous.Hidden) + Dot(m[first + 1], j, x) + m[first + 2][j];
            var f = 1 / (1 + Math.Exp(-Gate(0)));
            var i = 1 / (1 + Math.Exp(-Gate(3)));
            var o = 1 / (1 + Math.Exp(-Gate(6)));
            var c = f * previous.Cell[j] + i * Math.Tanh(Gate(9));
            Assert.Equal(c, next.Cell[j], 1e-14);
            Assert.Equal(o * Math.Tanh(c), next.Hidden[j], 1e-14);
        }
    }

    [Fact]
    public void Run_starts_from_the_given_state_and_records_every_step()
    {
        var cell = new LstmCell(Handout);
        var start = new LstmState(Matrix.Scalar(1), Matrix.Scalar(0.5));
        Matrix[] inputs = [Matrix.Scalar(0), Matrix.Scalar(1)];

        var trace = cell.Run(inputs, roundHidden: false, start);

        var first = cell.Step(start, inputs[0], roundHidden: false);
        Assert.Same(start, trace.Initial);
        Assert.Equal(first, trace.States[0]);
        Assert.Equal(cell.Step(first, inputs[1], roundHidden: false), trace.States[1]);
    }

    [Fact]
    public void Parameters_of_inconsistent_shapes_are_rejected()
    {
        var ok = Matrix.Zeros(2, 2);
        var column = Matrix.Zeros(2, 1);
        var wrong = Matrix.Zeros(3, 1);

        Assert.Throws<ShapeMismatchException>(() => new LstmParameters(ok, column, column, ok, column, column, ok, column, column, ok, column, wrong));
    }

    [Fact]
    public void Input_of_the_wrong_size_is_rejected()
    {
        Assert.Throws<ShapeMismatchException>(() => new LstmCell(Handout).Step(LstmState.Zeros(1), Matrix.Column(1, 2), roundHidden: true));
    }

    private static double Dot(Matrix weights, int row, Matrix vector)
    {
        var sum = 0.0;
        for (var k = 0; k < weights.Columns; k++)
        {
            sum += weights[row, k] * vector[k];
        }
        return sum;
    }
}
