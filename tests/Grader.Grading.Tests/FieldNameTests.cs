using Grader.Grading.Judging;

namespace Grader.Grading.Tests;

public class FieldNameTests
{
    [Theory]
    [InlineData("mit-6390-rec6", "2b",
        """{"∂z1/∂w1": 1, "∂a1/∂z1": 1, "∂z2/∂a1": 4, "∂a2/∂z2": 1, "∂z3/∂a2": 1, "∂a3/∂z3": 1, "∂z4/∂a3": 1, "∂g/∂z4": 1, "∂L/∂g": 6}""")]
    [InlineData("mit-6036-s17-hw4", "3d", """{"∂C/∂w1": 2.0809, "∂C/∂w2": -0.0041618}""")]
    public void Partial_derivative_sign_in_a_field_name_reads_as_d(string problemId, string partId, string answer)
    {
        Assert.Equal(PartStatus.Correct, Grading.Part(problemId, partId, answer).Status);
    }

    [Fact]
    public void Subscript_digits_in_a_field_name_read_as_digits()
    {
        var result = Grading.Part("mit-6390-rec6", "1e", """{"w₁": 5, "w₂": -5, "v₁": 0.1, "v₂": -0.4}""");

        Assert.Equal(PartStatus.Correct, result.Status);
    }
}
