namespace Grader.Engine.Regions;

/// <summary>How a condition compares its affine quantity with the threshold: ≤, ≥ or =.</summary>
public enum Relation
{
    AtMost,
    AtLeast,
    EqualTo,
}
