using Grader.Engine.Linear;
using Grader.Grading.References;

namespace Grader.Grading.Tests;

/// <summary>
/// Pins every computed reference answer of the four problem sets to the value worked out by hand from the handouts.
/// The engine computes the references from the problem data; these numbers come from the hand derivations in the comments.
/// </summary>
public class ReferenceAnswerTests
{
    private const double Tight = 1e-9;

    [Fact]
    public void Kims_forward_pass_at_x_equals_1_matches_the_hand_computation()
    {
        // z1 = 3·1 − 1 = 2, z2 = 4·2 + 1 = 9, z3 = 9 − 5 = 4, z4 = 4 + 1 = 5; ReLU passes all of them.
        AssertFields("mit-6390-rec6", "2a", new() { ["z1"] = 2, ["a1"] = 2, ["z2"] = 9, ["a2"] = 9, ["z3"] = 4, ["a3"] = 4, ["z4"] = 5, ["a4"] = 5 });
    }

    [Fact]
    public void Kims_chain_rule_factors_match_the_hand_computation()
    {
        // ∂z1/∂w1 = a0 = 1, ReLU′ = 1 on every active unit, ∂z^l/∂a^(l−1) = w^l, ∂L/∂g = 2(g − y) = 2(5 − 2) = 6.
        AssertFields("mit-6390-rec6", "2b", new()
        {
            ["dz1_dw1"] = 1, ["da1_dz1"] = 1, ["dz2_da1"] = 4, ["da2_dz2"] = 1, ["dz3_da2"] = 1,
            ["da3_dz3"] = 1, ["dz4_da3"] = 1, ["dg_dz4"] = 1, ["dL_dg"] = 6,
        });
    }

    [Fact]
    public void One_gradient_step_on_w1_and_the_offset_gradient_match_the_hand_computation()
    {
        // ∂L/∂w1 = 6·1·1·1·1·4·1·1 = 24, so w1 = 3 − 0.1·24 = 0.6; ∂L/∂w0¹ has the same factors with ∂z1/∂w0¹ = 1.
        AssertNumber("mit-6390-rec6", "2c", 0.6);
        AssertNumber("mit-6390-rec6", "2d", 24);
    }

    [Fact]
    public void Staged_computation_values_match_the_hand_computation()
    {
        // q = −2 + 5 = 3, f = 3·(−4) = −12, ∂f/∂q = z = −4, ∂f/∂z = q = 3, ∂f/∂x = ∂f/∂y = ∂f/∂q = −4.
        AssertFields("cs189-dis4", "1d", new() { ["q"] = 3, ["f"] = -12, ["df_dq"] = -4, ["df_dz"] = 3, ["df_dx"] = -4, ["df_dy"] = -4 });
    }

    [Fact]
    public void Parameter_count_of_an_8_10_10_3_network_is_233()
    {
        // (8·10 + 10) + (10·10 + 10) + (10·3 + 3) = 90 + 110 + 33.
        AssertNumber("cs189-dis4", "3b", 233);
    }

    [Fact]
    public void Softmax_output_at_3_14_matches_the_hand_computation()
    {
        // f(z) = (2, 13, 0, 0), u1 = 15, u2 = −15 + 2 = −13 → f(u) = (15, 0); o2 = 1/(1 + e^15).
        var o2 = 1 / (1 + Math.Exp(15));
        AssertFields("mit-6036-s17-hw4", "1a", new() { ["o1"] = 1 - o2, ["o2"] = o2 }, relative: 1e-12);
    }

    [Fact]
    public void Region_where_every_hidden_unit_is_off_is_the_square_of_area_4()
    {
        // All four ReLUs are off exactly where |x1| ≤ 1 and |x2| ≤ 1.
        AssertNumber("mit-6036-s17-hw4", "1c.area0", 4);
    }

    [Fact]
    public void Outputs_on_the_level_sets_0_1_and_3_match_the_hand_computation()
    {
        // With s = Σ f(z_i): f(u1) = s and f(u2) = max(2 − s, 0).
        var e2 = Math.Exp(2);
        var e3 = Math.Exp(3);
        AssertFields("mit-6036-s17-hw4", "1c.out0", new() { ["o1"] = 1 / (1 + e2), ["o2"] = e2 / (1 + e2) });
        AssertFields("mit-6036-s17-hw4", "1c.out1", new() { ["o1"] = 0.5, ["o2"] = 0.5 });
        AssertFields("mit-6036-s17-hw4", "1c.out3", new() { ["o1"] = e3 / (1 + e3), ["o2"] = 1 / (1 + e3) });
    }

