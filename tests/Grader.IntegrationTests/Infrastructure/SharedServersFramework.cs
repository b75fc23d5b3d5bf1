using Grader.Tests.Shared;
using Xunit.Abstractions;

[assembly: TestFramework("Grader.IntegrationTests.Infrastructure.SharedServersFramework", "Grader.IntegrationTests")]

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>xUnit 2 that removes the shared containers (<see cref="TestServers.SharedAsync"/>) after the last test.</summary>
public sealed class SharedServersFramework(IMessageSink diagnosticMessageSink)
    : AfterLastTestFramework(diagnosticMessageSink, TestServers.DisposeSharedAsync);
