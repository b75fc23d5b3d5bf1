namespace Grader.Engine.Recurrent;

/// <summary>hₜ and cₜ of a 1×1 LSTM cell, as a value so the scalar path allocates nothing.</summary>
public readonly record struct ScalarLstmState(double H, double C);
