using System.Text.Json;
using Grader.Grading.Judging;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.Bench.Tests;

/// <summary>
/// The load generator's answers for a randomized problem, read from the bodies it posts and graded as the worker grades
/// them: the variant derived from the body's course, assignment and student with the service's salt.
/// </summary>
public sealed class StudentAnswersTests
{
    private const int Students = 100;

    [Theory]
    [InlineData("mit-6036-s17-hw4-randomized")]
    [InlineData("cs189-dis4-randomized")]
    public async Task Posted_right_answers_are_correct_for_the_students_own_variant_and_not_for_a_classmates(string problemId)
    {
        var problem = Load(problemId);
        var variants = new StudentVariants(PostedSubmissions.Salt);
        var bodies = await PostedSubmissions.CaptureAsync(problemId, Students);

        Assert.Equal(Students, bodies.Select(body => body.GetProperty("studentId").GetString()).Distinct().Count());
        for (var i = 0; i < bodies.Count; i++)
        {
            var own = Grade(variants, problem, bodies[i], bodies[i]);
            Assert.All(own.Parts.Where(part => part.Status != PartStatus.Manual), part => Assert.Equal(PartStatus.Correct, part.Status));
            var classmate = Grade(variants, problem, bodies[(i + 1) % bodies.Count], bodies[i]);
            Assert.True(classmate.Score < classmate.MaxScore, $"{problemId}: student {i}'s answers are right for the next student's variant too");
        }
    }

    [Fact]
    public async Task Posted_mistakes_for_a_randomized_problem_grade_as_the_handouts_mistakes_grade_on_the_fixed_problem()
    {
        const string FixedId = "mit-6036-s17-hw4";
        var expected = Load(FixedId).Grade(Assert.Single((await PostedSubmissions.CaptureAsync(FixedId, 1, "mistakes"))).GetProperty("answers"));
        var problem = Load(FixedId + "-randomized");
        var variants = new StudentVariants(PostedSubmissions.Salt);

        var bodies = await PostedSubmissions.CaptureAsync(FixedId + "-randomized", Students, "mistakes");

        // Like for like: each part gets the status the handout's mistakes get on the fixed problem (a sign error stays a
        // sign error, a missing field stays missing, a rounded tiny output stays outside the absolute tolerance).
        Assert.All(bodies, body => Assert.Equal(Statuses(expected), Statuses(Grade(variants, problem, body, body))));
        Assert.True(expected.Score < expected.MaxScore);
    }

    [Fact]
    public async Task A_fixed_problems_submissions_carry_its_example_answers()
    {
        var bodies = await PostedSubmissions.CaptureAsync("cs189-dis4", 3);

        var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(PostedSubmissions.Root(), "examples", "cs189-dis4.json"))).RootElement;
        Assert.All(bodies, body => Assert.True(JsonElement.DeepEquals(example, body.GetProperty("answers"))));
    }

    // The worker's derivation: the salt it shares with the API and the submission's own course, assignment and student.
    private static GradeReport Grade(StudentVariants variants, Problem problem, JsonElement whose, JsonElement answers) =>
        variants.For(problem, Text(whose, "course"), Text(whose, "assignment"), Text(whose, "studentId")).Grade(answers.GetProperty("answers"));

    private static string Text(JsonElement body, string name) => body.GetProperty(name).GetString()!;

    private static IEnumerable<string> Statuses(GradeReport report) => report.Parts.Select(part => $"{part.PartId} {part.Status}");

    private static Problem Load(string problemId) =>
        ProblemLoader.LoadFile(Path.Combine(PostedSubmissions.Root(), "problems", problemId + ".yaml"));
}
