using Grader.Data.Entities;

namespace Grader.Api.Submissions;

/// <summary>One revision of a submission's grade: 1 is the first grade, later ones were written by regrade jobs or staff's manual grades.</summary>
public sealed record ResultRevisionView(
    int Revision,
    bool Current,
    string ProblemVersion,
    string? Variant,
    double Score,
    double MaxScore,
    IReadOnlyList<PartResultView> Parts,
    DateTimeOffset GradedAt,
    string GradedBy,
    Guid? RegradeJobId)
{
    public static ResultRevisionView From(GradingResult result, bool current) => new(
        result.Revision, current, result.ProblemVersion, result.Variant, result.Score, result.MaxScore, PartResultView.From(result.Parts),
        result.GradedAt, result.GradedBy, result.RegradeJobId);
}
