using System.Text;
using Grader.Grading.Model;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Variants;

/// <summary>
/// The parts a template's earlier variants computed, keyed by everything reading a part sees: its own filled-in subtree,
/// the filled-in networks and LSTMs it may name, and the key of the part it carries credit from. Reading a part is a pure
/// function of those, so a later variant whose part gets the same inputs (hw4's regions depend on 3 of its 21 parameters,
/// 24 combinations) reuses the part computed before instead of recomputing the same references; a part whose inputs are
/// new is read as before. Bounded: least recently used entries go first. Used only under the template's build lock.
/// </summary>
internal sealed class PartMemo(int capacity)
{
    /// <summary>Parts kept per problem version: a few hundred variants' worth of hw4's varying parts.</summary>
    public const int DefaultCapacity = 2048;

    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new();

    public int Count => _recent.Count;

    public bool TryGet(string key, out Part part, out IReadOnlyList<string> warnings)
    {
        if (_byKey.TryGetValue(key, out var hit))
        {
            _recent.Remove(hit);
            _recent.AddFirst(hit);
            (part, warnings) = (hit.Value.Part, hit.Value.Warnings);
            return true;
        }
        (part, warnings) = (null!, []);
        return false;
    }

    public void Add(string key, Part part, IReadOnlyList<string> warnings)
    {
        if (capacity < 1 || _byKey.ContainsKey(key))
        {
            return;
        }
        _byKey[key] = _recent.AddFirst(new Entry(key, part, warnings));
        while (_recent.Count > capacity)
        {
            _byKey.Remove(_recent.Last!.Value.Key);
            _recent.RemoveLast();
        }
    }

    public void Clear()
    {
        _byKey.Clear();
        _recent.Clear();
    }

    /// <summary>Appends an unambiguous text of a YAML subtree (each scalar length-prefixed, so no value can fake structure).</summary>
    public static void AppendInputs(StringBuilder text, YamlNode? node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                var value = scalar.Value ?? "";
                text.Append('s').Append(value.Length).Append(':').Append(value);
                break;
            case YamlSequenceNode sequence:
                text.Append('[');
                foreach (var child in sequence.Children)
                {
                    AppendInputs(text, child);
                }
                text.Append(']');
                break;
            case YamlMappingNode mapping:
                text.Append('{');
                foreach (var (key, child) in mapping.Children)
                {
                    AppendInputs(text, key);
                    AppendInputs(text, child);
                }
                text.Append('}');
                break;
            default:
                text.Append('~');
                break;
        }
    }

    private sealed record Entry(string Key, Part Part, IReadOnlyList<string> Warnings);
}
