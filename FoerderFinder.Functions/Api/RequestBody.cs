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
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new(null, Problems.PayloadTooLarge(maxBytes));
            }
            buffer.Write(chunk, 0, read);
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
            return new(null, Problems.Validation([JsonError(e)]));
        }
    }

    /// <summary>Turns a Newtonsoft error into the field it concerns and a message without .NET type names.</summary>
    public static ValidationError JsonError(JsonException e)
    {
        var path = e switch
        {
            JsonSerializationException s => s.Path,
            JsonReaderException r => r.Path,
            _ => null,
        };
        var message = e.Message;
        // The last one: the value quoted earlier in the message is the caller's and may contain " Path '".
        var pathAt = message.LastIndexOf(" Path '", StringComparison.Ordinal);
        if (pathAt >= 0)
        {
            // Converters (dates, criteria) throw with the path in the message only.
            var start = pathAt + " Path '".Length;
            var end = message.IndexOf('\'', start);
            if (string.IsNullOrEmpty(path) && end > start)
            {
                path = message[start..end];
            }
            message = message[..pathAt];
        }
        message = message switch
        {
            _ when message.StartsWith("Could not find member", StringComparison.Ordinal) => "Unknown field.",
            _ when message.StartsWith("Error converting value", StringComparison.Ordinal) => "Unknown or invalid value." + AllowedValuesHint(e),
            _ when message.Contains("MaxDepth", StringComparison.Ordinal) => "The JSON is nested too deeply.",
            _ when message.Contains("Could not convert", StringComparison.Ordinal) || message.Contains("is not a valid", StringComparison.Ordinal)
                || message.Contains("Unexpected character", StringComparison.Ordinal) || message.Contains("Input string", StringComparison.Ordinal)
                => "Wrong type of value. " + Clean(message),
            _ when message.Contains("Value was either too large or too small", StringComparison.Ordinal) => "The number is out of range.",
            _ => Clean(message),
        };
        return new ValidationError(string.IsNullOrEmpty(path) ? "$" : path, message);
    }

    private static string AllowedValuesHint(JsonException e) =>
        e.InnerException?.InnerException is ArgumentException or null ? " GET /api/profile-schema lists the allowed values." : string.Empty;

    /// <summary>Removes .NET type names, which mean nothing to an API user.</summary>
    private static string Clean(string message)
    {
        var withoutTypes = System.Text.RegularExpressions.Regex.Replace(message, @"(type|to) '?(System|FoerderFinder)[\w.`\[\], =]*'?", "$1 the expected type");
        return withoutTypes.Length > 300 ? withoutTypes[..300] : withoutTypes;
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
