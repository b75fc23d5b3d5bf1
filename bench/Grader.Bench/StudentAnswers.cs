using System.Text.Json.Nodes;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.Bench;

/// <summary>
/// The answers one problem's submissions carry. A fixed problem: its example answers (<c>examples/P.json</c>), or with
/// <c>--mistakes</c> its known wrong ones (<c>examples/P.mistakes.json</c>). A randomized problem (<c>P-randomized</c>):
/// each student's answers are written for their own variant, derived as the worker derives it (the problem file loaded
/// by <see cref="ProblemLoader"/>, the variant by <see cref="StudentVariants"/> from the salt the API and worker share
/// and the submission's course, assignment and student): the right answers from that variant's references, or the
/// same mistakes made relative to them (<see cref="RelativeMistakes"/>). Without this a randomized run would grade
/// the handout's answers, wrong for every variant, on the costlier wrong-answer path.
/// </summary>
public sealed class StudentAnswers
{
    private const string Randomized = "-randomized";

    private readonly JsonObject _right;
    private readonly JsonObject? _wrong;
    private readonly Problem? _randomized;
    private readonly StudentVariants? _variants;

    /// <param name="problemId">The problem the submissions answer.</param>
    /// <param name="examples">Where <c>P.json</c> (and <c>P.mistakes.json</c>) of the fixed problem lie.</param>
    /// <param name="problems">Where <c>P-randomized.yaml</c> lies (the API's and worker's problem directory).</param>
    /// <param name="salt">The service's <c>Variants:Salt</c>.</param>
    /// <param name="mistakes">Send the known wrong answers instead of the right ones.</param>
    public StudentAnswers(string problemId, string examples, string problems, string salt, bool mistakes)
    {
        ArgumentNullException.ThrowIfNull(problemId);
        ProblemId = problemId;
        var isRandomized = problemId.EndsWith(Randomized, StringComparison.Ordinal);
        var fixedId = isRandomized ? problemId[..^Randomized.Length] : problemId;
        _right = Read(Path.Combine(examples, fixedId + ".json"));
        _wrong = mistakes ? Read(Path.Combine(examples, fixedId + ".mistakes.json")) : null;
        if (isRandomized)
        {
            _randomized = ProblemLoader.LoadFile(Path.Combine(problems, problemId + ".yaml"));
            // One variant at a time: every student is built once, before the timed run.
            _variants = new StudentVariants(salt, capacity: 1);
        }
    }

    public string ProblemId { get; }

    /// <summary>The answers <paramref name="student"/> of <paramref name="course"/>'s <paramref name="assignment"/> sends.</summary>
    public JsonObject For(string course, string assignment, string student)
    {
        if (_randomized is null || _variants is null)
        {
            return (JsonObject)(_wrong ?? _right).DeepClone();
        }
        var variant = _variants.For(_randomized, course, assignment, student);
        var right = VariantAnswers.Right(variant, _right);
        return _wrong is null ? right : RelativeMistakes.Apply(_right, _wrong, right);
    }

    private static JsonObject Read(string path) => JsonNode.Parse(File.ReadAllText(path)) as JsonObject
        ?? throw new InvalidDataException($"{path}: the answers must be a JSON object keyed by part id");
}
