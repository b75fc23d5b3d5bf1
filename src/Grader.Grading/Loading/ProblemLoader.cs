using System.Security.Cryptography;
using System.Text;
using Grader.Grading.Model;
using Grader.Grading.Variants;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Loading;

/// <summary>Reads one problems/*.yaml file and computes every part's reference with the engine.</summary>
public static class ProblemLoader
{
    public static Problem LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ProblemFileException(path, $"cannot read the file: {exception.Message}");
        }
        return LoadText(text, path);
    }

    /// <summary>Loads a problem from YAML text; <paramref name="file"/> names it in error messages. Throws the first error.</summary>
    public static Problem LoadText(string text, string file)
    {
        var check = CheckText(text, file);
        return check.Problem ?? throw check.Errors[0];
    }

    /// <summary>Reads the whole file, collecting every error (each network, LSTM and part on its own) and every warning.</summary>
    public static ProblemCheck CheckFile(string path)
    {
        try
        {
            return CheckText(File.ReadAllText(path, Encoding.UTF8), path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new ProblemCheck(path, null, [new ProblemFileException(path, $"cannot read the file: {exception.Message}")], []);
        }
    }

    public static ProblemCheck CheckText(string text, string file)
    {
        YamlMap root;
        try
        {
            root = Parse(text, file);
        }
        catch (ProblemFileException exception)
        {
            return new ProblemCheck(file, null, [exception], []);
        }
        // A file with parameters is a template: each variant (the handout's first) is its tree with the numbers filled in.
        return root.Has("parameters") ? VariantTemplate.Load(root, file, Version(text)) : CheckRoot(root, file, Version(text), null, Variant.Handout);
    }

    /// <summary>Loads a parsed file (for a template, with one variant's numbers already written into the tree).</summary>
    internal static ProblemCheck CheckRoot(YamlMap root, string file, string version, VariantTemplate? template, Variant variant)
    {
        var errors = new List<ProblemFileException>();
        Collect(errors, root, () => root.AllowOnly("id", "title", "course", "source", "statement", "parameters", "constraints", "networks", "lstms", "parts"));
        if (template is null && root.Find("constraints") is { } constraints)
        {
            errors.Add(root.Error("'constraints' need 'parameters' to constrain", constraints));
        }
        var id = Collect(errors, root, () => root.String("id")) ?? "";
        var context = new ProblemContext(id, file);
        if (Collect(errors, root, () => root.OptionalMap("networks")) is { } networks)
        {
            foreach (var name in networks.Keys)
            {
                Collect(errors, networks, () => context.Networks[name] = template is null
                    ? NetworkReader.Read(Named(networks.Map(name), $"{file}, network {name}"), parameters: null)
                    : template.ReadDefinition('n', networks.Require(name),
                        () => NetworkReader.Read(Named(networks.Map(name), $"{file}, network {name}"), parameters: null)));
            }
        }
        if (Collect(errors, root, () => root.OptionalMap("lstms")) is { } lstms)
        {
            foreach (var name in lstms.Keys)
            {
                Collect(errors, lstms, () => context.Lstms[name] = template is null
                    ? LstmReader.Read(Named(lstms.Map(name), $"{file}, LSTM {name}"))
                    : template.ReadDefinition('l', lstms.Require(name), () => LstmReader.Read(Named(lstms.Map(name), $"{file}, LSTM {name}"))));
            }
        }
        var parts = new List<Part>();
        foreach (var node in Collect(errors, root, () => root.Sequence("parts"))?.Children ?? [])
        {
            // A variant reuses the handout's key of a part that no parameter reaches: only what varies is computed again.
            var part = template?.Unvarying(node) is { } unvarying
                ? context.Parts[unvarying.Id] = unvarying
                : Collect(errors, root, () => template is null
                    ? PartReader.Read(root.AsMap(node, "parts"), context)
                    : template.ReadPart(root.AsMap(node, "parts"), context), node);
            if (part is null)
            {
                continue;
            }
            if (parts.Any(existing => existing.Id == part.Id))
            {
                errors.Add(root.Error($"part '{part.Id}' is defined twice", node));
                continue;
            }
            parts.Add(part);
        }
        var title = Collect(errors, root, () => root.String("title"));
        var course = Collect(errors, root, () => root.String("course"));
        var problem = errors.Count == 0
            ? new Problem(id, title!, course!, root.OptionalString("source") ?? "", version, parts)
            {
                Statement = root.OptionalString("statement") ?? "",
                Variant = variant,
                Variants = template?.Variants,
            }
            : null;
        return new ProblemCheck(file, problem, errors, context.Warnings);
    }

    private static YamlMap Named(YamlMap map, string location) => new(map.Node, location);

    // Runs one reading step; its error is recorded and the file read on, so check reports every broken place at once.
    private static T? Collect<T>(List<ProblemFileException> errors, YamlMap at, Func<T> read, YamlNode? node = null)
    {
        try
        {
            return read();
        }
        catch (ProblemFileException exception)
        {
            errors.Add(exception);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // An engine refusal nobody turned into a problem-file error still names the place, not a stack trace.
            errors.Add(at.Error(EngineMessage.Of(exception), node));
        }
        return default;
    }

    private static void Collect(List<ProblemFileException> errors, YamlMap at, Action read) =>
        Collect<bool>(errors, at, () =>
        {
            read();
            return true;
        });

    // The version is the content hash: any edit to data, a reference or a tolerance makes a new one.
    private static string Version(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal))))[..16];

    private static YamlMap Parse(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new ProblemFileException(FormattableString.Invariant($"{file}, line {exception.Start.Line}"), exception.Message);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ProblemFileException(file, "a problem file holds one YAML mapping");
        }
        return new YamlMap(root, file);
    }
}
