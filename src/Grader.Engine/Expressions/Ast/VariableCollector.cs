namespace Grader.Engine.Expressions.Ast;

/// <summary>Finds the variable names an expression reads.</summary>
internal static class VariableCollector
{
    public static IReadOnlySet<string> Collect(Expression expression)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Expression>();
        pending.Push(expression);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case VariableExpression variable:
                    names.Add(variable.Name);
                    break;
                case NegateExpression negate:
                    pending.Push(negate.Operand);
                    break;
                case TransposeExpression transpose:
                    pending.Push(transpose.Operand);
                    break;
                case BinaryExpression binary:
                    pending.Push(binary.Left);
                    pending.Push(binary.Right);
                    break;
                case CallExpression call:
                    foreach (var argument in call.Arguments)
                    {
                        pending.Push(argument);
                    }
                    break;
            }
        }
        return names;
    }
}
