using Grader.Tests.Shared;
using Xunit.Abstractions;

[assembly: TestFramework("Grader.Worker.Tests.ContainerFramework", "Grader.Worker.Tests")]

namespace Grader.Worker.Tests;

/// <summary>xUnit 2 that removes the PostgreSQL container (<see cref="PostgresContainer"/>) after the last test.</summary>
public sealed class ContainerFramework(IMessageSink diagnosticMessageSink)
    : AfterLastTestFramework(diagnosticMessageSink, PostgresContainer.DisposeAsync);
