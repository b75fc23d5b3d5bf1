using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Benchmarks;

/// <summary>Grading one complete, correct submission of each problem set (examples/*.json), problems already loaded.</summary>
[MemoryDiagnoser]
public class GradeSubmissionBenchmarks
{
    private Problem _problem = null!;
    private JsonDocument _answers = null!;

    [Params("mit-6036-s17-hw4", "mit-6390-rec6", "ds102-disc7", "cs189-dis4")]
    public string ProblemId { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        Repository.Catalog().TryGet(ProblemId, out var problem);
        _problem = problem!;
        _answers = Repository.ExampleAnswers(ProblemId);
        var report = _problem.Grade(_answers.RootElement);
        if (report.Score != report.MaxScore)
        {
            throw new InvalidOperationException($"the example answers of {ProblemId} should earn full marks, not {report.Score}");
        }
    }

    [Benchmark]
    public GradeReport GradeCompleteSubmission() => _problem.Grade(_answers.RootElement);
}
