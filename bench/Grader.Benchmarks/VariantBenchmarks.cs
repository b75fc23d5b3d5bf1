using BenchmarkDotNet.Attributes;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.Benchmarks;

/// <summary>
/// Building one student's variant with no variant cache: drawing the parameters (redrawing until the constraints hold),
/// filling them into the file's tree and computing every reference that depends on them. Each call is a new seed.
/// <see cref="ComputeVariantReferences"/> is a worker's steady state: parts whose filled-in inputs an earlier variant
/// had (hw4's regions: 24 combinations of the 3 parameters they depend on) are reused from the template's part memo.
/// <see cref="ComputeVariantReferencesCold"/> forgets those first, so every part a parameter reaches is computed (as
/// right after a worker starts, or for a part whose inputs no one had yet).
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

    [Benchmark]
    public Problem ComputeVariantReferencesCold()
    {
        _variants.ForgetComputedParts();
        return _variants.ForSeed(++_seed);
    }
}
