namespace Grader.IntegrationTests.Infrastructure;

/// <summary>Answers to cs189-dis4 worked out by hand from the handout, with one broken and the rest left out.</summary>
public static class SeedAnswers
{
    public const string ProblemId = "cs189-dis4";

    // f = (x + y) z at x = -2, y = 5, z = -4; [8, 10, 10, 3] has 8*10+10 + 10*10+10 + 10*3+3 = 233 weights and offsets.
    public static object Partial => new Dictionary<string, object>
    {
        ["1d"] = new Dictionary<string, double> { ["q"] = 3, ["f"] = -12, ["df_dq"] = -4, ["df_dz"] = 3, ["df_dx"] = -4, ["df_dy"] = -4 },
        ["3b"] = 233,
        ["2c.b"] = "((",
    };
}
