using System.Buffers;
using System.Text;
using FoerderFinder.Domain;
using FoerderFinder.Domain.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;

namespace FoerderFinder.Functions.Api;

/// <summary>Reads a JSON body strictly: size limit, JSON content type, valid UTF-8, known fields only.</summary>
public static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Either the value or the problem to answer with.</summary>
    public readonly record struct Parsed<T>(T? Value, ObjectResult? Problem);

    public static async Task<Parsed<T>> ReadAsync<T>(HttpRequest request, long maxBytes, CancellationToken cancellationToken) where T : class
    {
        if (!IsJson(request.ContentType))
        {
            return new(null, Problems.UnsupportedMediaType());
        }
        if (request.ContentLength > maxBytes)
        {
            return new(null, Problems.PayloadTooLarge(maxBytes));
        }
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 1024, maxBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return new(null, Problems.PayloadTooLarge(maxBytes));
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            // The server refused the body itself: shorter than its Content-Length, or over the server's own limit.
            return new(null, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.PayloadTooLarge(maxBytes)
                : Problems.Validation("$", "The body could not be read completely; send it again whole."));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return new(null, Problems.Validation("$", "The body is not valid UTF-8."));
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, Problems.Validation("$", "The body is empty; send a JSON object."));
        }
        try
        {
            using var reader = new StringReader(text);
            return new(FoerderFinderJson.Deserialize<T>(reader), null);
        }
        catch (JsonException e)
        {
            return new(null, Problems.Validation([JsonErrors.ToValidationError(e)]));
        }
    }

    private static bool IsJson(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
