using Grader.Engine.Linear;
using Grader.Engine.Recurrent;
using Grader.Engine.Sampling;

namespace Grader.Engine.Tests.Recurrent;

public sealed class ScalarLstmTests
{
    [Theory]
    [MemberData(nameof(LstmCellTests.HandoutSequences), MemberType = typeof(LstmCellTests))]
    public void Scalar_path_reproduces_the_handout_table(double[] inputs, double[] expected)
    {
        var hidden = new double[inputs.Length];

        new ScalarLstm(LstmCellTests.Handout).Run(inputs, hidden, round: true);

        Assert.Equal(expected, hidden);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Scalar_path_agrees_with_the_matrix_cell_over_many_steps(bool round)
    {
        var random = new SeededRandom(36);
        double Next() => random.NextDouble(-3, 3);
        var parameters = LstmParameters.Scalar(Next(), Next(), Next(), Next(), Next(), Next(), Next(), Next(), Next(), Next(), Next(), Next());
        var inputs = Enumerable.Range(0, 200).Select(_ => random.NextDouble() < 0.5 ? -1.0 : 1.0).ToArray();
        var hidden = new double[inputs.Length];

        var last = new ScalarLstm(parameters).Run(inputs, hidden, round);
        var trace = new LstmCell(parameters).Run(Array.ConvertAll(inputs, Matrix.Scalar), round);

        // Both evaluate the same expressions in the same order, so they agree exactly.
        Assert.Equal(trace.ScalarHiddenSequence(), hidden);
        Assert.Equal(trace.Cell(inputs.Length - 1).ScalarValue, last.C);
    }

    [Fact]
    public void Step_saturates_without_overflow_for_huge_preactivations()
    {
        var lstm = new ScalarLstm(LstmParameters.Scalar(0, 1e6, 0, 0, 1e6, 0, 0, 1e6, 0, 0, 1e6, 0));

        var state = lstm.Step(0, 0, -1, round: false);

        Assert.True(double.IsFinite(state.H) && double.IsFinite(state.C));
        Assert.Equal(0, state.C);
    }

    [Fact]
    public void Only_one_by_one_parameters_make_a_scalar_lstm()
    {
        var square = Matrix.Zeros(2, 2);
        var column = Matrix.Zeros(2, 1);
        var parameters = new LstmParameters(square, column, column, square, column, column, square, column, column, square, column, column);

        Assert.Throws<ArgumentException>(() => new ScalarLstm(parameters));
    }
}
