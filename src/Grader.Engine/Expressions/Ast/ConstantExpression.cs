namespace Grader.Engine.Expressions.Ast;

/// <summary>A named constant, <c>e</c> or <c>pi</c> (π), used when no variable of that name is declared.</summary>
public sealed class ConstantExpression(string name, double value, int position) : Expression(position)
{
    public string Name { get; } = name;

    public double Value { get; } = value;

    /// <summary>The constant a name stands for, if it is one.</summary>
    public static bool TryFind(string name, out double value)
    {
        value = name switch
        {
            "e" => Math.E,
            "pi" or "π" => Math.PI,
            _ => double.NaN,
        };
        return !double.IsNaN(value);
    }
}
