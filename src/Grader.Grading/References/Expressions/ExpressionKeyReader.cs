using Grader.Engine.Autodiff;
using Grader.Engine.Expressions;
using Grader.Engine.Expressions.Ast;
using Grader.Engine.Expressions.Evaluation;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;
using Grader.Grading.Loading;
using Grader.Grading.Model;
using YamlDotNet.RepresentationModel;

namespace Grader.Grading.References.Expressions;

/// <summary>
/// Reads an expression part: <c>variables</c> (shape and range), optional <c>definitions</c> the answer may use,
/// <c>where</c> conditions on the sample points, <c>samples</c> (default 8), and a reference that is one of
/// <c>equals: expr</c>, <c>derivative: {of, wrt}</c> or <c>gradientStep: {of, wrt, at, rate}</c>.
/// </summary>
internal static class ExpressionKeyReader
{
    public const int DefaultSamples = 8;

    public static AnswerKey Read(YamlMap map, ProblemContext context, Tolerance tolerance)
    {
        try
        {
            return ReadKey(map, context, tolerance);
        }
        catch (ExpressionException exception)
        {
            throw map.Error($"expression error: {exception.Error}");
        }
        catch (Exception exception) when (exception is ShapeMismatchException or InvalidOperationException or ArgumentException)
        {
            throw map.Error(EngineMessage.Of(exception));
        }
    }

    private static AnswerKey ReadKey(YamlMap map, ProblemContext context, Tolerance tolerance)
    {
        var variables = ReadVariables(map.Map("variables"));
        var reference = map.Map("reference");
        reference.AllowOnly("equals", "derivative", "gradientStep");
        var step = reference.OptionalMap("gradientStep");
        var constants = step is null ? [] : ReadPoint(step.Map("at"));
        foreach (var variable in variables.Where(v => constants.ContainsKey(v.Name)))
        {
            constants.Remove(variable.Name);
        }
        var names = variables.Select(v => v.Name).Concat(constants.Keys).ToList();
        var definitions = ReadDefinitions(map, names);
        var allNames = names.Concat(definitions.Keys).ToList();
        var conditions = map.Find("where") is YamlSequenceNode where
            ? where.Children.Select(node => AuthorExpressions.Parse(map.ScalarText(node, "where"), allNames)).ToList()
            : [];
        var samples = (int)map.OptionalNumber("samples", DefaultSamples);
        if (samples is < 3 or > 64)
        {
            throw map.Error("'samples' must be between 3 and 64");
        }
        var seed = $"{context.ProblemId}/{map.String("id")}";
        var inRange = SamplePoints.Draw(seed, variables, conditions, definitions, samples);
        var far = FarPoints.Draw(seed, variables, conditions, definitions, inRange);
        var points = inRange.Select(point => WithConstants(point, constants)).ToList();
        if (step is not null)
        {
            points.Add(AtZeroRate(points[0], step, variables));
            StepKinks.Warn(step, context);
        }
        var farStart = points.Count;
        points.AddRange(far.Select(point => WithConstants(point, constants)));
        var (description, references) = ComputeReferences(reference, step, allNames, definitions, points, variables);
        if (references.Take(farStart).Any(value => !value.AllFinite()))
        {
            throw map.Error("the reference is not finite at some sample point: narrow the variable ranges");
        }
        // A far point outside the reference's domain (a log of a negative number, an overflow) is dropped, not an error.
        for (var k = points.Count - 1; k >= farStart; k--)
        {
            if (!references[k].AllFinite())
            {
                points.RemoveAt(k);
                references.RemoveAt(k);
            }
        }
        // Hidden variables only feed definitions: they are never listed in what a student reads.
        var visible = variables.Where(v => !v.Hidden).ToList();
        var hidden = variables.Where(v => v.Hidden).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var key = new ExpressionKey(description, visible, definitions, points, references, farStart, tolerance, hidden)
        {
            AsksForDerivativeOf = reference.OptionalMap("derivative") is { } derivative
                ? RestatedDerivative.Of(ExpressionParser.Parse(derivative.String("of"), allNames), derivative.String("wrt"))
                : null,
            Step = step is null ? null : (ReadPoint(step.Map("at"))[step.String("wrt")], step.String("rate")),
        };
        return ExpressionHints.Wrap(map, key, allNames, definitions, points, visible, tolerance);
    }

