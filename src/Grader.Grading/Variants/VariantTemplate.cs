using System.Text;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Variants;

/// <summary>
/// A parameterized problem file read once: its YAML tree, its parameters, the places that name them and its
/// constraints. A variant is built by writing its numbers into the tree and loading it as any problem file; a part that no
/// parameter reaches keeps the handout's key, and a part whose filled-in inputs an earlier variant already had reuses the
/// part computed then (<see cref="PartMemo"/>).
/// </summary>
internal sealed class VariantTemplate
{
    private readonly Lock _gate = new();
    private readonly YamlMap _root;
    private readonly ParameterSlots _slots;
    private readonly string _version;
    private readonly Dictionary<YamlNode, Part> _unvarying = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<YamlNode, int> _partIndex = new(ReferenceEqualityComparer.Instance);
    private readonly PartMemo _memo = new(PartMemo.DefaultCapacity);

    // The build in progress (under _gate): each network and LSTM as text by name, and the memo key of each part read so far.
    private readonly Dictionary<string, string> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _builtKeys = new(StringComparer.Ordinal);

    private VariantTemplate(YamlMap root, string file, string problemId, string version, IReadOnlyList<Parameter> parameters,
        ParameterSlots slots, VariantConditions conditions)
    {
        _root = root;
        File = file;
        ProblemId = problemId;
        _version = version;
        Parameters = parameters;
        _slots = slots;
        Conditions = conditions;
        Variants = new ProblemVariants(this);
        if (root.Find("parts") is YamlSequenceNode parts)
        {
            for (var i = 0; i < parts.Children.Count; i++)
            {
                _partIndex[parts.Children[i]] = i;
            }
        }
    }

    public string File { get; }

    public string ProblemId { get; }

    public IReadOnlyList<Parameter> Parameters { get; }

    public VariantConditions Conditions { get; }

    public ProblemVariants Variants { get; }

    /// <summary>The handout's variant, built when the file is read.</summary>
    public Problem Handout { get; private set; } = null!;

    public Dictionary<string, double> HandoutValues() => Parameters.ToDictionary(p => p.Name, p => p.Handout, StringComparer.Ordinal);

    /// <summary>Reads <c>parameters:</c> and <c>constraints:</c> and builds the handout variant, which must be well posed too.</summary>
    public static ProblemCheck Load(YamlMap root, string file, string version)
    {
        VariantTemplate template;
        try
        {
            var parameters = ParameterReader.Read(root.Map("parameters"));
            var names = parameters.Select(p => p.Name).ToList();
            template = new VariantTemplate(root, file, root.OptionalString("id") ?? "", version, parameters,
                ParameterSlots.Find(root, names, "parameters"), VariantConditions.Read(root, names));
        }
        catch (ProblemFileException exception)
        {
            return new ProblemCheck(file, null, [exception], []);
        }
        var values = template.HandoutValues();
        if (template.Conditions.ParameterViolation(values) is { } broken)
        {
            return new ProblemCheck(file, null, [new ProblemFileException(file, $"the handout values: {broken}")], []);
        }
        var (check, violation) = template.Build(new Variant(VariantOrigin.Handout, null, values));
        if (violation is not null)
        {
            return check with { Problem = null, Errors = [new ProblemFileException(file, $"the handout values: {violation}")] };
        }
        template.Handout = check.Problem!;
        template.FindUnvaryingParts();
        return check;
    }

    /// <summary>Whether a part's reference may differ between variants: false for a part that no parameter reaches.</summary>
    public bool Varies(string partId) => !_unvarying.Values.Any(part => part.Id == partId);

    /// <summary>The handout's part for a part node that no parameter reaches, or null when it must be computed.</summary>
    public Part? Unvarying(YamlNode node) => _unvarying.GetValueOrDefault(node);

