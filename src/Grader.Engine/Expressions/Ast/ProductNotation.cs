namespace Grader.Engine.Expressions.Ast;

/// <summary>How a product <c>*</c> was written, where the notation decides what it means for some shapes.</summary>
public enum ProductNotation
{
    /// <summary><c>*</c>: the matrix product, or scaling when either side is 1×1.</summary>
    Plain,

    /// <summary><c>·</c> or <c>\cdot</c>: between two vectors of one shape their dot product, otherwise as <c>*</c>.</summary>
    Dot,

    /// <summary><c>*</c> in an answer written in numpy: element-wise where the shapes allow it, otherwise the matrix product.</summary>
    Numpy,
}
