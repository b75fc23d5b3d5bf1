using Grader.Grading.Loading;

namespace Grader.Grading.Tests;

/// <summary>A broken problem file is refused with the file, the part and the line, so staff can fix it.</summary>
public class ProblemLoaderTests
{
    private const string Header = "id: demo\ntitle: Demo\ncourse: Test\n";

    [Theory]
    [InlineData("parts:\n  - { id: a, kind: number, reference: { parameterCount: [2, 3] }, colour: red }\n", "part a, line 5", "unknown key 'colour'")]
    [InlineData("parts:\n  - { id: a, kind: guess, reference: { parameterCount: [2, 3] } }\n", "part a", "unknown kind 'guess'")]
    [InlineData("parts:\n  - { id: a, kind: number, reference: { network: nope, input: [1] } }\n", "part a", "no network named 'nope'")]
    [InlineData("parts:\n  - id: a\n    kind: expression\n    variables: { x: {} }\n    reference: { equals: \"x +\" }\n", "part a", "expression error")]
    [InlineData("parts:\n  - id: a\n    kind: expression\n    variables: { x: {} }\n    reference: { derivative: { of: x, wrt: y } }\n", "part a", "'wrt: y' is not one of: x")]
    [InlineData("parts:\n  - id: a\n    kind: expression\n    variables: { x: {} }\n    where: [\"x > 5\"]\n    reference: { equals: x }\n", "part a", "reject almost every point")]
    [InlineData("parts:\n  - { id: a, kind: number, reference: { lstm: none, inputs: [1] } }\n", "part a", "no LSTM named 'none'")]
    [InlineData("parts:\n  - { id: a, kind: number, reference: { parameterCount: [2, 3] } }\n  - { id: a, kind: manual }\n", "line 6", "part 'a' is defined twice")]
    [InlineData("parts: [\n", "line", "")]
    public void Broken_problem_file_is_refused_with_its_location(string body, string location, string reason)
    {
        var exception = Assert.Throws<ProblemFileException>(() => ProblemLoader.LoadText(Header + body, "demo.yaml"));
        Assert.Contains("demo.yaml", exception.Message, StringComparison.Ordinal);
        Assert.Contains(location, exception.Message, StringComparison.Ordinal);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Network_reference_of_the_wrong_shape_names_the_layer()
    {
        const string body = "networks:\n  n: { inputs: 2, layers: [ { weights: [[1, 2, 3]] } ] }\nparts: []\n";
        var exception = Assert.Throws<ProblemFileException>(() => ProblemLoader.LoadText(Header + body, "demo.yaml"));
        Assert.Contains("layer 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_is_a_hash_of_the_content_so_any_edit_makes_a_new_version()
    {
        const string body = "parts:\n  - { id: a, kind: number, reference: { parameterCount: [2, 3] } }\n";
        var first = ProblemLoader.LoadText(Header + body, "demo.yaml");
        var again = ProblemLoader.LoadText(Header + body, "other-name.yaml");
        var edited = ProblemLoader.LoadText(Header + body.Replace("kind: number", "kind: number, tolerance: exact", StringComparison.Ordinal), "demo.yaml");
        Assert.Equal(first.Version, again.Version);
        Assert.NotEqual(first.Version, edited.Version);
    }

    [Fact]
    public void Catalog_holds_exactly_the_problem_and_part_ids_of_the_catalog_document()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["mit-6390-rec6"] = ["1b", "1c", "1d", "1e", "2a", "2b", "2c", "2d"],
            ["ds102-disc7"] = ["1a.sigmoid", "1a.relu", "2b", "2c"],
            ["cs189-dis4"] = ["1d", "2c.w", "2c.b", "2f.W1", "2f.W2", "2f.b", "3b"],
            ["mit-6036-s17-hw4"] = ["1a", "1c.area0", "1c.out0", "1c.out1", "1c.out3", "1d", "2a", "2c", "2d", "3c.w1", "3c.w2", "3d", "3d.update"],
            // The randomized versions (issue 15): the same parts, each student with their own numbers.
            ["cs189-dis4-randomized"] = ["1d", "2c.w", "2c.b", "2f.W1", "2f.W2", "2f.b", "3b"],
            ["mit-6036-s17-hw4-randomized"] = ["1a", "1c.area0", "1c.out0", "1c.out1", "1c.out3", "1d", "2a", "2c", "2d", "3c.w1", "3c.w2", "3d", "3d.update"],
        };
        Assert.Equal(expected.Keys.Order(), Catalog.Instance.Problems.Select(problem => problem.Id).Order());
        foreach (var (id, parts) in expected)
        {
            var autoGraded = Catalog.Problem(id).Parts.Where(part => !part.IsManual).Select(part => part.Id);
            Assert.Equal(parts, autoGraded);
        }
    }
}
