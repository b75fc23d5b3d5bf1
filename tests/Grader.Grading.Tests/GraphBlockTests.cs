using Grader.Grading.Loading;
using Grader.Grading.References;

namespace Grader.Grading.Tests;

/// <summary>Blocks in graph definitions as a problem file writes them: what they define and how a mistake is reported.</summary>
public class GraphBlockTests
{
    private static ProblemCheck Check(string at, string definitions, string quantity) => ProblemLoader.CheckText(
        "id: demo\ntitle: Demo\ncourse: Test\nparts:\n  - id: g\n    kind: matrix\n    reference:\n"
        + $"      graph: {{ at: {at}, definitions: {definitions} }}\n      quantity: \"{quantity}\"\n", "demo.yaml");

    private const string ScalarLstm = "{ X: [[1], [0], [1]], Wfh: 0, Wfx: 0, bf: -100, Wih: 0, Wix: 100, bi: 100, Woh: 0, Wox: 100, bo: 0, Wch: -100, Wcx: 50, bc: 0 }";

    [Fact]
    public void Lstm_block_defines_every_step_s_gates_and_state()
    {
        // With these saturated 6.036 weights: f = σ(−100) ≈ 0, i = σ(100x + 100) ≈ 1, g₁ = tanh(50) ≈ 1, c₁ ≈ 1.
        var check = Check(ScalarLstm, "{ H: { rnn: { cell: lstm, inputs: X } } }", "c1");
        Assert.Empty(check.Errors);
        Assert.Equal(1, ((ValueKey)check.Problem!.FindPart("g")!.Key).Reference.ScalarValue, 6);
        foreach (var name in new[] { "f3", "i3", "o3", "g3", "h3", "H" })
        {
            Assert.Empty(Check(ScalarLstm, "{ H: { rnn: { cell: lstm, inputs: X } } }", name).Errors);
        }
    }

    [Fact]
    public void Gradient_through_an_lstm_block_is_available_for_every_parameter()
    {
        var check = Check(ScalarLstm, "{ H: { rnn: { cell: lstm, inputs: X } }, L: \"sum(H)\" }", "dL/dWcx");
        Assert.Empty(check.Errors);
    }

    [Theory]
    [InlineData("{ x: [1, 2, 3] }", "{ y: { conv1d: { input: x, kernel: k } } }", "no node named 'k'")]
    [InlineData("{ x: [1, 2, 3], k: [1, 1, 1, 1, 1] }", "{ y: { conv1d: { input: x, kernel: k } } }", "larger than the padded")]
    [InlineData("{ x: [1, 2, 3], k: [1, 1] }", "{ y: { conv1d: { input: x, kernel: k, stride: 0 } } }", "'stride' must be at least 1")]
    [InlineData("{ X: [[1]], h1: 0 }", "{ H: { rnn: { cell: rnn, inputs: X } } }", "no node named 'Wx'")]
    [InlineData("{ X: [[1]], Wx: 1, Wh: 1, b: 0, h1: 0 }", "{ H: { rnn: { cell: rnn, inputs: X } } }", "defines 'h1', which is already a node")]
    [InlineData("{ X: [[1]] }", "{ H: { rnn: { cell: transformer, inputs: X } } }", "unknown cell 'transformer'")]
    [InlineData("{ x: [1, 2] }", "{ y: { fft: { input: x } } }", "is an expression or one block")]
    public void Block_mistake_is_a_check_error_naming_the_reason(string at, string definitions, string reason)
    {
        var error = Assert.Single(Check(at, definitions, "x").Errors);
        Assert.Contains("part g", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
