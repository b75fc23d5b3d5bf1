using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Grader.Tests.Shared;

/// <summary>
/// xUnit 2 with one addition: <paramref name="afterLastTest"/> runs after the last test collection and before the run reports
/// its end, when the runner still waits (a process-exit handler is cut short), so a test project's containers are removed.
/// Compiled into each test project that starts containers (linked from tests/Shared), each with its own subclass.
/// </summary>
public abstract class AfterLastTestFramework(IMessageSink diagnosticMessageSink, Func<Task> afterLastTest)
    : XunitTestFramework(diagnosticMessageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink, afterLastTest);

    private sealed class Executor(
        AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink,
        Func<Task> afterLastTest)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink,
            ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions, afterLastTest);
            await runner.RunAsync();
        }
    }

    private sealed class Runner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions, Func<Task> afterLastTest)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task<RunSummary> RunTestCollectionsAsync(IMessageBus messageBus, CancellationTokenSource cancellationTokenSource)
        {
            try
            {
                return await base.RunTestCollectionsAsync(messageBus, cancellationTokenSource);
            }
            finally
            {
                await afterLastTest();
            }
        }
    }
}
