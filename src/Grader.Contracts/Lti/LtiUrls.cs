namespace Grader.Contracts.Lti;

/// <summary>
/// The rule for every LTI URL the service stores (line items, token URLs): absolute https, at most 2,000 characters, no
/// user info or fragment. Plain http is accepted only for a loopback host and only with <c>Lti:AllowHttpLoopback</c>
/// (development and the tests' fake platform): a grade and an access token must never cross a network in clear text.
/// </summary>
public static class LtiUrls
{
    public const int MaxLength = 2000;

    /// <returns>Why the URL is refused, or null when it is acceptable.</returns>
    public static string? Problem(string? url, bool allowHttpLoopback)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "is required";
        }

        if (url.Length > MaxLength)
        {
            return $"must have at most {MaxLength} characters";
        }

        if (Submissions.StorableText.Problem(url) is { } why)
        {
            return why;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return "must be an absolute URL";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "must not carry user info or a fragment";
        }

        return uri.Scheme == Uri.UriSchemeHttps || (allowHttpLoopback && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
            ? null
            : "must be an https URL";
    }
}
