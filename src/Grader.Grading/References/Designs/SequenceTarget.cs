using Grader.Engine.Recurrent;

namespace Grader.Grading.References.Designs;

/// <summary>The state of a sequence target: two numbers are enough for a scalar LSTM (h, c) or a running sum.</summary>
internal readonly record struct TargetState(double First, double Second);

/// <summary>What a designed network must output at each step of an input sequence.</summary>
internal abstract class SequenceTarget
{
    public abstract string Description { get; }

    public virtual TargetState Start => new(0, 0);

    public abstract (TargetState Next, double Output) Step(TargetState state, double x);
}

/// <summary>The outputs of a given LSTM, times a factor (−1 for "the negative of part (a)'s network").</summary>
internal sealed class LstmTarget(ScalarLstm lstm, double factor, bool round, string description) : SequenceTarget
{
    public override string Description => description;

    public override (TargetState Next, double Output) Step(TargetState state, double x)
    {
        var next = lstm.Step(state.First, state.Second, x, round);
        return (new TargetState(next.H, next.C), factor * next.H + 0.0);
    }
}

/// <summary>The sign of the running sum of the inputs, 0 when the sum is 0 (6.036 assignment 4, problem 2(d)).</summary>
internal sealed class RunningSumSignTarget : SequenceTarget
{
    public override string Description => "the sign of the running sum of the inputs (0 when it is 0)";

    public override (TargetState Next, double Output) Step(TargetState state, double x)
    {
        var sum = state.First + x;
        return (new TargetState(sum, 0), Math.Sign(sum));
    }
}
