using Grader.Engine.Expressions;
using Grader.Engine.Expressions.Ast;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;
using Grader.Grading.Answers;
using Grader.Grading.Judging;
using Grader.Grading.Model;
using Grader.Grading.References;
using Grader.Grading.References.Expressions;

namespace Grader.Grading.Loading;

/// <summary>
/// Reads a part's <c>carriedFrom: {part, field?, reference?, credit?}</c>: the earlier part (a number or values part defined
/// above), the field(s) used, the expression that recomputes this part's reference from them (for a gradient step the
/// student's field is the slope when <c>reference</c> is omitted), and the credit fraction (default 1). The recomputation
/// with the earlier part's true values must give this part's own reference, so a mistyped <c>reference</c> fails the load.
/// </summary>
internal static class CarriedReader
{
    public static CarriedCredit Read(YamlMap spec, AnswerKey key, ProblemContext context)
    {
        spec.AllowOnly("part", "field", "reference", "credit");
        var from = spec.String("part");
        if (!context.Parts.TryGetValue(from, out var earlier) || earlier.Key is not (ValueKey or ValuesKey))
        {
            throw spec.Error($"'carriedFrom: {from}' must name a number or values part defined above this one");
        }
        var credit = spec.OptionalNumber("credit", 1);
        if (!(credit is > 0 and <= 1))
        {
            throw spec.Error("'credit' is a fraction of the points, greater than 0 and at most 1");
        }
        var field = spec.OptionalString("field");
        var referenceText = spec.OptionalString("reference");
        var names = Names(spec, earlier, field, referenceText);
        try
        {
            var carry = new CarriedCredit(from, names, credit, Rebuild(spec, key, names, field, referenceText));
            Check(spec, key, carry.Rebuild(CarriedCredit.TrueValues(earlier, names)), from);
            return carry;
        }
        catch (ExpressionException exception)
        {
            throw spec.Error($"'reference': {exception.Error}");
        }
    }

    /// <summary>
    /// A values part's <c>carriedFrom: {fields: {f: "-4*q", …}, credit?}</c>: each listed field's reference recomputed from
    /// the part's own other fields, checked against the computed references when the file loads.
    /// </summary>
    public static ValuesKey WithinPart(YamlMap spec, ValuesKey key)
    {
        spec.AllowOnly("fields", "credit");
        var credit = spec.OptionalNumber("credit", 1);
        if (!(credit is > 0 and <= 1))
        {
            throw spec.Error("'credit' is a fraction of the points, greater than 0 and at most 1");
        }
        var names = key.Fields.Select(field => field.Name).ToList();
        var truth = key.Fields.ToDictionary(field => field.Name, field => field.Reference, StringComparer.Ordinal);
        var formulas = new Dictionary<string, Expression>(StringComparer.Ordinal);
        var fields = spec.Map("fields");
        foreach (var name in fields.Keys)
        {
            if (!names.Contains(name))
            {
                throw fields.Error($"'{name}' is not a field of this part ({string.Join(", ", names)})");
            }
            try
            {
                var formula = ExpressionParser.Parse(fields.String(name), names.Where(other => other != name));
                var field = key.Fields.First(f => f.Name == name);
                var recomputed = formula.Evaluate(truth);
                if (formula.Variables.Count == 0 || recomputed.Shape != field.Reference.Shape
                    || Closeness.FirstMismatch(recomputed, field.Reference, field.Tolerance) >= 0)
                {
                    throw fields.Error($"'{name}: {fields.String(name)}' gives {recomputed} from the other fields' references, "
                        + $"not {field.Reference}: check it (it must use other fields)");
                }
                formulas[name] = formula;
            }
            catch (ExpressionException exception)
            {
                throw fields.Error($"'{name}': {exception.Error}");
            }
        }
        return new ValuesKey(key.Fields, key.Reveal) { Carried = new CarriedFields(formulas, credit) };
    }

    private static List<string> Names(YamlMap spec, Part earlier, string? field, string? reference)
    {
        if (earlier.Key is ValuesKey values)
        {
            var fields = values.Fields.Select(f => f.Name).ToList();
            if (field is not null)
            {
                return fields.Contains(field) ? [field] : throw spec.Error($"part {earlier.Id} has no field '{field}' ({string.Join(", ", fields)})");
            }
            var used = reference is null ? [] : ExpressionParser.Parse(reference).Variables.Where(fields.Contains).ToList();
            return used.Count > 0 ? used : throw spec.Error($"name the field(s) of part {earlier.Id} used, with 'field' or in 'reference'");
        }
        return field is not null ? [field] : throw spec.Error($"name part {earlier.Id}'s number for 'reference' with 'field'");
    }

    private static Func<IReadOnlyDictionary<string, Matrix>, AnswerKey> Rebuild(
        YamlMap spec, AnswerKey key, List<string> names, string? field, string? referenceText)
    {
        switch (key)
        {
            case ValueKey value when referenceText is not null:
                var formula = ExpressionParser.Parse(referenceText, names);
                return values => value.WithReference(formula.Evaluate(values));
            case ExpressionKey expression when referenceText is not null:
                var perPoint = ExpressionParser.Parse(referenceText, names.Concat(expression.Names));
                return values => expression.WithReferences([.. expression.Points.Select(point =>
                    perPoint.Evaluate(point.Concat(values).ToDictionary(StringComparer.Ordinal)))]);
            case ExpressionKey { Step: var (start, rate) } step when field is not null:
                return values => step.WithReferences([.. step.Points.Select(point =>
                    start.Subtract(values[field].Scale(point[rate].ScalarValue)))]);
            default:
                throw spec.Error("'carriedFrom' needs 'reference' (an expression in the earlier part's values) here; "
                    + "only a gradient step may give just the 'field' that is its slope");
        }
    }

    private static void Check(YamlMap spec, AnswerKey key, AnswerKey rebuilt, string from)
    {
        var (own, carried, tolerance) = (key, rebuilt) switch
        {
            (ValueKey a, ValueKey b) => ((IReadOnlyList<Matrix>)[a.Reference], (IReadOnlyList<Matrix>)[b.Reference], a.Tolerance),
            (ExpressionKey a, ExpressionKey b) => (a.References, b.References, a.Tolerance),
            _ => throw spec.Error("'carriedFrom' applies to number, vector, matrix and expression parts"),
        };
        for (var k = 0; k < own.Count; k++)
        {
            if (own[k].Shape != carried[k].Shape || Closeness.FirstMismatch(carried[k], own[k], tolerance) >= 0)
            {
                throw spec.Error($"recomputed from the reference values of part {from}, the carried reference is {carried[k]}, "
                    + $"not this part's {own[k]}: check 'reference'");
            }
        }
    }
}
