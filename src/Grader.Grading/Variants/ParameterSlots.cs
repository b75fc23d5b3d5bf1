using System.Text;
using Grader.Engine.Expressions.Ast;
using Grader.Engine.Linear;
using Grader.Grading.Loading;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Variants;

/// <summary>
/// Every place of a problem file that names a parameter: a value written <c>$name</c> or <c>$(expression)</c>, alone
/// (<c>w1: $a</c>) or inside text (a prompt, an expression: <c>"x = ($x1, $x2)"</c>); <c>$$</c> is a dollar sign. Found
/// once when the file is read; <see cref="Fill"/> writes one variant's numbers into the YAML tree before it is loaded.
/// </summary>
internal sealed class ParameterSlots
{
    private readonly List<(YamlScalarNode Node, IReadOnlyList<object> Segments)> _slots = [];

    // Fill runs under the template's build lock, so one builder serves every slot of every build.
    private readonly StringBuilder _text = new();

    private ParameterSlots()
    {
    }

    public int Count => _slots.Count;

    /// <summary>True when a parameter appears anywhere under <paramref name="node"/>.</summary>
    public bool Touch(YamlNode node) => node switch
    {
        YamlScalarNode scalar => _slots.Any(slot => ReferenceEquals(slot.Node, scalar)),
        YamlSequenceNode sequence => sequence.Children.Any(Touch),
        YamlMappingNode mapping => mapping.Children.Any(pair => Touch(pair.Value)),
        _ => false,
    };

    /// <summary>Finds the slots of every value under <paramref name="root"/> except the subtrees of <paramref name="skip"/>.</summary>
    public static ParameterSlots Find(YamlMap root, IReadOnlyList<string> names, params string[] skip)
    {
        var slots = new ParameterSlots();
        foreach (var (key, value) in root.Node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && skip.Contains(name))
            {
                continue;
            }
            slots.Walk(root, value, names);
        }
        return slots;
    }

    public void Fill(IReadOnlyDictionary<string, double> values)
    {
        var matrices = values.ToDictionary(pair => pair.Key, pair => Matrix.Scalar(pair.Value), StringComparer.Ordinal);
        foreach (var (node, segments) in _slots)
        {
            var text = _text.Clear();
            foreach (var segment in segments)
            {
                text.Append(segment switch
                {
                    string literal => literal,
                    ParameterName name => Parameter.Format(values[name.Name]),
                    _ => Parameter.Format(Evaluate((Expression)segment, matrices)),
                });
            }
            node.Value = text.ToString();
        }
    }

    private static double Evaluate(Expression expression, Dictionary<string, Matrix> values)
    {
        var result = expression.Evaluate(values);
        if (!result.IsScalar || !double.IsFinite(result[0, 0]))
        {
            throw new InvalidOperationException($"'{expression}' gives {(result.IsScalar ? result[0, 0] : result.Shape)} with these parameters, not a finite number");
        }
        return result[0, 0];
    }

    private void Walk(YamlMap root, YamlNode node, IReadOnlyList<string> names)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { } text } scalar when text.Contains('$', StringComparison.Ordinal):
                _slots.Add((scalar, Segments(root, scalar, text, names)));
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children)
                {
                    Walk(root, child, names);
                }
                break;
            case YamlMappingNode mapping:
                foreach (var (_, child) in mapping.Children)
                {
                    Walk(root, child, names);
                }
                break;
        }
    }

    private static List<object> Segments(YamlMap root, YamlNode at, string text, IReadOnlyList<string> names)
    {
        var segments = new List<object>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '$')
            {
                literal.Append(text[i]);
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '$')
            {
                literal.Append('$');
                i++;
                continue;
            }
            segments.Add(literal.ToString());
            literal.Clear();
            if (i + 1 < text.Length && text[i + 1] == '(')
            {
                var close = Closing(text, i + 1) ?? throw root.Error($"'$(' without its ')' in '{text}'", at);
                var inner = text[(i + 2)..close];
                try
                {
                    segments.Add(AuthorExpressions.Parse(inner, names));
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    throw root.Error($"'$({inner})': {EngineMessage.Of(exception)}", at);
                }
                i = close;
                continue;
            }
            var end = i + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }
            var name = text[(i + 1)..end];
            if (!names.Contains(name))
            {
                throw root.Error(name.Length == 0
                    ? $"a '$' in '{text}' names no parameter (write $$ for a dollar sign)"
                    : $"unknown parameter '${name}' (declared: {string.Join(", ", names)})", at);
            }
            segments.Add(new ParameterName(name));
            i = end - 1;
        }
        segments.Add(literal.ToString());
        return segments.Where(segment => segment is not "").ToList();
    }

    private static int? Closing(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }
        return null;
    }

    private sealed record ParameterName(string Name);
}
