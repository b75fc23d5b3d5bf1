namespace Grader.Data.Access;

/// <summary>A stored API key (never the token itself): who holds it, its role and the courses it may see.</summary>
public sealed record ApiKey(
    Guid Id, string Name, ApiKeyRole Role, IReadOnlyList<string> Courses, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>A key just created: the token is shown once and never stored.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Token);
