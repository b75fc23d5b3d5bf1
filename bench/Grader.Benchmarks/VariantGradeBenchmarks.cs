using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Grader.Grading.Judging;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.Benchmarks;

/// <summary>
/// The worker's CPU per submission, fixed problem vs a variant per submission: grading the example answers against the
/// handout, and resolving a new student's variant through <see cref="StudentVariants"/> (a cache miss every call, as when
/// every submission is another student's) then grading the same answers against it. The difference is what the variant
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
    }

    private Problem _prebuilt = null!;

    [GlobalSetup(Target = nameof(GradePrebuiltVariant))]
    public void SetupPrebuilt()
    {
        Setup();
        _prebuilt = _variants.For(_randomized, "bench", "a1", "student-0");
    }

    [Benchmark]
    public Problem BuildOwnVariant() => _variants.For(_randomized, "bench", "a1", $"student-{++_student}");

    [Benchmark]
    public GradeReport GradePrebuiltVariant() => _prebuilt.Grade(_answers.RootElement);

    [GlobalCleanup]
    public void Cleanup() => _answers.Dispose();

    [Benchmark(Baseline = true)]
    public GradeReport GradeFixed() => _fixed.Grade(_answers.RootElement);

    [Benchmark]
    public GradeReport GradeOwnVariant() =>
        _variants.For(_randomized, "bench", "a1", $"student-{++_student}").Grade(_answers.RootElement);
}
