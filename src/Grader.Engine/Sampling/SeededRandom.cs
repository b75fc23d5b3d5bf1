namespace Grader.Engine.Sampling;

/// <summary>
/// A small deterministic generator (SplitMix64): the same seed gives the same points on every machine and runtime,
/// so a submission graded twice is judged at the same points.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A seed derived from text (a problem and part id), stable across processes unlike string.GetHashCode.</summary>
    public static SeededRandom FromText(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return new SeededRandom(hash);
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on 0 … count − 1, without the modulo bias (draws that fall in the uneven top slice are redrawn).</summary>
    public int NextIndex(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)count;
        ulong draw;
        do
        {
            draw = NextUInt64();
        }
        while (draw >= limit);
        return (int)(draw % (ulong)count);
    }

    /// <summary>Uniform in [low, high).</summary>
    public double NextDouble(double low, double high) => low + (high - low) * NextDouble();
}
