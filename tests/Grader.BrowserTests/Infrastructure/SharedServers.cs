// The integration tests' xUnit framework: it removes the shared containers after the last test of this assembly too.
[assembly: TestFramework("Grader.IntegrationTests.Infrastructure.SharedServersFramework", "Grader.IntegrationTests")]
