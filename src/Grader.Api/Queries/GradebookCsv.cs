using System.Globalization;
using System.Text;

namespace Grader.Api.Queries;

/// <summary>A gradebook page as CSV (RFC 4180): <c>student_id,&lt;problem…&gt;,total</c>; an empty cell is no graded submission.</summary>
public static class GradebookCsv
{
    public static string Write(Gradebook gradebook)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', new[] { "student_id" }.Concat(gradebook.Problems).Append("total").Select(Field)).Append("\r\n");
        foreach (var row in gradebook.Students)
        {
            var cells = gradebook.Problems.Select(p => row.Scores.TryGetValue(p, out var score) ? Number(score) : "");
            text.AppendJoin(',', cells.Prepend(Field(row.StudentId)).Append(Number(row.Total))).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Quote when needed; a leading = + - @ is prefixed with ' so a spreadsheet never runs an LMS-supplied id as a formula.
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
