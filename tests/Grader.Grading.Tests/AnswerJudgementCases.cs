using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grader.Grading.Judging;
using Grader.Grading.Loading;

namespace Grader.Grading.Tests;

/// <summary>
/// The judgement corpora: student-style answers in Cases/answer-judgement-cases.txt and the blind second corpus
/// Cases/answer-judgement-cases-2.txt, each with the status a careful human grader would give it. Lines also listed in
/// Cases/answer-judgement-known-failures.txt (from either corpus) are skipped until the grader is fixed.
/// </summary>
public class AnswerJudgementCases
{
    private static readonly string[] CaseFiles = ["answer-judgement-cases.txt", "answer-judgement-cases-2.txt", "answer-judgement-cases-3.txt"];
    private const string KnownFailuresFile = "answer-judgement-known-failures.txt";

    // Grading one answer is a few evaluations at 8 points; anything near this is a performance bug worth reporting.
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(2);

    private static readonly Lazy<ProblemCatalog> Catalog = new(() => ProblemCatalog.Load(Path.Combine(RepositoryRoot(), "problems")));

    public static TheoryData<string, string, string, string> Cases
    {
        get
        {
            var knownFailures = ReadCases(KnownFailuresFile).ToHashSet();
            var data = new TheoryData<string, string, string, string>();
            foreach (var judgement in AllCases().Where(judgement => !knownFailures.Contains(judgement)))
            {
                data.Add(judgement.ProblemId, judgement.PartId, judgement.Answer, judgement.Expected);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Answer_is_judged_as_a_careful_grader_would(string problemId, string partId, string answer, string expected)
    {
        var clock = Stopwatch.StartNew();
        var result = Grade(problemId, partId, answer);
        clock.Stop();

        Assert.True(result.Status == ParseStatus(expected),
            $"{problemId} {partId} ⇶ {answer}: expected {expected}, got {result.Status.ToString().ToLowerInvariant()} ({result.Feedback})");
        Assert.True(clock.Elapsed < SlowAnswer, $"grading took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void Every_known_failure_is_a_case_of_the_corpus()
    {
        var cases = AllCases().ToHashSet();

        var strays = ReadCases(KnownFailuresFile).Where(judgement => !cases.Contains(judgement)).ToList();

        Assert.True(strays.Count == 0, $"known failures in no corpus: {string.Join("; ", strays)}");
    }

    [Fact]
    public void No_answer_is_judged_twice_across_the_corpora()
    {
        var repeated = AllCases()
            .GroupBy(judgement => (judgement.ProblemId, judgement.PartId, Answer: JsonNode.Parse(judgement.Answer)?.ToJsonString() ?? "null"))
            .Where(group => group.Count() > 1)
            .Select(group => group.First())
            .ToList();

        Assert.True(repeated.Count == 0, $"answers judged more than once: {string.Join("; ", repeated)}");
    }

    [Fact]
    public void Every_case_names_a_graded_part_and_a_status()
    {
        foreach (var judgement in AllCases())
        {
            Assert.True(Catalog.Value.TryGet(judgement.ProblemId, out var problem), $"unknown problem in {judgement}");
            Assert.True(problem.FindPart(judgement.PartId) is { IsManual: false }, $"no graded part in {judgement}");
            ParseStatus(judgement.Expected);
            JsonNode.Parse(judgement.Answer);
        }
    }

    private static PartResult Grade(string problemId, string partId, string answer)
    {
        Assert.True(Catalog.Value.TryGet(problemId, out var problem), $"unknown problem '{problemId}'");
        var answers = new JsonObject { [partId] = JsonNode.Parse(answer) };
        using var document = JsonDocument.Parse(answers.ToJsonString());
        var report = problem.Grade(document.RootElement);
        return report.Parts.Single(part => part.PartId == partId);
    }

    private static PartStatus ParseStatus(string text) =>
        Enum.TryParse<PartStatus>(text, ignoreCase: true, out var status) && !int.TryParse(text, out _)
            ? status
            : throw new FormatException($"unknown status '{text}'");

    private sealed record Judgement(string ProblemId, string PartId, string Answer, string Expected)
    {
        public override string ToString() => $"{ProblemId} {PartId} ⇶ {Answer} ⇶ {Expected}";
    }

    private static IEnumerable<Judgement> AllCases() => CaseFiles.SelectMany(ReadCases);

    // One case a line: `problemId part ⇶ answer-json ⇶ expected-status`; blank lines and # comments are skipped.
    private static IEnumerable<Judgement> ReadCases(string file)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Cases", file)))
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }
            var columns = text.Split('⇶');
            var names = columns[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length != 3 || names.Length != 2)
            {
                throw new FormatException($"{file}, line {lineNumber}: expected `problemId part ⇶ answer-json ⇶ status`");
            }
            yield return new Judgement(names[0], names[1], columns[1].Trim(), columns[2].Trim());
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Grader.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds Grader.sln");
    }
}
