/// <summary>
/// The generator's connections to the API, opened before a timed run as pgbench connects its clients before its clock
/// starts: concurrent GETs of <c>/health/live</c> (no submission, no signature) open one connection each and compile
/// the HTTP client's code, which without tiered compilation would otherwise be compiled inside the timed window.
/// </summary>
internal static class ApiConnections
{
    public static Task OpenAsync(HttpClient http, int connections) =>
        Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
            response.EnsureSuccessStatusCode();
        }));
}