    [Fact]
    public void Areas_where_o2_is_at_least_a_thousandth_match_the_closed_form()
    {
        // o2 ≥ 1/1000 ⇔ β(f(u1) − f(u2)) ≤ ln 999; for both β the threshold lies past s = 2, where f(u2) = 0, so the region
        // is {s ≤ c} with c = ln(999)/β, whose area is 4 (centre) + 8c (four strips) + 2c² (four corner triangles).
        static double Area(double beta)
        {
            var c = Math.Log(999) / beta;
            return 4 + 8 * c + 2 * c * c;
        }
        AssertFields("mit-6036-s17-hw4", "1d", new() { ["area_beta1"] = Area(1), ["area_beta3"] = Area(3) });
    }

    [Fact]
    public void Lstm_traces_of_both_sequences_match_the_hand_computation()
    {
        var fields = Fields("mit-6036-s17-hw4", "2a");
        Assert.Equal([0, 0, 1, -1, 1, 0], fields["seq1"].ToArray());
        Assert.Equal([1, -1, 0, 1, -1], fields["seq2"].ToArray());
    }

    [Fact]
    public void Backpropagation_values_at_the_given_point_match_the_hand_computation()
    {
        // z1 = 0.03, a1 = 0.03, z2 = −5·0.03 − 1 = −1.15, y = σ(−1.15); ∂C/∂z2 = (y − 1)·y(1 − y).
        var y = 1 / (1 + Math.Exp(1.15));
        var dz2 = (y - 1) * y * (1 - y);
        AssertFields("mit-6036-s17-hw4", "3d", new() { ["dC_dw1"] = dz2 * -5 * 3, ["dC_dw2"] = dz2 * 0.03 });
    }

    [Fact]
    public void Sgd_update_reference_is_w1_minus_eta_times_the_gradient()
    {
        var key = (Grader.Grading.References.Expressions.ExpressionKey)Catalog.Problem("mit-6036-s17-hw4").FindPart("3d.update")!.Key;
        var y = 1 / (1 + Math.Exp(1.15));
        var gradient = (y - 1) * y * (1 - y) * -5 * 3;
        // Every reference lies on the line 0.01 − η·gradient: η from the sampled range [0.5, 5], η = 0, where the answer
        // must be the starting weight itself, and far points at 10 … 2000 times the range (η stays positive, as declared).
        var etas = key.References.Select(value => (0.01 - value.ScalarValue) / gradient).ToList();
        Assert.Single(etas, eta => Math.Abs(eta) < 1e-12);
        Assert.Equal(8, etas.Count(eta => eta is >= 0.5 and <= 5));
        Assert.Equal(4, etas.Count(eta => eta is >= 50 and <= 10_000));
        Assert.True(key.References.Select(value => value.ScalarValue).Distinct().Count() > 4, "the sample points should differ");
    }

    [Fact]
    public void Far_points_leave_the_range_by_orders_of_magnitude_but_keep_the_where_condition()
    {
        var key = (Grader.Grading.References.Expressions.ExpressionKey)Catalog.Problem("mit-6036-s17-hw4").FindPart("3c.w1")!.Key;
        var far = key.Points.Where(point => point.Values.Any(value => Math.Abs(value.ScalarValue) > 20)).ToList();

        Assert.True(far.Count >= 3, $"only {far.Count} far points");
        Assert.All(key.Points, point => Assert.True(point["w1"].ScalarValue * point["x"].ScalarValue >= 0.1));
        Assert.Contains(far, point => point.Values.Any(value => value.ScalarValue < -20));
        Assert.All(key.Points, point => Assert.InRange(point["t"].ScalarValue, 0, double.MaxValue));
    }

    private static void AssertNumber(string problemId, string partId, double expected)
    {
        var key = (ValueKey)Catalog.Problem(problemId).FindPart(partId)!.Key;
        Assert.Equal(expected, key.Reference.ScalarValue, Tight);
    }

    private static void AssertFields(string problemId, string partId, Dictionary<string, double> expected, double relative = 1e-9)
    {
        var fields = Fields(problemId, partId);
        Assert.Equal(expected.Keys.Order(), fields.Keys.Order());
        foreach (var (name, value) in expected)
        {
            var actual = fields[name].ScalarValue;
            Assert.True(Math.Abs(actual - value) <= relative * Math.Max(1e-300, Math.Abs(value)) + 1e-15,
                $"{partId}.{name}: computed {actual:R}, hand value {value:R}");
        }
    }

    private static Dictionary<string, Matrix> Fields(string problemId, string partId) =>
        ((ValuesKey)Catalog.Problem(problemId).FindPart(partId)!.Key).Fields.ToDictionary(field => field.Name, field => field.Reference);
}
