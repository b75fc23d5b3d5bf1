namespace Grader.BrowserTests.Infrastructure;

/// <summary>A <see cref="BrowserStack"/> on containers of its own, so a test may stop PostgreSQL under the pages.</summary>
public sealed class BrowserStackWithOwnServers() : BrowserStack(ownServers: true);
