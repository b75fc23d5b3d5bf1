using BenchmarkDotNet.Attributes;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.Benchmarks;

/// <summary>
/// Building one student's variant with no cache: drawing the parameters (redrawing until the constraints hold), filling
/// them into the file's tree and computing every reference that depends on them. Each call is a new seed, so nothing is
/// reused between calls except the parts no parameter reaches.
/// </summary>
[MemoryDiagnoser]
public class VariantBenchmarks
{
    private ProblemVariants _variants = null!;
    private ulong _seed;

    [Params("mit-6036-s17-hw4-randomized", "cs189-dis4-randomized")]
    public string ProblemId { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        Repository.Catalog().TryGet(ProblemId, out var problem);
        _variants = problem!.Variants ?? throw new InvalidOperationException($"{ProblemId} declares no parameters");
    }

    [Benchmark]
    public Problem ComputeVariantReferences() => _variants.ForSeed(++_seed);
}
