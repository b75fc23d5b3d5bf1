using Grader.Worker.Grading;
using MassTransit.Events;

namespace Grader.Worker.Tests;

/// <summary>
/// A failed submission's reason reads the same whichever path failed it: a consumer that fails one submission of several
/// (from the exception) or the fault consumer (from the fault's exception info), inner exceptions included.
/// </summary>
public sealed class FailureReasonTests
{
    [Fact]
    public void Reason_names_each_exception_of_the_chain_in_order()
    {
        var exception = Wrapped();

        Assert.Equal(
            "System.InvalidOperationException: saving the grade failed -> System.FormatException: part 1b: not a number",
            FailureReason.Of(exception));
    }

    [Fact]
    public void Consumer_and_fault_consumer_record_the_same_reason_for_the_same_exception()
    {
        var exception = Wrapped();

        Assert.Equal(FailureReason.Of(exception), FailureReason.Of(new FaultExceptionInfo(exception)));
    }

    private static InvalidOperationException Wrapped()
    {
        try
        {
            try
            {
                throw new FormatException("part 1b: not a number");
            }
            catch (FormatException inner)
            {
                throw new InvalidOperationException("saving the grade failed", inner);
            }
        }
        catch (InvalidOperationException exception)
        {
            return exception;
        }
    }
}
