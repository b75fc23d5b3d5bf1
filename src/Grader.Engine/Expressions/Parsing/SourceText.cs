namespace Grader.Engine.Expressions.Parsing;

/// <summary>The text the tokenizer reads, with the 0-based index of each character in the student's text (and one past its end).</summary>
internal sealed record SourceText(string Text, int[] Origin)
{
    /// <summary>The 1-based position in the student's text of a 1-based position in this one; 0 (the whole text) stays 0.</summary>
    public int OriginalPosition(int position) => position <= 0 ? position : Origin[Math.Min(position, Origin.Length) - 1] + 1;
}
