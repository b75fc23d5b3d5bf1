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
    private readonly PartMemo _memo = new(PartMemo.DefaultCapacity);
    private readonly PartInputs _inputs;

    // The networks and LSTMs earlier builds read, by kind and filled-in text (the handful of distinct ones a file's
    // parameters give), so that a build reads only new ones.
    private readonly Dictionary<string, object> _definitions = new(StringComparer.Ordinal);

    // Part nodes whose reading allocates less than PartMemo.WorthKeeping: computing them again costs less than keeping them.
    private readonly HashSet<YamlNode> _cheap = new(ReferenceEqualityComparer.Instance);

    // The memo key of each part the build in progress (under _gate) has read so far, for the parts that carry from them.
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
        _inputs = new PartInputs(root.Node);
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
            if (!_slots.Touch(node) && !PartInputs.Scalars(node).Any(varying.Contains) && !node.Children.ContainsKey(new YamlScalarNode("carriedFrom"))
                && node.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id is YamlScalarNode { Value: { } partId }
                && Handout.FindPart(partId) is { } part)
            {
                _unvarying[node] = part;
            }
        }
    }

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
        if (_cheap.Contains(map.Node))
        {
            return PartReader.Read(map, context);
        }
        var from = _inputs.From(map.Node);
        var key = _inputs.Key(map.Node, from is null ? null : _builtKeys.GetValueOrDefault(from));
        if (_memo.TryGet(key, out var known))
        {
            context.Parts[known.Part.Id] = known.Part;
            context.Warnings.AddRange(known.Warnings);
            _builtKeys[known.Part.Id] = known.Key;
            return known.Part;
        }
        var before = context.Warnings.Count;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var part = PartReader.Read(map, context);
        // Allocation is the cost a reading has here (every reference is computed in memory): a cheap part is recomputed in
        // every variant rather than kept, unless a later part's key needs its key.
        if (GC.GetAllocatedBytesForCurrentThread() - allocated < PartMemo.WorthKeeping && !_inputs.IsCarriedFrom(map.Node))
        {
            _cheap.Add(map.Node);
            return part;
        }
        _builtKeys[part.Id] = _memo.Add(key, part, context.Warnings.Skip(before).ToArray());
        return part;
    }

    /// <summary>A network or LSTM of the build in progress: the one an earlier build read from the same text, or read now.</summary>
    public T ReadDefinition<T>(char kind, YamlNode node, Func<T> read)
        where T : class
    {
        var key = _inputs.Key(kind, node);
        if (_definitions.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var known))
        {
            return (T)known;
        }
        var definition = read();
        if (_definitions.Count >= PartMemo.DefaultCapacity)
        {
            _definitions.Clear();
        }
        _definitions[key.ToString()] = definition;
        return definition;
    }

    /// <summary>Forgets the parts earlier variants computed, so the next build computes every varying part afresh.</summary>
    public void ForgetParts()
    {
        lock (_gate)
        {
            _memo.Clear();
            _definitions.Clear();
            _cheap.Clear();
        }
    }

    // An error of one variant names it, so check's report gives the seed to reproduce it with.
    private static ProblemFileException Named(ProblemFileException error, Variant variant) =>
        variant.Origin == VariantOrigin.Handout ? error : new ProblemFileException(error.Location, $"{error.Reason} [{variant}]");
}
