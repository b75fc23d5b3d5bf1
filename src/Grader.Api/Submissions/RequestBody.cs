using System.Buffers;

namespace Grader.Api.Submissions;

/// <summary>Reads a request body up to a limit, so an oversized delivery is refused without buffering all of it.</summary>
/// <remarks>
/// A body with a Content-Length (every LMS we know of sends one) is read straight into an array of that size: no 16 KiB
/// read buffer, growing stream and final copy per webhook, which were most of what a ~600-byte webhook allocated and so
/// set how often the API's gen0 collections paused it at 500 webhooks/s (docs/benchmarks.md, "CPU ledger").
/// </remarks>
internal static class RequestBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <returns>The bytes, or null when the body is over <paramref name="maxBytes"/>.</returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        return request.ContentLength is { } length
            ? await ReadDeclaredAsync(request.Body, (int)length, cancellationToken)
            : await ReadChunkedAsync(request.Body, maxBytes, cancellationToken);
    }

    /// <summary>Kestrel ends the body at its Content-Length (and fails the read if the client sends less).</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadDeclaredAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        var filled = 0;
        int read;
        while (filled < length && (read = await body.ReadAsync(bytes.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return bytes.AsMemory(0, filled);
    }

    private static async Task<ReadOnlyMemory<byte>?> ReadChunkedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
