using Grader.Grading.Model;

namespace Grader.Grading.Variants;

/// <summary>
/// The most recently used variants, their references computed, bounded by count: a worker grading a class keeps each
/// student's variant while their submissions arrive, and a regrade of many students evicts the oldest, never grows.
/// Keyed by (problem id, version, variant), so an edited problem never serves a stale key. Thread-safe.
/// </summary>
public sealed class VariantCache(int capacity = 1024)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, Problem Problem)>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Problem Problem)> _recent = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _recent.Count;
            }
        }
    }

    /// <summary>A student's variant (the problem itself when it declares no parameters).</summary>
    public Problem ForStudent(Problem problem, string courseSalt, VariantKey key) =>
        problem.Variants is null ? problem : ForSeed(problem, VariantSeed.For(courseSalt, problem.Id, key));

    public Problem ForSeed(Problem problem, ulong seed) => problem.Variants is not { } variants
        ? problem
        : Get(problem, FormattableString.Invariant($"seed {seed}"), () => variants.ForSeed(seed));

    public Problem For(Problem problem, VariantOverride choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (problem.Variants is not { } variants)
        {
            return problem;
        }
        var values = string.Join(", ", (choice.Values ?? new Dictionary<string, double>())
            .OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={Parameter.Format(pair.Value)}"));
        return Get(problem, FormattableString.Invariant($"override {choice.Seed}: {values}"), () => variants.For(choice));
    }

    private Problem Get(Problem problem, string variant, Func<Problem> build)
    {
        var key = $"{problem.Id}\n{problem.Version}\n{variant}";
        lock (_gate)
        {
            if (_byKey.TryGetValue(key, out var hit))
            {
                _recent.Remove(hit);
                _recent.AddFirst(hit);
                return hit.Value.Problem;
            }
        }
        // Built outside the cache's lock: two threads missing the same key both build it, the same problem either way.
        var built = build();
        lock (_gate)
        {
            if (!_byKey.ContainsKey(key))
            {
                _byKey[key] = _recent.AddFirst((key, built));
                while (_recent.Count > Math.Max(1, capacity))
                {
                    _byKey.Remove(_recent.Last!.Value.Key);
                    _recent.RemoveLast();
                }
            }
        }
        return built;
    }
}
