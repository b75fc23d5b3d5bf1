using System.Security.Cryptography;
using System.Text;
using Grader.Grading.Model;
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

    /// <summary>Loads a problem from YAML text; <paramref name="file"/> names it in error messages.</summary>
    public static Problem LoadText(string text, string file)
    {
        var root = Parse(text, file);
        root.AllowOnly("id", "title", "course", "source", "networks", "lstms", "parts");
        var id = root.String("id");
        var context = new ProblemContext(id, file);
        if (root.OptionalMap("networks") is { } networks)
        {
            foreach (var name in networks.Keys)
            {
                context.Networks[name] = NetworkReader.Read(networks.Map(name), parameters: null);
            }
        }
        if (root.OptionalMap("lstms") is { } lstms)
        {
            foreach (var name in lstms.Keys)
            {
                context.Lstms[name] = LstmReader.Read(lstms.Map(name));
            }
        }
        var parts = new List<Part>();
        foreach (var node in root.Sequence("parts"))
        {
            var part = PartReader.Read(root.AsMap(node, "parts"), context);
            if (parts.Any(existing => existing.Id == part.Id))
            {
                throw root.Error($"part '{part.Id}' is defined twice", node);
            }
            parts.Add(part);
        }
        return new Problem(id, root.String("title"), root.String("course"), root.OptionalString("source") ?? "", Version(text), parts);
    }

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
