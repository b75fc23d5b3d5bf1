namespace Grader.Engine.Expressions.Ast;

/// <summary>The infix operators, from loosest to tightest binding.</summary>
public enum BinaryOperator
{
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
    Add,
    Subtract,

    /// <summary><c>*</c>: the matrix product, or scaling when either side is 1×1.</summary>
    Multiply,

    /// <summary><c>.*</c> or <c>⊙</c>: the element-wise product.</summary>
    ElementwiseMultiply,
    Divide,

    /// <summary><c>^</c> or <c>.^</c>: the element-wise power.</summary>
    Power,
}
