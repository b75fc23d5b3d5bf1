using Grader.Data.Variants;
using Grader.Grading.Model;
using Grader.Grading.Variants;

namespace Grader.ServiceDefaults;

/// <summary>
/// The variant a student is assigned: an instructor's override where one is stored (<see cref="VariantOverrideStore"/>),
/// otherwise the one their salted seed draws. The variant endpoint, the grader and regrades all ask here, so what a student
/// is shown is what they are graded against. A fixed problem never reads the table.
/// </summary>
public sealed class AssignedVariants(StudentVariants variants, VariantOverrideStore overrides)
{
    /// <exception cref="VariantException">The variant cannot be built (a stored override the file no longer allows).</exception>
    public async Task<Problem> ForAsync(Problem problem, string course, string assignment, string student, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Variants is null)
        {
            return problem;
        }
        // The override read is in flight while the seed's variant is built (or found in the cache): almost no student has
        // an override, so the round trip hides behind the build instead of adding to it.
        var lookup = overrides.FindAsync(new VariantOverrideKey(course, assignment, problem.Id, student), cancellationToken);
        Problem? seeded = null;
        VariantException? unbuildable = null;
        try
        {
            seeded = variants.For(problem, course, assignment, student);
        }
        catch (VariantException exception)
        {
            unbuildable = exception; // an override, if there is one, still gives this student a variant
        }
        var stored = await lookup;
        return stored is not null ? variants.For(problem, ToChoice(stored)) : seeded ?? throw unbuildable!;
    }

    /// <summary>The overrides of many students at once (a regrade batch), for <see cref="For"/>.</summary>
    public Task<Dictionary<VariantOverrideKey, StoredVariantOverride>> OverridesAsync(
        IReadOnlyCollection<VariantOverrideKey> keys, CancellationToken cancellationToken) => overrides.FindManyAsync(keys, cancellationToken);

    /// <summary>As <see cref="ForAsync"/>, with the overrides read beforehand.</summary>
    public Problem For(Problem problem, string course, string assignment, string student,
        IReadOnlyDictionary<VariantOverrideKey, StoredVariantOverride> overridden)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(overridden);
        return problem.Variants is not null && overridden.TryGetValue(new VariantOverrideKey(course, assignment, problem.Id, student), out var stored)
            ? variants.For(problem, ToChoice(stored))
            : variants.For(problem, course, assignment, student);
    }

    /// <summary>Builds the override's variant (throws <see cref="VariantException"/> naming what is wrong): the API checks with it.</summary>
    public Problem Check(Problem problem, VariantOverride choice) => variants.For(problem, choice);

    public static VariantOverride ToChoice(StoredVariantOverride stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new VariantOverride(stored.Seed, stored.Values);
    }
}
