using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grader.Contracts;
using Grader.IntegrationTests.Infrastructure;

namespace Grader.IntegrationTests.Messaging;

/// <summary>
/// What waits in the worker queue, read through the RabbitMQ management API without taking it (each message is put back):
/// the submission ids each message names, whichever command it is.
/// </summary>
internal static class QueuedCommands
{
    public static async Task<List<IReadOnlyList<Guid>>> PeekAsync(ServiceStack stack, int atMost = 1000)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{stack.Servers.RabbitHttpPort}/api/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.ASCII.GetBytes($"{TestServers.RabbitUser}:{TestServers.RabbitPassword}")));
        using var response = await http.PostAsync(
            $"queues/{Uri.EscapeDataString(stack.VirtualHost)}/{QueueNames.GradeSubmission}/get",
            JsonContent.Create(new { count = atMost, ackmode = "ack_requeue_true", encoding = "auto" }));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var messages = new List<IReadOnlyList<Guid>>();
        foreach (var queued in json.RootElement.EnumerateArray())
        {
            // The MassTransit envelope: the command is its "message".
            using var envelope = JsonDocument.Parse(queued.GetProperty("payload").GetString()!);
            var message = envelope.RootElement.GetProperty("message");
            messages.Add(message.TryGetProperty("submissionIds", out var ids)
                ? [.. ids.EnumerateArray().Select(id => id.GetGuid())]
                : [message.GetProperty("submissionId").GetGuid()]);
        }

        return messages;
    }
}
