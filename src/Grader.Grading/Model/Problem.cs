using System.Text.Json;
using Grader.Grading.Judging;
using Grader.Grading.Variants;

namespace Grader.Grading.Model;

/// <summary>A problem set loaded from problems/*.yaml, with every part's reference computed by the engine.</summary>
public sealed class Problem
{
    internal Problem(string id, string title, string course, string source, string version, IReadOnlyList<Part> parts)
    {
        Id = id;
        Title = title;
        Course = course;
        Source = source;
        Version = version;
        Parts = parts;
    }

    public string Id { get; }

    public string Title { get; }

    public string Course { get; }

    /// <summary>The handout the problem comes from.</summary>
    public string Source { get; }

    /// <summary>A hash of the problem file's content: a changed reference or tolerance makes a new version.</summary>
    public string Version { get; }

    public IReadOnlyList<Part> Parts { get; }

    /// <summary>Text shown before the parts (the data students need), with this variant's numbers in it.</summary>
    public string Statement { get; internal init; } = "";

    /// <summary>The parameter values this problem was built with; <see cref="Variant.Handout"/> for a fixed problem.</summary>
    public Variant Variant { get; internal init; } = Variant.Handout;

    /// <summary>The other variants of a file that declares parameters; null when every student gets the handout's numbers.</summary>
    public ProblemVariants? Variants { get; internal init; }

    public bool IsRandomized => Variants is not null;

    /// <summary>The points of the auto-graded parts (manual parts are scored by staff, outside this total).</summary>
    public double MaxScore => Parts.Where(part => !part.IsManual).Sum(part => part.Points);

    public Part? FindPart(string partId) => Parts.FirstOrDefault(part => part.Id == partId);

    /// <summary>Grades an answers object keyed by part id. Never throws: bad answers become invalid parts.</summary>
    public GradeReport Grade(JsonElement answers)
    {
        var results = new List<PartResult>(Parts.Count);
        var isObject = answers.ValueKind == JsonValueKind.Object;
        foreach (var part in Parts)
        {
            if (!isObject && !part.IsManual)
            {
                results.Add(new PartResult(part.Id, PartStatus.Invalid, 0, part.Points,
                    $"The answers must be a JSON object keyed by part id, not {answers.ValueKind.ToString().ToLowerInvariant()}."));
                continue;
            }
            results.Add(part.Grade(isObject ? FindAnswer(answers, part.Id) : null));
        }
        CarriedCredit.Apply(Parts, partId => isObject ? FindAnswer(answers, partId) : null, results);
        if (IsRandomized && isObject)
        {
            // Each student has other numbers: a wrong answer is described against their own reference, so the summary can
            // count one mistake across variants.
            AnswerPatterns.Apply(Parts, partId => FindAnswer(answers, partId), results, part => Variants!.Varies(part.Id));
        }
        var score = results.Where(result => result.Status != PartStatus.Manual).Sum(result => result.Score);
        return new GradeReport(Id, Version, Math.Round(score, 10), MaxScore, results) { UnknownAnswers = isObject ? UnknownAnswers(answers) : [] };
    }

    // Keys FindAnswer matches no part with, so a misspelled part id is said, not silently dropped.
    private List<string> UnknownAnswers(JsonElement answers) => answers.EnumerateObject()
        .Select(property => property.Name)
        .Where(name => !Parts.Any(part => part.Id == name || string.Equals(name.Trim(), part.Id, StringComparison.OrdinalIgnoreCase)))
        .ToList();

    // Part ids are matched exactly, then case-insensitively ("1A" for "1a"), as a lenient LMS form might send them.
    private static JsonElement? FindAnswer(JsonElement answers, string partId)
    {
        if (answers.TryGetProperty(partId, out var exact))
        {
            return exact;
        }
        foreach (var property in answers.EnumerateObject())
        {
            if (string.Equals(property.Name.Trim(), partId, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }
}
