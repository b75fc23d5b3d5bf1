using Grader.Grading.Loading;

namespace Grader.Grading.Tests;

/// <summary>A manual part's rubric and step come from the problem file; other parts cannot have them.</summary>
public class RubricLoaderTests
{
    private const string Header = "id: demo\ntitle: Demo\ncourse: Test\n";

    [Fact]
    public void Manual_part_reads_its_rubric_in_order_and_its_step()
    {
        const string body = """
            parts:
              - id: sketch
                kind: manual
                points: 2
                step: 0.25
                rubric:
                  - { label: "Axes labelled", points: 0.5 }
                  - { label: "Right shape", points: 1.5, description: "monotone, saturating" }
            """;

        var part = ProblemLoader.LoadText(Header + body, "demo.yaml").Parts.Single();

        Assert.Equal(0.25, part.Step);
        Assert.Equal([("Axes labelled", 0.5, ""), ("Right shape", 1.5, "monotone, saturating")],
            part.Rubric.Select(i => (i.Label, i.Points, i.Description)));
    }

    [Fact]
    public void Manual_part_without_a_rubric_has_none_and_a_step_of_one_half()
    {
        var part = ProblemLoader.LoadText(Header + "parts:\n  - { id: a, kind: manual }\n", "demo.yaml").Parts.Single();

        Assert.Empty(part.Rubric);
        Assert.Equal(0.5, part.Step);
    }

    [Theory]
    [InlineData("  - { id: a, kind: number, reference: { parameterCount: [2, 3] }, rubric: [ { label: x, points: 1 } ] }\n", "'rubric' is for manual parts")]
    [InlineData("  - { id: a, kind: number, reference: { parameterCount: [2, 3] }, step: 0.5 }\n", "'step' is for manual parts")]
    [InlineData("  - { id: a, kind: manual, step: 0 }\n", "must be positive")]
    [InlineData("  - { id: a, kind: manual, rubric: [ { label: x, points: 1 }, { label: x, points: 2 } ] }\n", "unique ('x')")]
    [InlineData("  - { id: a, kind: manual, rubric: [ { label: x } ] }\n", "'points' is required")]
    [InlineData("  - { id: a, kind: manual, rubric: [ { label: x, points: 1, weight: 2 } ] }\n", "unknown key 'weight'")]
    public void Misplaced_or_broken_rubric_is_refused(string part, string reason)
    {
        var exception = Assert.Throws<ProblemFileException>(() => ProblemLoader.LoadText(Header + "parts:\n" + part, "demo.yaml"));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }
}
