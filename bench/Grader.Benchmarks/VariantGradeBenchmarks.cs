using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Grader.Grading.Judging;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.Benchmarks;

/// <summary>
/// The worker's CPU per submission, fixed problem vs a variant per submission: grading the example answers against the
/// handout, and resolving a new student's variant through <see cref="StudentVariants"/> (a cache miss every call, as when
/// every submission is another student's) then grading that student's right answers (<see cref="VariantAnswers"/>,
/// written before the run) against it, as the fixed problem grades right answers. The difference is what the variant
/// path adds to a grade before the database and broker costs that dominate the pipeline.
/// </summary>
[MemoryDiagnoser]
public class VariantGradeBenchmarks
{
    private Problem _fixed = null!;
    private Problem _randomized = null!;
    private JsonDocument _answers = null!;
    private StudentVariants _variants = null!;
    private int _student;

    // More students than the variant cache holds (1,024), so the students come round again only after being evicted.
    private const int Students = 4096;
    private JsonDocument[] _ownAnswers = [];

    [Params("mit-6036-s17-hw4", "cs189-dis4")]
    public string ProblemId { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var catalog = Repository.Catalog();
        catalog.TryGet(ProblemId, out var fixedProblem);
        catalog.TryGet(ProblemId + "-randomized", out var randomized);
        _fixed = fixedProblem!;
        _randomized = randomized!;
        _answers = Repository.ExampleAnswers(ProblemId);
        _variants = new StudentVariants("bench-salt");
        // Written from another copy of the problem, so this one's part memo is as warm as the runs make it, not the setup.
        Repository.Catalog().TryGet(ProblemId + "-randomized", out var writer);
        var handout = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(_answers.RootElement.GetRawText())!;
        var answers = new StudentVariants("bench-salt", capacity: 1);
        _ownAnswers = Enumerable.Range(0, Students)
            .Select(i => JsonDocument.Parse(VariantAnswers.Right(answers.For(writer!, "bench", "a1", Student(i)), handout).ToJsonString()))
            .ToArray();
    }

    private static string Student(int i) => FormattableString.Invariant($"student-{i}");

    private Problem _prebuilt = null!;

    [GlobalSetup(Target = nameof(GradePrebuiltVariant))]
    public void SetupPrebuilt()
    {
        Setup();
        _prebuilt = _variants.For(_randomized, "bench", "a1", "student-0");
    }

    [Benchmark]
    public Problem BuildOwnVariant() => _variants.For(_randomized, "bench", "a1", Student(++_student % Students));

    [Benchmark]
    public GradeReport GradePrebuiltVariant() => _prebuilt.Grade(_ownAnswers[0].RootElement);

    [GlobalCleanup]
    public void Cleanup()
    {
        _answers.Dispose();
        foreach (var own in _ownAnswers)
        {
            own.Dispose();
        }
    }

    [Benchmark(Baseline = true)]
    public GradeReport GradeFixed() => _fixed.Grade(_answers.RootElement);

    [Benchmark]
    public GradeReport GradeOwnVariant()
    {
        var i = ++_student % Students;
        return _variants.For(_randomized, "bench", "a1", Student(i)).Grade(_ownAnswers[i].RootElement);
    }
}
