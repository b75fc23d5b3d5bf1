namespace Grader.Grading.Model;

/// <summary>The kind of answer a part takes (see CATALOG.md: answer shapes).</summary>
public enum PartKind
{
    Number,
    Vector,
    Sequence,
    Matrix,
    Expression,
    Values,
    Design,

    /// <summary>Multiple choice: one label, or a list of labels when several are right.</summary>
    Choice,
    Manual,
}