    private static (string Description, List<Matrix> References) ComputeReferences(
        YamlMap reference, YamlMap? step, List<string> names, Dictionary<string, Expression> definitions,
        List<IReadOnlyDictionary<string, Matrix>> points, List<VariableDomain> variables)
    {
        if (reference.OptionalString("equals") is { } equals)
        {
            var expression = AuthorExpressions.Parse(equals, names);
            return ($"equal to {expression}", points.Select(point => expression.Evaluate(new EvaluationEnvironment(point, definitions)).Value).ToList());
        }
        if (reference.OptionalMap("derivative") is { } derivative)
        {
            derivative.AllowOnly("of", "wrt");
            var of = AuthorExpressions.Parse(derivative.String("of"), names);
            var wrt = RequireVariable(derivative, "wrt", variables.Select(v => v.Name));
            return ($"∂/∂{wrt} of {of}", points.Select(point => Gradient(of, wrt, point, definitions)).ToList());
        }
        step!.AllowOnly("of", "wrt", "at", "rate");
        var function = AuthorExpressions.Parse(step.String("of"), ReadPoint(step.Map("at")).Keys);
        var at = ReadPoint(step.Map("at"));
        var parameter = RequireVariable(step, "wrt", at.Keys);
        var rate = RequireVariable(step, "rate", variables.Select(v => v.Name));
        var slope = Gradient(function, parameter, at, new Dictionary<string, Expression>());
        var start = at[parameter];
        return ($"{parameter} − {rate}·∂/∂{parameter}({function}) = {start} − {rate}·{slope}",
            points.Select(point => start.Subtract(slope.Scale(point[rate].ScalarValue))).ToList());
    }

    /// <summary>∂f/∂wrt at a point, by reverse-mode autodiff through the parsed expression.</summary>
    private static Matrix Gradient(Expression of, string wrt, IReadOnlyDictionary<string, Matrix> point, Dictionary<string, Expression> definitions)
    {
        var tensors = point.ToDictionary(pair => pair.Key, pair => pair.Key == wrt ? Tensor.Variable(pair.Value) : Tensor.Constant(pair.Value),
            StringComparer.Ordinal);
        var output = of.Evaluate(new EvaluationEnvironment(tensors, definitions));
        if (!output.Value.IsScalar)
        {
            throw new InvalidOperationException($"'{of}' is {output.Shape}; a derivative needs a scalar function");
        }
        output.Backward();
        return tensors[wrt].Gradient;
    }

    /// <summary>
    /// A gradient step is also checked at rate 0, where it must equal the starting value: sampled rates alone can make
    /// the step term dominate so much that an answer forgetting the starting value still falls within the tolerance.
    /// </summary>
    private static Dictionary<string, Matrix> AtZeroRate(IReadOnlyDictionary<string, Matrix> point, YamlMap step, List<VariableDomain> variables)
    {
        var rate = RequireVariable(step, "rate", variables.Select(v => v.Name));
        return point.ToDictionary(pair => pair.Key, pair => pair.Key == rate ? Matrix.Scalar(0) : pair.Value, StringComparer.Ordinal);
    }

    private static List<VariableDomain> ReadVariables(YamlMap map)
    {
        var variables = new List<VariableDomain>();
        foreach (var name in map.Keys)
        {
            var spec = map.Map(name);
            spec.AllowOnly("shape", "range", "kind", "hidden");
            var constraint = VariableKinds.Read(spec);
            var shape = spec.Has("shape") ? spec.Matrix("shape").ToArray() : [1, 1];
            var range = spec.Has("range") ? spec.Matrix("range").ToArray() : VariableKinds.DefaultRange(constraint);
            if (shape.Length != 2 || shape.Any(size => size < 1 || size > 16 || size != Math.Floor(size)))
            {
                throw spec.Error("'shape' is [rows, columns], each between 1 and 16");
            }
            if (range.Length != 2 || !(range[0] < range[1]))
            {
                throw spec.Error("'range' is [low, high] with low < high");
            }
            var domain = new VariableDomain(name, new Shape((int)shape[0], (int)shape[1]), range[0], range[1], constraint, spec.OptionalBool("hidden", false));
            VariableKinds.Require(spec, domain);
            variables.Add(domain);
        }
        return variables.Count > 0 ? variables : throw map.Error("declare at least one variable");
    }

    private static Dictionary<string, Expression> ReadDefinitions(YamlMap map, List<string> names)
    {
        var definitions = new Dictionary<string, Expression>(StringComparer.Ordinal);
        if (map.OptionalMap("definitions") is not { } spec)
        {
            return definitions;
        }
        foreach (var name in spec.Keys)
        {
            // A definition may use the variables and the definitions above it.
            definitions[name] = AuthorExpressions.Parse(spec.String(name), names.Concat(definitions.Keys));
        }
        return definitions;
    }

    private static IReadOnlyDictionary<string, Matrix> WithConstants(IReadOnlyDictionary<string, Matrix> point, Dictionary<string, Matrix> constants) =>
        point.Concat(constants).ToDictionary(StringComparer.Ordinal);

    private static Dictionary<string, Matrix> ReadPoint(YamlMap at) =>
        at.Keys.ToDictionary(name => name, name => at.Matrix(name), StringComparer.Ordinal);

    private static string RequireVariable(YamlMap map, string key, IEnumerable<string> names)
    {
        var name = map.String(key);
        return names.Contains(name) ? name : throw map.Error($"'{key}: {name}' is not one of: {string.Join(", ", names)}");
    }
}
