using Grader.Engine.Expressions.Ast;

namespace Grader.Engine.Expressions.Parsing;

/// <summary>
/// The parser's sum signs: "Σσ(z)" without parentheses sums the term that follows (up to the next + or −), and an indexed
/// sum "Σ_i σ(w_iᵀx + b_i)" runs over the rows w_i of a declared matrix W and the entries b_i of a declared vector b. The
/// indexed term is read vectorised — w_iᵀx is the entry i of W x, b_i the entry i of b, a product of two indexed factors
/// element-wise — so Σ_i f(w_iᵀx + b_i) is sum(f(W x + b)) for any element-wise f.
/// </summary>
internal sealed partial class Parser
{
    private string? _sumIndex;

    private readonly HashSet<Expression> _indexed = new(ReferenceEqualityComparer.Instance);

    private Expression ParseSumSign(Token sign)
    {
        Enter(sign.Position);
        var index = Current is { Kind: TokenKind.Identifier, Text: ['_', var letter] } ? letter.ToString() : null;
        if (index is not null)
        {
            Advance();
        }
        var outer = _sumIndex;
        _sumIndex = index ?? outer;
        var term = ParseSummand();
        _sumIndex = outer;
        _depth--;
        if (index is not null && !ContainsIndexed(term))
        {
            throw Fail($"the sum over {index} has no term indexed by it (w_{index}, b_{index})", sign.Position);
        }
        return new CallExpression("sum", [index is null ? term : Vectorise(term)], sign.Position);
    }

    // "w_i" for a declared W (or w) and "b_i" for a declared b, inside a sum over i.
    private string? IndexedName(string name)
    {
        if (_sumIndex is null || _declared is null || !name.EndsWith("_" + _sumIndex, StringComparison.Ordinal) || name.Length < 3)
        {
            return null;
        }
        var stem = name[..^2];
        foreach (var candidate in (string[])[stem, stem.ToUpperInvariant(), stem.ToLowerInvariant()])
        {
            if (_declared.TryResolve(candidate, out var declared))
            {
                return declared;
            }
        }
        return null;
    }

    private bool ContainsIndexed(Expression e) => _indexed.Contains(e) || e switch
    {
        BinaryExpression binary => ContainsIndexed(binary.Left) || ContainsIndexed(binary.Right),
        CallExpression call => call.Arguments.Any(ContainsIndexed),
        NegateExpression negate => ContainsIndexed(negate.Operand),
        TransposeExpression transpose => ContainsIndexed(transpose.Operand),
        _ => false,
    };

    // w_iᵀ (a row of W) is W, b_i is b, and a product of two indexed factors is element-wise.
    private Expression Vectorise(Expression e) => e switch
    {
        TransposeExpression { Operand: var operand } when _indexed.Contains(operand) => operand,
        BinaryExpression { Operator: BinaryOperator.Multiply } binary when ContainsIndexed(binary.Left) && ContainsIndexed(binary.Right) =>
            new BinaryExpression(BinaryOperator.ElementwiseMultiply, Vectorise(binary.Left), Vectorise(binary.Right), binary.Position),
        BinaryExpression binary => new BinaryExpression(binary.Operator, Vectorise(binary.Left), Vectorise(binary.Right), binary.Position)
        {
            Notation = binary.Notation,
        },
        CallExpression call => new CallExpression(call.Function, [.. call.Arguments.Select(Vectorise)], call.Position),
        NegateExpression negate => new NegateExpression(Vectorise(negate.Operand), negate.Position),
        TransposeExpression transpose => new TransposeExpression(Vectorise(transpose.Operand), transpose.Position, transpose.ScalarRefusedAt),
        _ => e,
    };
}
