using Grader.Grading.Model;

namespace Grader.Grading.Variants;

/// <summary>
/// The parts a template's earlier variants computed, keyed by everything reading a part sees (<see cref="PartInputs"/>).
/// Reading a part is a pure function of those, so a later variant whose part gets the same inputs (hw4's regions depend on
/// 3 of its 21 parameters, 24 combinations) reuses the part computed before instead of recomputing the same references; a
/// part whose inputs are new is read as before. Bounded: least recently used entries go first. Not thread-safe: used
/// under the template's build lock.
/// </summary>
internal sealed class PartMemo
{
    /// <summary>Parts kept per problem version: a few hundred variants' worth of hw4's varying parts.</summary>
    public const int DefaultCapacity = 2048;

    /// <summary>
    /// Bytes a part's reading must allocate to be kept: below it (hw4's forward pass at 7 KB, dis4's parameter count at
    /// 4 KB) recomputing costs less than a lookup that rarely hits and an entry the garbage collector must carry.
    /// </summary>
    public const long WorthKeeping = 16 * 1024;

    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedListNode<Entry>>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly LinkedList<Entry> _recent = new();

    public PartMemo(int capacity)
    {
        _capacity = capacity;
        _bySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _recent.Count;

    /// <summary>The part read from these inputs before, if still kept (then the most recently used).</summary>
    public bool TryGet(ReadOnlySpan<char> key, out Entry entry)
    {
        if (_bySpan.TryGetValue(key, out var hit))
        {
            _recent.Remove(hit);
            _recent.AddFirst(hit);
            entry = hit.Value;
            return true;
        }
        entry = null!;
        return false;
    }

    /// <summary>Keeps a part read from these inputs, with the warnings its reading gave; returns the key as stored.</summary>
    public string Add(ReadOnlySpan<char> key, Part part, IReadOnlyList<string> warnings)
    {
        var stored = key.ToString();
        if (_capacity < 1 || _byKey.ContainsKey(stored))
        {
            return stored;
        }
        _byKey[stored] = _recent.AddFirst(new Entry(stored, part, warnings));
        while (_recent.Count > _capacity)
        {
            _byKey.Remove(_recent.Last!.Value.Key);
            _recent.RemoveLast();
        }
        return stored;
    }

    public void Clear()
    {
        _byKey.Clear();
        _recent.Clear();
    }

    public sealed record Entry(string Key, Part Part, IReadOnlyList<string> Warnings);
}
