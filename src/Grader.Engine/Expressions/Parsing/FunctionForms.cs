using Grader.Engine.Expressions.Ast;

namespace Grader.Engine.Expressions.Parsing;

/// <summary>
/// The functions students write that are short for an expression of the core ones: sech, numpy's where and two-argument
/// heaviside, and the derivatives of known functions (σ'(u), tanh'(u), relu'(u)). Each is rewritten when parsed, so
/// evaluation and gradients need nothing new.
/// </summary>
internal static class FunctionForms
{
    /// <summary>The call as core functions; <paramref name="arguments"/> were counted by KnownFunctions.</summary>
    public static Expression Call(string function, IReadOnlyList<Expression> arguments, int position) => function switch
    {
        "sech" => Divide(Number(1, position), Call("cosh", arguments[0], position), position),
        // numpy's heaviside(x, h0) is h0 at 0; the sample points never fall on 0 exactly, but the value is still honoured.
        "heaviside" when arguments.Count == 2 => Add(
            Binary(BinaryOperator.Greater, arguments[0], Number(0, position), position),
            Multiply(arguments[1], Binary(BinaryOperator.LessOrEqual, Call("abs", arguments[0], position), Number(0, position), position), position),
            position),
        "heaviside" => Call("step", arguments[0], position),
        // where(c, a, b): a where c holds (is not 0), else b, element by element.
        "where" => Where(arguments[0], arguments[1], arguments[2], position),
        _ => new CallExpression(function, arguments, position),
    };

    /// <summary>a where the condition holds, else b: a·[c] + b·(1 − [c]) with [c] the 0/1 comparison c ≠ 0.</summary>
    public static Expression Where(Expression condition, Expression whenTrue, Expression whenFalse, int position)
    {
        var holds = condition is BinaryExpression { Operator: BinaryOperator.Less or BinaryOperator.Greater or BinaryOperator.LessOrEqual
            or BinaryOperator.GreaterOrEqual }
            ? condition
            : Binary(BinaryOperator.Greater, Call("abs", condition, position), Number(0, position), position);
        return Add(
            Binary(BinaryOperator.ElementwiseMultiply, holds, whenTrue, position),
            Binary(BinaryOperator.ElementwiseMultiply, Binary(BinaryOperator.Subtract, Number(1, position), holds, position), whenFalse, position),
            position);
    }

    /// <summary>The derivative f'(u) of a known function, or null when the function has none students write this way.</summary>
    public static Expression? Derivative(string function, Expression u, int position) => function switch
    {
        "sigmoid" => Multiply(Call("sigmoid", u, position),
            Binary(BinaryOperator.Subtract, Number(1, position), Call("sigmoid", u, position), position), position),
        "tanh" => Binary(BinaryOperator.Subtract, Number(1, position),
            Binary(BinaryOperator.Power, Call("tanh", u, position), Number(2, position), position), position),
        // Away from the kink, as every part that asks for it samples.
        "relu" => Call("step", u, position),
        "lure" => Call("step", new NegateExpression(u, position), position),
        "exp" => Call("exp", u, position),
        "log" => Divide(Number(1, position), u, position),
        "sin" => Call("cos", u, position),
        "cos" => new NegateExpression(Call("sin", u, position), position),
        "sinh" => Call("cosh", u, position),
        "cosh" => Call("sinh", u, position),
        "sqrt" => Divide(Number(0.5, position), Call("sqrt", u, position), position),
        "abs" => Call("sign", u, position),
        _ => null,
    };

    private static CallExpression Call(string function, Expression argument, int position) => new(function, [argument], position);

    private static NumberExpression Number(double value, int position) => new(value, position);

    private static BinaryExpression Add(Expression a, Expression b, int position) => Binary(BinaryOperator.Add, a, b, position);

    private static BinaryExpression Multiply(Expression a, Expression b, int position) =>
        Binary(BinaryOperator.ElementwiseMultiply, a, b, position);

    private static BinaryExpression Divide(Expression a, Expression b, int position) => Binary(BinaryOperator.Divide, a, b, position);

    private static BinaryExpression Binary(BinaryOperator op, Expression a, Expression b, int position) => new(op, a, b, position);
}
