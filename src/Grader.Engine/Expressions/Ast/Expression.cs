using System.Diagnostics.CodeAnalysis;
using Grader.Engine.Autodiff;
using Grader.Engine.Expressions.Evaluation;
using Grader.Engine.Linear;

namespace Grader.Engine.Expressions.Ast;

/// <summary>An immutable node of a parsed answer; parse once, then evaluate it at as many points as needed.</summary>
public abstract class Expression
{
    private IReadOnlySet<string>? _variables;
    private Func<EvaluationEnvironment, Tensor>? _compiled;

    // Closed hierarchy: the compiler and printer know every node type.
    private protected Expression(int position) => Position = position;

    /// <summary>The 1-based position in the source text that errors about this node point at.</summary>
    public int Position { get; }

    /// <summary>The names this expression reads: declared variables and definitions, not the constants e and pi.</summary>
    public IReadOnlySet<string> Variables => _variables ??= VariableCollector.Collect(this);

    /// <summary>Evaluates in an environment of variables and definitions; throws <see cref="ExpressionException"/>.</summary>
    public Tensor Evaluate(EvaluationEnvironment environment) => Compiled(environment);

    /// <summary>Evaluates over tensors, so variables made with <see cref="Tensor.Variable"/> receive gradients.</summary>
    public Tensor Evaluate(IReadOnlyDictionary<string, Tensor> variables) => Compiled(new EvaluationEnvironment(variables));

    public Matrix Evaluate(IReadOnlyDictionary<string, Matrix> variables) => Compiled(new EvaluationEnvironment(variables)).Value;

    public bool TryEvaluate(
        EvaluationEnvironment environment,
        [NotNullWhen(true)] out Tensor? value,
        [NotNullWhen(false)] out ExpressionError? error)
    {
        try
        {
            value = Compiled(environment);
            error = null;
            return true;
        }
        catch (ExpressionException exception)
        {
            value = null;
            error = exception.Error;
            return false;
        }
    }

    public bool TryEvaluate(
        IReadOnlyDictionary<string, Matrix> variables,
        [NotNullWhen(true)] out Matrix? value,
        [NotNullWhen(false)] out ExpressionError? error)
    {
        var succeeded = TryEvaluate(new EvaluationEnvironment(variables), out var tensor, out error);
        value = tensor?.Value;
        return succeeded;
    }

    /// <summary>The canonical form: ASCII operators, canonical function names, only the parentheses precedence needs.</summary>
    public override string ToString() => ExpressionPrinter.Print(this);

    // Compiled on first use; a race compiles twice and keeps either, which is harmless.
    private Func<EvaluationEnvironment, Tensor> Compiled => _compiled ??= ExpressionCompiler.Compile(this);
}
