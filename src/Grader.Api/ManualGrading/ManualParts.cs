using Grader.Data.Manual;
using Grader.Grading.Loading;
using Grader.Grading.Model;

namespace Grader.Api.ManualGrading;

/// <summary>Finds a manual part in the catalog and its rubric as stored for the course.</summary>
public sealed class ManualParts(ProblemCatalog catalog, RubricStore rubrics)
{
    public Part? Find(string problemId, string partId) =>
        catalog.TryGet(problemId, out var problem) ? problem.Parts.FirstOrDefault(p => p.Id == partId && p.IsManual) : null;

    public Task<List<StoredRubricItem>> RubricAsync(string course, string problemId, Part part, CancellationToken cancellationToken) =>
        rubrics.ListAsync(course, problemId, part.Id,
            part.Rubric.Select(item => new FileRubricItem(item.Label, item.Points, item.Description)).ToList(), cancellationToken);
}
