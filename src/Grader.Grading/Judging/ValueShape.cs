namespace Grader.Grading.Judging;

/// <summary>How a numeric answer is written: a number, an array of numbers, or an array of rows.</summary>
internal enum ValueShape
{
    Scalar,
    Vector,
    Matrix,
}