    // A part varies when a parameter appears in it or in a network or LSTM whose name it mentions anywhere, or when it
    // carries credit from another part (whose reference may vary, and its recomputation is checked against this one's).
    private void FindUnvaryingParts()
    {
        var varying = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in new[] { "networks", "lstms" })
        {
            if (_root.Find(section) is YamlMappingNode definitions)
            {
                varying.UnionWith(definitions.Children.Where(pair => _slots.Touch(pair.Value)).Select(pair => ((YamlScalarNode)pair.Key).Value ?? ""));
            }
        }
        if (_root.Find("parts") is not YamlSequenceNode parts)
        {
            return;
        }
        foreach (var node in parts.Children.OfType<YamlMappingNode>())
        {
            if (!_slots.Touch(node) && !Scalars(node).Any(varying.Contains) && !node.Children.ContainsKey(new YamlScalarNode("carriedFrom"))
                && node.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id is YamlScalarNode { Value: { } partId }
                && Handout.FindPart(partId) is { } part)
            {
                _unvarying[node] = part;
            }
        }
    }

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } text } => [text],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(pair => Scalars(pair.Value)),
        _ => [],
    };

    /// <summary>Loads one variant; the second item is the reference constraint it breaks (null when none, or when it failed to load).</summary>
    public (ProblemCheck Check, string? Violation) Build(Variant variant)
    {
        lock (_gate)
        {
            try
            {
                _slots.Fill(variant.Values);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return (new ProblemCheck(File, null, [new ProblemFileException(File, $"{variant.Key}: {EngineMessage.Of(exception)}")], []), null);
            }
            ReadDefinitionsText();
            _builtKeys.Clear();
            var check = ProblemLoader.CheckRoot(_root, File, _version, this, variant);
            if (check.Problem is not { } problem)
            {
                return (check with { Errors = check.Errors.Select(error => Named(error, variant)).ToList() }, null);
            }
            try
            {
                return (check, VariantConditions.ReferenceViolation(_root, problem));
            }
            catch (ProblemFileException exception)
            {
                return (check with { Problem = null, Errors = [exception] }, null);
            }
        }
    }

    /// <summary>
    /// Reads one part of the variant being built, or returns the part an earlier variant read from the same inputs (its
    /// warnings said again, so check reports them for this variant too). Called by the loader inside <see cref="Build"/>.
    /// </summary>
    public Part ReadPart(YamlMap map, ProblemContext context)
    {
        var key = InputsKey(map.Node);
        if (_memo.TryGet(key, out var known, out var warnings))
        {
            context.Parts[known.Id] = known;
            context.Warnings.AddRange(warnings);
            _builtKeys[known.Id] = key;
            return known;
        }
        var before = context.Warnings.Count;
        var part = PartReader.Read(map, context);
        _memo.Add(key, part, context.Warnings.Skip(before).ToArray());
        _builtKeys[part.Id] = key;
        return part;
    }

    /// <summary>Forgets the parts earlier variants computed, so the next build computes every varying part afresh.</summary>
    public void ForgetParts()
    {
        lock (_gate)
        {
            _memo.Clear();
        }
    }

    // Everything PartReader sees: the part's place and filled-in subtree, the networks and LSTMs it names (a reading finds
    // them by a name written in the part), and the part it carries credit from (the only other part a reading looks at), by
    // that part's own key.
    private string InputsKey(YamlMappingNode node)
    {
        var text = new StringBuilder(256);
        text.Append(_partIndex.GetValueOrDefault(node, -1)).Append('|');
        PartMemo.AppendInputs(text, node);
        foreach (var name in Scalars(node).Where(_definitions.ContainsKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            text.Append('|').Append(_definitions[name]);
        }
        if (node.Children.TryGetValue(new YamlScalarNode("carriedFrom"), out var carried) && carried is YamlMappingNode from
            && from.Children.TryGetValue(new YamlScalarNode("part"), out var earlier) && earlier is YamlScalarNode { Value: { } earlierId })
        {
            // A part with no key of this build is one no parameter reaches: the handout's, the same in every variant.
            text.Append("|from ").Append(_builtKeys.GetValueOrDefault(earlierId) ?? $"the handout's {earlierId}");
        }
        return text.ToString();
    }

    private void ReadDefinitionsText()
    {
        _definitions.Clear();
        foreach (var section in new[] { "networks", "lstms" })
        {
            if (_root.Find(section) is YamlMappingNode definitions)
            {
                foreach (var (name, definition) in definitions.Children)
                {
                    var text = new StringBuilder(section).Append(' ');
                    PartMemo.AppendInputs(text, name);
                    PartMemo.AppendInputs(text, definition);
                    // A network and an LSTM may share a name: a part naming it gets both in its key.
                    var key = name is YamlScalarNode { Value: { } named } ? named : "";
                    _definitions[key] = _definitions.GetValueOrDefault(key, "") + text;
                }
            }
        }
    }

    // An error of one variant names it, so check's report gives the seed to reproduce it with.
    private static ProblemFileException Named(ProblemFileException error, Variant variant) =>
        variant.Origin == VariantOrigin.Handout ? error : new ProblemFileException(error.Location, $"{error.Reason} [{variant}]");
}
