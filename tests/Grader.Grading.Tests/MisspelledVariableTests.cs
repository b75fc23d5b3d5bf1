using Grader.Grading.Judging;

namespace Grader.Grading.Tests;

/// <summary>A misspelled variable that the lenient reading splits into declared names is reported as unknown, not as a shape clash.</summary>
public class MisspelledVariableTests
{
    [Fact]
    public void Misspelled_vector_variable_is_reported_as_an_unknown_variable()
    {
        var result = Grading.Part("ds102-disc7", "2b", "\"-2*(y - b'*sigmoid(A*x))*sigmoid(A*xx)\"");
        Assert.Equal(PartStatus.Invalid, result.Status);
        Assert.StartsWith("Unknown variable 'xx'", result.Feedback, StringComparison.Ordinal);
        Assert.Contains("cannot multiply", result.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_error_without_a_misspelling_keeps_its_message()
    {
        var result = Grading.Part("ds102-disc7", "2b", "\"A*A\"");
        Assert.Equal(PartStatus.Invalid, result.Status);
        Assert.DoesNotContain("Unknown variable", result.Feedback, StringComparison.Ordinal);
    }
}
