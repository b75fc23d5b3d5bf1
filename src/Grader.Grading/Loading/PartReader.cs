using Grader.Engine.Linear;
using Grader.Grading.Judging;
using Grader.Grading.Model;
using Grader.Grading.References;
using Grader.Grading.References.Designs;
using Grader.Grading.References.Expressions;
using Grader.Grading.References.Quantities;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.Loading;

/// <summary>Reads one part and builds its answer key, computing the reference with the engine.</summary>
internal static class PartReader
{
    public static Part Read(YamlMap node, ProblemContext context)
    {
        var id = node.String("id");
        var map = new YamlMap(node.Node, $"{context.File}, part {id}");
        map.AllowOnly("id", "kind", "points", "prompt", "tolerance", "reveal", "reference", "variables", "definitions", "where", "samples",
            "hints", "choices", "carriedFrom", "rubric", "step");
        var kindName = map.String("kind");
        if (!Enum.TryParse<PartKind>(kindName, ignoreCase: true, out var kind) || int.TryParse(kindName, out _))
        {
            throw map.Error($"unknown kind '{kindName}' (number, vector, sequence, matrix, expression, values, design, choice, manual)");
        }
        var points = map.OptionalNumber("points", 1);
        if (points < 0)
        {
            throw map.Error("'points' cannot be negative");
        }
        if (map.Has("hints") && kind is PartKind.Values or PartKind.Design or PartKind.Choice or PartKind.Manual)
        {
            throw map.Error("'hints' are for number, vector, sequence, matrix and expression parts");
        }
        var key = kind switch
        {
            PartKind.Manual => new ManualKey(),
            PartKind.Expression => ExpressionKeyReader.Read(map, context, ToleranceReader.Read(map, integerValued: false)),
            PartKind.Design => DesignReader.Read(map.Map("reference"), context, ToleranceReader.Read(map, integerValued: false)),
            PartKind.Values => ReadValues(map, context),
            PartKind.Choice => ChoiceReader.Read(map, context),
            _ => ReadValue(map, context, kind),
        };
        var carried = map.OptionalMap("carriedFrom");
        if (carried is not null && key is ValuesKey values && !carried.Has("part"))
        {
            key = CarriedReader.WithinPart(carried, values);
            carried = null;
        }
        var part = new Part(id, kind, points, map.OptionalString("prompt") ?? "", key)
        {
            Carry = carried is null ? null : CarriedReader.Read(carried, key, context),
            Rubric = RubricReader.Read(map, kind == PartKind.Manual),
            Step = RubricReader.Step(map, kind == PartKind.Manual),
        };
        context.Parts[id] = part;
        return part;
    }

    private static AnswerKey ReadValue(YamlMap map, ProblemContext context, PartKind kind)
    {
        var spec = map.Map("reference");
        var source = QuantityReader.Read(spec, context);
        var value = QuantityReader.Get(source, spec.OptionalString("quantity") ?? source.DefaultQuantity, spec);
        var shape = ShapeOf(kind);
        RequireShape(map, value, shape);
        var key = new ValueKey(value, shape, ToleranceReader.Read(map, source.IsInteger), map.OptionalBool("reveal", true));
        return ValueHints.Wrap(map, key, source, shape, ToleranceReader.Read(map, source.IsInteger));
    }

    private static AnswerKey ReadValues(YamlMap map, ProblemContext context)
    {
        var spec = map.Map("reference");
        var fields = spec.Map("fields");
        // The computation beside 'fields' is shared by fields given as a quantity name.
        var shared = spec.Keys.Any(key => key != "fields") ? QuantityReader.Read(spec, context) : null;
        var result = new List<ValueField>();
        foreach (var name in fields.Keys)
        {
            var node = fields.Require(name);
            QuantitySource source;
            string quantity;
            if (node is YamlMappingNode)
            {
                var nested = fields.AsMap(node, name);
                source = QuantityReader.Read(nested, context);
                quantity = nested.OptionalString("quantity") ?? source.DefaultQuantity;
            }
            else
            {
                source = shared ?? throw fields.Error($"field '{name}' names a quantity but the reference has no computation", node);
                quantity = fields.ScalarText(node, name);
            }
            var value = QuantityReader.Get(source, quantity, fields);
            var shape = value.IsScalar ? ValueShape.Scalar : value.Columns == 1 ? ValueShape.Vector : ValueShape.Matrix;
            result.Add(new ValueField(name, value, shape, ToleranceReader.Read(map, source.IsInteger)));
        }
        if (result.Count == 0)
        {
            throw fields.Error("a values part needs at least one field");
        }
        return new ValuesKey(result, map.OptionalBool("reveal", true));
    }

    private static ValueShape ShapeOf(PartKind kind) => kind switch
    {
        PartKind.Number => ValueShape.Scalar,
        PartKind.Vector or PartKind.Sequence => ValueShape.Vector,
        _ => ValueShape.Matrix,
    };

    private static void RequireShape(YamlMap map, Matrix value, ValueShape shape)
    {
        var fits = shape switch
        {
            ValueShape.Scalar => value.IsScalar,
            ValueShape.Vector => value.Columns == 1,
            _ => true,
        };
        if (!fits)
        {
            throw map.Error($"the reference is a {value.Shape} matrix, which a {shape.ToString().ToLowerInvariant()} part cannot hold");
        }
    }
}
