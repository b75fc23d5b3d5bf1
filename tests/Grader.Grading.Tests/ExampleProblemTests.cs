using System.Text.Json;
using Grader.Engine.Linear;
using Grader.Grading.Judging;
using Grader.Grading.References;

namespace Grader.Grading.Tests;

/// <summary>
/// The example problems (problems/examples/*.yaml, outside the folder the service serves): every reference the engine computes equals the value
/// Reference/blocks_reference.py computes independently — forward passes written out in plain Python, gradients by
/// central finite differences (h = 1e-6, so agreement to ~1e-8).
/// </summary>
public class ExampleProblemTests
{
    private static readonly Lazy<Loading.ProblemCatalog> Examples =
        new(() => Loading.ProblemCatalog.Load(Path.Combine(Catalog.RepositoryRoot(), "problems", "examples")));

    private static Model.Problem Problem(string id) =>
        Examples.Value.TryGet(id, out var problem) ? problem : throw new InvalidOperationException($"no example problem {id}");

    private static PartStatus Grade(string problemId, string partId, string answerJson)
    {
        using var answers = JsonDocument.Parse($"{{{JsonSerializer.Serialize(partId)}: {answerJson}}}");
        return Problem(problemId).Grade(answers.RootElement).Parts.Single(part => part.PartId == partId).Status;
    }

    private const double Tolerance = 1e-7;

    public static TheoryData<string, string, string?, double[]> References => new()
    {
        { "example-softmax-ce", "1a", null, [0.16670113778682583, 0.5461958028335033, 0.2871030593796707] },
        { "example-softmax-ce", "1b", null, [0.6047777542754195] },
        { "example-softmax-ce", "1c", null, [0.16670113783812113, -0.4538041972201867, 0.2871030593820656] },
        { "example-softmax-ce", "1d", null, [-0.005811647219022831, 0.011623294438045662, -0.12233050145082913, 0.24466100306819172, 0.13790043962291776, -0.27580087907930206] },
        { "example-sequences", "rnn.h", null, [0.5005202111902353, 0.09966799462495582, -0.23532116864749492, 0.7014196831773016, -0.05404727174201391, 0.7485669670731511] },
        { "example-sequences", "rnn.dWh", null, [0.18173987192948715, -0.3771812044361944, -0.04507317841184744, 0.401776878988791] },
        { "example-sequences", "rnn.dX", null, [0.021230409152916963, -0.01979256641915228, 0.08529353656694383, 0.10340983153112049, -0.16642855210635688, 0.604872124221334] },
        { "example-sequences", "gru", "z2", [0.37045562434495155, 0.602076370715185] },
        { "example-sequences", "gru", "h2", [-0.3085463918973268, -0.0837118875530128] },
        { "example-sequences", "gru", "dL_dUn", [0.056136611414903115, -0.03650134144939088, 0.05720116955099108, -0.037193542079538844] },
        { "example-sequences", "attention", "A", [3.0, 4.0, 2.593327443921285, 3.5933274439212846] },
        { "example-sequences", "attention", "dL_dQ", [0.0, -1.1345163226650357, -0.23068832621930824, -0.6731396702264192] },
        { "example-conv1d", "1a", null, [3.0, 3.0, -2.75] },
        { "example-conv1d", "1b", null, [-2.0, 5.5, -3.0, 5.125, 1.75] },
        { "example-conv1d", "1c", null, [5.125, -6.25, 5.5] },
        { "example-conv1d", "2", null, [2, 0.5] },
    };

    [Theory]
    [MemberData(nameof(References))]
    public void Example_reference_equals_the_independent_python_value(string problemId, string partId, string? field, double[] expected)
    {
        var key = Problem(problemId).FindPart(partId)!.Key;
        key = key is HintedKey hinted ? hinted.Inner : key;
        var value = field is null ? ((ValueKey)key).Reference : ((ValuesKey)key).Fields.Single(f => f.Name == field).Reference;
        Assert.Equal(expected.Length, value.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(value[i] - expected[i]) <= Tolerance, $"{problemId} {partId} {field}[{i}]: {value[i]} vs {expected[i]}");
        }
    }

    [Theory]
    [InlineData("softmax(z) - y", PartStatus.Correct)]
    [InlineData("p - y", PartStatus.Correct)]
    [InlineData("y - p", PartStatus.Incorrect)]
    [InlineData("p .* (1 - p) - y", PartStatus.Incorrect)]
    public void Textbook_p_minus_y_is_graded_with_the_one_hot_label(string answer, PartStatus status) =>
        Assert.Equal(status, Grade("example-softmax-ce", "2", JsonSerializer.Serialize(answer)));

    [Theory]
    [InlineData("{\"a\": 1, \"b\": 1, \"c\": 1, \"d\": 1, \"e\": -0.5, \"f\": -1.5, \"g\": 1, \"h\": -2}", PartStatus.Correct)]
    [InlineData("{\"a\": 2, \"b\": 2, \"c\": 1, \"d\": 1, \"e\": -1, \"f\": -1.5, \"g\": 1, \"h\": -1}", PartStatus.Correct)]
    [InlineData("{\"a\": 1, \"b\": 1, \"c\": 0, \"d\": 0, \"e\": -0.5, \"f\": -1, \"g\": 1, \"h\": 0}", PartStatus.Partial)]
    public void Xor_design_accepts_any_separating_network(string answer, PartStatus status) =>
        Assert.Equal(status, Grade("example-xor-design", "1", answer));

    [Fact]
    public void Example_problems_load_without_warnings()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Catalog.RepositoryRoot(), "problems", "examples"), "*.yaml"))
        {
            var check = Loading.ProblemLoader.CheckFile(file);
            Assert.Empty(check.Errors);
            Assert.Empty(check.Warnings);
        }
    }
}
