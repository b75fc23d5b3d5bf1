using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Variants;

/// <summary>
/// The key <see cref="PartMemo"/> finds a part by: everything reading the part sees — its place and filled-in subtree, the
/// networks and LSTMs it names (a reading finds them by a name written in the part), and the key of the part it carries
/// credit from (the only other part a reading looks at). What a part names is found once; each build writes the key into
/// one reused buffer, so a memo hit allocates nothing. Not thread-safe: used under the template's build lock.
/// </summary>
internal sealed class PartInputs
{
    private static readonly YamlScalarNode CarriedFromKey = new("carriedFrom");
    private static readonly YamlScalarNode PartKey = new("part");

    private readonly Dictionary<YamlNode, (int Index, YamlNode[] Named, string? From)> _parts = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<YamlNode> _sources = new(ReferenceEqualityComparer.Instance);
    private char[] _buffer = new char[1024];
    private int _length;

    public PartInputs(YamlMappingNode root)
    {
        var definitions = new Dictionary<string, List<YamlNode>>(StringComparer.Ordinal);
        foreach (var section in new[] { "networks", "lstms" })
        {
            if (root.Children.TryGetValue(new YamlScalarNode(section), out var node) && node is YamlMappingNode named)
            {
                foreach (var (name, definition) in named.Children)
                {
                    // A network and an LSTM may share a name: a part naming it gets both in its key.
                    var key = (name as YamlScalarNode)?.Value ?? "";
                    (definitions.TryGetValue(key, out var list) ? list : definitions[key] = []).Add(definition);
                }
            }
        }
        if (!root.Children.TryGetValue(new YamlScalarNode("parts"), out var partsNode) || partsNode is not YamlSequenceNode parts)
        {
            return;
        }
        for (var i = 0; i < parts.Children.Count; i++)
        {
            var part = parts.Children[i];
            var names = Scalars(part).Where(definitions.ContainsKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            _parts[part] = (i, [.. names.SelectMany(name => definitions[name])], CarriedFrom(part));
        }
        var carriedFrom = _parts.Values.Select(inputs => inputs.From).OfType<string>().ToHashSet(StringComparer.Ordinal);
        _sources.UnionWith(parts.Children.Where(part => part is YamlMappingNode mapping
            && mapping.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id is YamlScalarNode { Value: { } text } && carriedFrom.Contains(text)));
    }

    /// <summary>Whether another part carries credit from this part node (its key is then part of that part's key).</summary>
    public bool IsCarriedFrom(YamlNode part) => _sources.Contains(part);

    /// <summary>Every scalar value under a node.</summary>
    public static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } text } => [text],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(pair => Scalars(pair.Value)),
        _ => [],
    };

    /// <summary>The id of the part this part node carries credit from, or null.</summary>
    public string? From(YamlNode part) => _parts.TryGetValue(part, out var inputs) ? inputs.From : null;

    /// <summary>The key of a part node with this build's numbers in the tree; valid until the next call.</summary>
    public ReadOnlySpan<char> Key(YamlNode part, string? earlierKey)
    {
        _length = 0;
        var (index, named, from) = _parts.TryGetValue(part, out var inputs) ? inputs : (-1, [], null);
        Append(index);
        Write(part);
        foreach (var definition in named)
        {
            Append('|');
            Write(definition);
        }
        if (from is not null)
        {
            // A part with no key of this build is one no parameter reaches: the handout's, the same in every variant.
            Append(earlierKey is null ? "|from the handout's part" : "|from ");
            Append(earlierKey ?? "");
        }
        return _buffer.AsSpan(0, _length);
    }

    /// <summary>The key of any other node (a network, an LSTM) with this build's numbers; valid until the next call.</summary>
    public ReadOnlySpan<char> Key(char kind, YamlNode node)
    {
        _length = 0;
        Append(kind);
        Write(node);
        return _buffer.AsSpan(0, _length);
    }

    private static string? CarriedFrom(YamlNode part) =>
        part is YamlMappingNode mapping && mapping.Children.TryGetValue(CarriedFromKey, out var carried) && carried is YamlMappingNode from
            && from.Children.TryGetValue(PartKey, out var earlier) && earlier is YamlScalarNode { Value: { } id }
            ? id
            : null;

    // Each scalar length-prefixed, so no value can fake the structure around it.
    private void Write(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                var value = scalar.Value ?? "";
                Append('s');
                Append(value.Length);
                Append(':');
                Append(value);
                break;
            case YamlSequenceNode sequence:
                Append('[');
                foreach (var child in sequence.Children)
                {
                    Write(child);
                }
                Append(']');
                break;
            case YamlMappingNode mapping:
                Append('{');
                foreach (var (key, child) in mapping.Children)
                {
                    Write(key);
                    Write(child);
                }
                Append('}');
                break;
            default:
                Append('~');
                break;
        }
    }

    private void Append(char c)
    {
        Reserve(1);
        _buffer[_length++] = c;
    }

    private void Append(int number)
    {
        Reserve(11);
        number.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    private void Append(string text)
    {
        Reserve(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }
    }
}
