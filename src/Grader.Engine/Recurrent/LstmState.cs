using Grader.Engine.Linear;

namespace Grader.Engine.Recurrent;

/// <summary>An LSTM cell's visible state hₜ and memory cₜ, both n×1.</summary>
public sealed record LstmState
{
    public LstmState(Matrix hidden, Matrix cell)
    {
        if (hidden.Columns != 1 || hidden.Shape != cell.Shape)
        {
            throw new ShapeMismatchException($"h and c must be columns of one size, not {hidden.Shape} and {cell.Shape}");
        }
        Hidden = hidden;
        Cell = cell;
    }

    /// <summary>hₜ.</summary>
    public Matrix Hidden { get; }

    /// <summary>cₜ.</summary>
    public Matrix Cell { get; }

    /// <summary>h₋₁ = c₋₁ = 0, the handouts' initial condition.</summary>
    public static LstmState Zeros(int hiddenSize) => new(Matrix.Zeros(hiddenSize, 1), Matrix.Zeros(hiddenSize, 1));
}
