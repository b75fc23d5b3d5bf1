using System.Globalization;
using System.Text.Json;
using Grader.Engine.Expressions.Parsing;
using Grader.Engine.Linear;

namespace Grader.Grading.Answers;

/// <summary>
/// Reads the JSON shapes of CATALOG.md into numbers and matrices. Every failure is a message a student can act on,
/// never an exception: a number may come as a JSON number, a numeric string ("3.06e-7") or a constant expression ("1/3").
/// </summary>
internal static class AnswerReader
{
    private static readonly Dictionary<string, Matrix> NoVariables = [];

    /// <summary>Reads a number; <paramref name="percent"/> allows "11.92%" (a probability), not a network's weight.</summary>
    public static bool TryReadNumber(JsonElement answer, out double value, out string error, bool percent = true)
    {
        value = 0;
        error = "";
        switch (answer.ValueKind)
        {
            case JsonValueKind.Number:
                value = answer.GetDouble();
                return RequireFinite(value, out error);
            case JsonValueKind.String:
                return TryReadNumberText(answer.GetString()!, out value, out error, percent);
            // numpy prints the value of a product such as wᵀx as a 1×1 matrix, [[0.6]]: that is the number.
            case JsonValueKind.Array when answer.GetArrayLength() == 1 && answer[0] is { ValueKind: JsonValueKind.Array } row
                && row.GetArrayLength() == 1 && row[0].ValueKind is JsonValueKind.Number or JsonValueKind.String:
                return TryReadNumber(row[0], out value, out error, percent);
            default:
                error = $"expected a number, got {Describe(answer)}";
                return false;
        }
    }

    /// <summary>Reads a vector or sequence (a JSON array of numbers) as an n×1 matrix.</summary>
    public static bool TryReadVector(JsonElement answer, out Matrix vector, out string error)
    {
        vector = Matrix.Scalar(0);
        if (answer.ValueKind == JsonValueKind.String)
        {
            return TryReadVectorText(answer.GetString()!, out vector, out error);
        }
        // A row [[1, 2, 3]] where a column is asked for is the same list of numbers.
        if (answer.ValueKind == JsonValueKind.Array && answer.GetArrayLength() == 1 && answer[0] is { ValueKind: JsonValueKind.Array } row
            && row.GetArrayLength() > 1)
        {
            answer = row;
        }
        if (answer.ValueKind != JsonValueKind.Array)
        {
            error = $"expected an array of numbers, got {Describe(answer)}";
            return false;
        }
        var values = new double[answer.GetArrayLength()];
        if (values.Length == 0)
        {
            error = "the array is empty";
            return false;
        }
        var index = 0;
        foreach (var element in answer.EnumerateArray())
        {
            // A column written as [[1], [2]] is still a vector.
            var item = element.ValueKind == JsonValueKind.Array && element.GetArrayLength() == 1 ? element[0] : element;
            if (!TryReadNumber(item, out values[index], out var itemError))
            {
                error = $"element {index + 1}: {itemError}";
                return false;
            }
            index++;
        }
        vector = Matrix.Column(values);
        error = "";
        return true;
    }

    /// <summary>
    /// A sequence typed as text: "0 0 1 -1", "[0, 0, 1, -1]", "(1, -1, 0)" — numbers separated by commas, semicolons or blanks.
    /// </summary>
    private static bool TryReadVectorText(string text, out Matrix vector, out string error)
    {
        vector = Matrix.Scalar(0);
        var inner = text.Trim();
        if (inner.Length >= 2 && (inner[0], inner[^1]) is ('[', ']') or ('(', ')'))
        {
            inner = inner[1..^1];
        }
        var items = inner.Split([',', ';', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0)
        {
            error = "expected an array of numbers, got an empty string";
            return false;
        }
        var values = new double[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!TryReadNumberText(items[i], out values[i], out var itemError))
            {
                error = $"element {i + 1} of '{text.Trim()}': {itemError}";
                return false;
            }
        }
        vector = Matrix.Column(values);
        error = "";
        return true;
    }

    /// <summary>Reads a matrix given as an array of rows.</summary>
    public static bool TryReadMatrix(JsonElement answer, out Matrix matrix, out string error)
    {
        matrix = Matrix.Scalar(0);
        if (answer.ValueKind != JsonValueKind.Array || answer.GetArrayLength() == 0)
        {
            error = $"expected a matrix as an array of rows, got {Describe(answer)}";
            return false;
        }
        var rows = new List<IReadOnlyList<double>>();
        foreach (var row in answer.EnumerateArray())
        {
            if (!TryReadVector(row, out var values, out var rowError))
            {
                error = $"row {rows.Count + 1}: {rowError}";
                return false;
            }
            if (rows.Count > 0 && values.Count != rows[0].Count)
            {
                error = $"row {rows.Count + 1} has {values.Count} entries but row 1 has {rows[0].Count}";
                return false;
            }
            rows.Add(values.ToArray());
        }
        matrix = Matrix.FromRows(rows);
        error = "";
        return true;
    }

    public static string Describe(JsonElement answer) => answer.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static bool TryReadNumberText(string text, out double value, out string error, bool percent = true)
    {
        var trimmed = NumberText.Unwrap(text, out var scale);
        if (scale != 1 && !percent)
        {
            value = 0;
            error = $"'{text.Trim()}': a percent is read only where the answer is a probability or a fraction; write the number itself";
            return false;
        }
        var ok = TryReadPlainNumberText(trimmed, out value, out error);
        value *= scale;
        return ok;
    }

    private static bool TryReadPlainNumberText(string trimmed, out double value, out string error)
    {
        if (trimmed.Length == 0)
        {
            value = 0;
            error = "the answer is empty";
            return false;
        }
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            // "NaN" and "Infinity" parse as doubles; they are still not answers.
            return RequireFinite(value, out error);
        }
        if (NumberText.TryReadGrouped(trimmed, out value))
        {
            return RequireFinite(value, out error);
        }
        if (NumberText.Refusal(trimmed) is { } refusal)
        {
            error = refusal;
            return false;
        }
        if (trimmed.Contains(',', StringComparison.Ordinal) && double.TryParse(trimmed.Replace(',', '.'),
                NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            error = $"'{trimmed}' uses a decimal comma: write it with a point ({trimmed.Replace(',', '.')})";
            return false;
        }
        if (!ExpressionParser.TryParse(trimmed, out var expression, out var parseError))
        {
            error = $"'{trimmed}' is not a number: {parseError}";
            return false;
        }
        if (!expression.TryEvaluate(NoVariables, out var result, out var evaluationError))
        {
            error = $"'{trimmed}' is not a number: {evaluationError}";
            return false;
        }
        if (!result.IsScalar)
        {
            error = $"'{trimmed}' is a {result.Shape} matrix, not a number";
            return false;
        }
        value = result.ScalarValue;
        return RequireFinite(value, out error);
    }

    private static bool RequireFinite(double value, out string error)
    {
        error = double.IsFinite(value) ? "" : "the answer is not a finite number";
        return error.Length == 0;
    }
}
