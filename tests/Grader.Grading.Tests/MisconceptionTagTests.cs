using Grader.Grading.Judging;

namespace Grader.Grading.Tests;

/// <summary>The slips the grader recognises become misconception tags on the part result, and hints only on enough evidence.</summary>
public class MisconceptionTagTests
{
    [Theory]
    [InlineData("ds102-disc7", "2b", "\"2*(y - b'*sigmoid(A*x))*sigmoid(A*x)\"", "sign")]
    [InlineData("ds102-disc7", "2b", "\"-4*(y - b'*sigmoid(A*x))*sigmoid(A*x)\"", "factor2")]
    [InlineData("ds102-disc7", "2b", "\"-(y - b'*sigmoid(A*x))*sigmoid(A*x)\"", "half")]
    [InlineData("cs189-dis4", "2f.W1", "\"(W2'*(W2*(W1*x + b) - y)*x')'\"", "transpose")]
    [InlineData("cs189-dis4", "2f.b", "\"W1'*(W2*(W1*x + b) - y)\"", "wrong-layer")]
    [InlineData("cs189-dis4", "2f.W2", "\"(W1*(W2*x + b) - y)*(W2*x + b)'\"", "wrong-layer")]
    [InlineData("mit-6036-s17-hw4", "3c.w1", "\"(σ(w2*relu(w1*x)+b) - t)*σ(w2*relu(w1*x)+b)*w2*x\"", "sigma-for-sigma-prime")]
    [InlineData("ds102-disc7", "2b", "\"-2*(y - b'*sigmoid(A*x))*sigmoid(A*x)'\"", "transpose")]
    [InlineData("ds102-disc7", "1a.sigmoid", "\"sigmoid(x)\"", "sigma-for-sigma-prime")]
    [InlineData("mit-6390-rec6", "2a", """{"z1": -2, "a1": -2, "z2": -9, "a2": -9, "z3": -4, "a3": -4, "z4": -5, "a4": -5}""", "sign")]
    [InlineData("mit-6036-s17-hw4", "1c.out1", """{"o1": 0.25, "o2": 0.25}""", "half")]
    public void A_recognised_slip_is_tagged_on_the_part(string problemId, string partId, string answer, string tag)
    {
        var result = Grading.Part(problemId, partId, answer);

        Assert.NotEqual(PartStatus.Correct, result.Status);
        Assert.Equal([tag], result.Tags);
        Assert.Equal(tag, GradeReportJson.ToJson(result)["tags"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("mit-6390-rec6", "2c", "0.3")]
    [InlineData("mit-6036-s17-hw4", "1a", """{"o1": 0.5, "o2": 3.06e-7}""")]
    public void One_value_that_happens_to_be_half_earns_no_factor_hint_and_no_tag(string problemId, string partId, string answer)
    {
        var result = Grading.Part(problemId, partId, answer);

        Assert.Equal(PartStatus.Incorrect, result.Status == PartStatus.Partial ? PartStatus.Incorrect : result.Status);
        Assert.Empty(result.Tags);
        Assert.DoesNotContain("factor of 2", result.Feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("opposite sign", result.Feedback, StringComparison.Ordinal);
        Assert.False(GradeReportJson.ToJson(result).ContainsKey("tags"));
    }

    [Fact]
    public void One_number_with_the_right_size_and_the_wrong_sign_is_told_so_without_a_tag()
    {
        var result = Grading.Part("mit-6390-rec6", "2c", "-0.6");

        Assert.Contains("Its size matches the expected answer, its sign does not.", result.Feedback, StringComparison.Ordinal);
        Assert.Empty(result.Tags);
    }

    [Fact]
    public void A_wrong_answer_with_no_recognised_slip_has_no_tags()
    {
        var result = Grading.Part("ds102-disc7", "1a.sigmoid", "\"tanh(x)\"");

        Assert.Equal(PartStatus.Incorrect, result.Status);
        Assert.Empty(result.Tags);
    }

    [Fact]
    public void A_matrix_answered_transposed_is_invalid_with_the_transpose_tag()
    {
        const string yaml = """
            id: demo
            title: Demo
            course: Test
            networks:
              n:
                inputs: 2
                layers:
                  - { weights: [[1, 2], [3, 4], [5, 6]], activation: identity }
            parts:
              - { id: w, kind: matrix, reference: { network: n, input: [1, 1], quantity: W1.next, target: [0, 0, 0], loss: squared-error, learningRate: 0 } }
            """;
        var problem = Grader.Grading.Loading.ProblemLoader.LoadText(yaml, "demo.yaml");
        using var answers = System.Text.Json.JsonDocument.Parse("""{"w": [[1, 3, 5], [2, 4, 6]]}""");

        var result = problem.Grade(answers.RootElement).Parts.Single();

        Assert.Equal(PartStatus.Invalid, result.Status);
        Assert.Contains("Did you transpose it?", result.Feedback, StringComparison.Ordinal);
        Assert.Equal(["transpose"], result.Tags);
    }
}
