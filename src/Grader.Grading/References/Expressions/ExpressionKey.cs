using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Engine.Expressions;
using Grader.Engine.Expressions.Ast;
using Grader.Engine.Expressions.Evaluation;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;
using Grader.Grading.Judging;
using Grader.Grading.Model;

namespace Grader.Grading.References.Expressions;

/// <summary>
/// An expression part: the student's expression is evaluated at seeded sample points and must match the reference
/// values the engine computed there (a function, a gradient by autodiff, or a gradient step) within the tolerance.
/// </summary>
internal sealed class ExpressionKey(
    string description,
    IReadOnlyList<VariableDomain> variables,
    IReadOnlyDictionary<string, Expression> definitions,
    IReadOnlyList<IReadOnlyDictionary<string, Matrix>> points,
    IReadOnlyList<Matrix> references,
    int farStart,
    Tolerance tolerance,
    IReadOnlySet<string>? hidden = null) : AnswerKey
{
    // Hidden (auxiliary) variables only feed definitions: an answer cannot name them.
    private readonly string[] _names = [.. points[0].Keys.Where(name => hidden?.Contains(name) != true), .. definitions.Keys];

    public IReadOnlyList<Matrix> References { get; } = references;

    /// <summary>The index of the first point drawn far outside the declared ranges.</summary>
    public int FarStart => farStart;

    /// <summary>For a gradient step, its starting value and the name of the rate variable; null for other references.</summary>
    public (Matrix Start, string Rate)? Step { get; init; }

    public Tolerance Tolerance => tolerance;

    /// <summary>The definitions an answer may use, which evaluating it needs.</summary>
    public IReadOnlyDictionary<string, Expression> Definitions => definitions;

    /// <summary>The same part checked against other references at the same points (error-carried-forward).</summary>
    public ExpressionKey WithReferences(IReadOnlyList<Matrix> carried) =>
        new(description, variables, definitions, points, carried, farStart, tolerance, hidden) { AsksForDerivativeOf = AsksForDerivativeOf };

    /// <summary>The variable names the answer may use (the sampled variables and the step's constants).</summary>
    public IReadOnlyCollection<string> Names => _names;

    /// <summary>The known function whose derivative the part asks for, so that "σ'(x)" is not taken as an answer to it.</summary>
    public string? AsksForDerivativeOf { get; init; }

    /// <summary>The sample points: the in-range ones first, then those far outside the declared ranges.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, Matrix>> Points => points;

    public override JsonNode? Expected => null;

    public override string Describe() =>
        $"{description}; checked at {farStart} seeded points in {string.Join(", ", variables.Select(v => v.Describe()))} "
        + $"and {points.Count - farStart} far outside them (at the first: {References[0]})  ({tolerance})";

    public override PartResult Grade(Part part, JsonElement answer)
    {
        var text = answer.ValueKind switch
        {
            JsonValueKind.String => answer.GetString()!,
            JsonValueKind.Number => answer.GetRawText(),
            _ => null,
        };
        if (text is null)
        {
            return Result(part, Verdict.Invalid($"Expected an expression as a string, got {Answers.AnswerReader.Describe(answer)}."));
        }
        if (text.Trim().Length == 0)
        {
            return Result(part, Verdict.Missing("The expression is empty."));
        }
        if (!ExpressionParser.TryParse(text, _names, out var expression, out var error))
        {
            return Result(part, Verdict.Invalid($"Your expression could not be read: {error}."));
        }
        if (AsksForDerivativeOf is { } function && RestatedDerivative.IsIn(text, function))
        {
            return Result(part, Verdict.Invalid(RestatedDerivative.Message(function)));
        }
        return Result(part, SplitNames.Explain(Judge(expression), text, _names));
    }

    private Verdict Judge(Expression expression)
    {
        var students = new List<Matrix>(points.Count);
        var compared = new List<int>(points.Count);
        for (var k = 0; k < points.Count; k++)
        {
            if (!TryEvaluate(expression, points[k], out var value, out var error))
            {
                return Verdict.Invalid($"Your expression cannot be evaluated: {error}.");
            }
            if (value.Shape != References[k].Shape)
            {
                var transposed = value.Shape.Rows == References[k].Shape.Columns && value.Shape.Columns == References[k].Shape.Rows;
                return Verdict.Invalid(ShapeMessage(value.Shape, References[k].Shape)) with { Tag = transposed ? "transpose" : null };
            }
            if (!value.AllFinite())
            {
                // Far from the sampled range a right answer may overflow where the reference's form does not: no evidence.
                if (k >= farStart)
                {
                    continue;
                }
                return Verdict.Incorrect($"Your expression is not defined at {DescribePoint(k)} (it gives {value}).");
            }
            students.Add(value);
            compared.Add(k);
        }
        for (var i = 0; i < compared.Count; i++)
        {
            var k = compared[i];
            var mismatch = Closeness.FirstMismatch(students[i], References[k], tolerance);
            if (mismatch < 0)
            {
                continue;
            }
            var where = References[k].IsScalar ? "it gives" : $"{Closeness.Where(References[k].Shape, mismatch)} is";
            var far = k >= farStart ? " (far outside the sampled range: an answer must be the same function everywhere, not only there)" : "";
            var message = $"Your expression does not match at {DescribePoint(k)}{far}: {where} {Format(students[i][mismatch])}, "
                + $"expected {Format(References[k][mismatch])}.";
            var mistake = MistakeHints.Find(students, [.. compared.Select(index => References[index])], tolerance)
                ?? ExpressionMistakes.Find(expression, [.. variables.Select(v => v.Name)], Matches);
            return Verdict.Incorrect(message, mistake);
        }
        return Verdict.Correct($"Correct: matches at all {compared.Count} sample points.");
    }

    // Whether a rewritten answer matches everywhere the answer itself could be compared.
    private bool Matches(Expression candidate)
    {
        for (var k = 0; k < points.Count; k++)
        {
            if (!TryEvaluate(candidate, points[k], out var value, out _) || value.Shape != References[k].Shape)
            {
                return false;
            }
            if (value.AllFinite() ? Closeness.FirstMismatch(value, References[k], tolerance) >= 0 : k < farStart)
            {
                return false;
            }
        }
        return true;
    }

    private bool TryEvaluate(Expression expression, IReadOnlyDictionary<string, Matrix> point, out Matrix value, out string error)
    {
        value = Matrix.Scalar(0);
        try
        {
            if (expression.TryEvaluate(new EvaluationEnvironment(point, definitions), out var tensor, out var expressionError))
            {
                value = tensor.Value;
                error = "";
                return true;
            }
            error = expressionError.ToString();
        }
        catch (ShapeMismatchException exception)
        {
            error = exception.Message;
        }
        return false;
    }

    private string DescribePoint(int k)
    {
        var scalars = variables.Where(v => v.Shape.IsScalar).Select(v => $"{v.Name} = {Format(points[k][v.Name].ScalarValue)}").ToList();
        return scalars.Count == variables.Count ? string.Join(", ", scalars) : $"sample point {k + 1} (random {string.Join(", ", variables.Select(v => v.Describe()))})";
    }

    private static string ShapeMessage(Shape student, Shape expected)
    {
        var hint = student.Rows == expected.Columns && student.Columns == expected.Rows ? " Did you transpose it?" : "";
        return $"Your expression is {Describe(student)} but the answer is {Describe(expected)}.{hint}";
    }

    private static string Describe(Shape shape) => shape.IsScalar ? "a scalar" : $"a {shape} matrix";

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static PartResult Result(Part part, Verdict verdict) =>
        new(part.Id, verdict.Status, verdict.IsCorrect ? part.Points : 0, part.Points, verdict.Message) { Tags = verdict.Tag is null ? [] : [verdict.Tag] };
}
