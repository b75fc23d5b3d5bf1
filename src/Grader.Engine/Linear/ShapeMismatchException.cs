namespace Grader.Engine.Linear;

/// <summary>Thrown when an operation is applied to matrices whose shapes it does not accept.</summary>
public sealed class ShapeMismatchException(string message) : Exception(message);
