using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Benchmarks;

/// <summary>One expression comparison: parse a student's answer and compare it with the reference at the 8 sample points.</summary>
[MemoryDiagnoser]
public class ExpressionComparisonBenchmarks
{
    private Part _scalarPart = null!;
    private Part _matrixPart = null!;
    private JsonElement _scalarAnswer;
    private JsonElement _matrixAnswer;

    [GlobalSetup]
    public void Setup()
    {
        Repository.Catalog().TryGet("ds102-disc7", out var problem);
        _scalarPart = problem!.FindPart("1a.sigmoid")!;
        _matrixPart = problem.FindPart("2c")!;
        _scalarAnswer = JsonDocument.Parse("\"sigmoid(x)*(1 - sigmoid(x))\"").RootElement;
        _matrixAnswer = JsonDocument.Parse("\"-2*(y - b'*sigmoid(A*x)) * (b .* sigmoid(A*x) .* (1 - sigmoid(A*x))) * x'\"").RootElement;
    }

    [Benchmark(Description = "ds102 1a.sigmoid (scalar)")]
    public PartResult ScalarExpression() => _scalarPart.Grade(_scalarAnswer);

    [Benchmark(Description = "ds102 2c (3×2 matrix)")]
    public PartResult MatrixExpression() => _matrixPart.Grade(_matrixAnswer);
}
