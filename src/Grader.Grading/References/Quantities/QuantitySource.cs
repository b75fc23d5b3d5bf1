using System.Globalization;
using System.Text.RegularExpressions;
using Grader.Engine.Linear;
using Grader.Grading.Loading;

namespace Grader.Grading.References.Quantities;

/// <summary>
/// A computation of the engine whose results a part names: a network's forward/backward pass, an area, an LSTM trace…
/// A name may pick one element, 1-based: <c>output[2]</c>, <c>W1[1,2]</c>.
/// </summary>
internal abstract partial class QuantitySource
{
    /// <summary>What a part gets when it names no quantity.</summary>
    public abstract string DefaultQuantity { get; }

    /// <summary>True when the results are integers by construction (counts, rounded traces): compared exactly.</summary>
    public virtual bool IsInteger => false;

    /// <summary>The names this source knows, for error messages.</summary>
    protected abstract string KnownNames { get; }

    protected abstract Matrix? Find(string name);

    public Matrix Get(string quantity, YamlMap at)
    {
        var match = IndexedName().Match(quantity.Replace(" ", "", StringComparison.Ordinal));
        if (!match.Success)
        {
            throw at.Error($"'{quantity}' is not a quantity name");
        }
        var value = Find(match.Groups["name"].Value)
            ?? throw at.Error($"unknown quantity '{quantity}' (known: {KnownNames})");
        if (!match.Groups["row"].Success)
        {
            return value;
        }
        var row = int.Parse(match.Groups["row"].Value, CultureInfo.InvariantCulture) - 1;
        var column = match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture) - 1 : 0;
        if (value.Columns == 1 && !match.Groups["column"].Success && row < value.Rows)
        {
            return Matrix.Scalar(value[row, 0]);
        }
        if (value.Rows == 1 && !match.Groups["column"].Success && row < value.Columns)
        {
            return Matrix.Scalar(value[0, row]);
        }
        return row >= 0 && row < value.Rows && column >= 0 && column < value.Columns
            ? Matrix.Scalar(value[row, column])
            : throw at.Error($"'{quantity}' is outside the {value.Shape} value");
    }

    [GeneratedRegex(@"^(?<name>[^\[\]]+)(\[(?<row>\d+)(,(?<column>\d+))?\])?$")]
    private static partial Regex IndexedName();
}
