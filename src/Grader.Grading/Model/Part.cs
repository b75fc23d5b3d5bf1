using System.Text.Json;
using Grader.Grading.Judging;
using Grader.Grading.References;

namespace Grader.Grading.Model;

/// <summary>One part of a problem: what it asks, what it is worth, and the key that grades answers to it.</summary>
public sealed class Part
{
    internal Part(string id, PartKind kind, double points, string prompt, AnswerKey key)
    {
        Id = id;
        Kind = kind;
        Points = points;
        Prompt = prompt;
        Key = key;
    }

    public string Id { get; }

    public PartKind Kind { get; }

    public double Points { get; }

    public string Prompt { get; }

    /// <summary>True for sketches and explanations, which instructors read and the grader never scores.</summary>
    public bool IsManual => Kind == PartKind.Manual;

    internal AnswerKey Key { get; }

    /// <summary>A manual part's rubric from the problem file (staff may add more items); empty for the others.</summary>
    public IReadOnlyList<RubricItem> Rubric { get; init; } = [];

    /// <summary>The granularity of a manual part's points (a grade of 1.25 is refused with a step of 0.5).</summary>
    public double Step { get; init; } = 0.5;

    /// <summary>The earlier part this one carries credit from (error-carried-forward), or null.</summary>
    public string? CarriedFrom => Carry?.FromPart;

    internal CarriedCredit? Carry { get; init; }

    /// <summary>The computed reference answer, as staff see it in <c>grader check</c>.</summary>
    public string DescribeReference() => Key.Describe();

    /// <summary>Grades one answer (null when the submission has none); never throws.</summary>
    public PartResult Grade(JsonElement? answer)
    {
        if (IsManual)
        {
            return new PartResult(Id, PartStatus.Manual, 0, Points, "Graded by the course staff.");
        }
        if (answer is null || answer.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return new PartResult(Id, PartStatus.Missing, 0, Points, "No answer was given for this part.");
        }
        try
        {
            return Key.Grade(this, answer.Value);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A grader bug must not lose the submission: the part is reported, the rest still graded.
            return new PartResult(Id, PartStatus.Invalid, 0, Points, $"This answer could not be evaluated: {exception.Message}");
        }
    }
}
