using System.Net;
using System.Text.RegularExpressions;

namespace Grader.IntegrationTests.Infrastructure;

/// <summary>
/// The staff pages over plain HTTP, as a browser holds them: a cookie jar, redirects not followed, the form's antiforgery
/// token read from the page it is on. The jar sends its cookies to every port of 127.0.0.1, as a browser does.
/// </summary>
public sealed partial class StaffHttpSession : IDisposable
{
    private readonly HttpClient _http;

    public StaffHttpSession(CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false });
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(Uri server, string path) => _http.GetAsync(new Uri(server, path));

    /// <summary>Posts <paramref name="fields"/> with the antiforgery token of the form on <paramref name="formPage"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(Uri server, string formPage, string action, IDictionary<string, string> fields)
    {
        using var page = await GetAsync(server, formPage);
        var html = await page.Content.ReadAsStringAsync();
        var token = Token().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No antiforgery token on {formPage} ({(int)page.StatusCode}).");
        return await PostAsync(server, action, new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
    }

    public Task<HttpResponseMessage> PostAsync(Uri server, string action, IDictionary<string, string> fields) =>
        _http.PostAsync(new Uri(server, action), new FormUrlEncodedContent(fields));

    /// <returns>The answer to the sign-in form: 302 to the dashboard when the key may sign in.</returns>
    public Task<HttpResponseMessage> SignInAsync(Uri server, string key) =>
        PostFormAsync(server, "/signin", "/signin", new Dictionary<string, string> { ["Key"] = key });

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
