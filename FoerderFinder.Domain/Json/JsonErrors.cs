using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace FoerderFinder.Domain.Json;

/// <summary>Turns a Newtonsoft error into the field it concerns and a message an API user can act on.</summary>
public static partial class JsonErrors
{
    public static ValidationError ToValidationError(JsonException e)
    {
        var path = e switch
        {
            JsonSerializationException { Path: { Length: > 0 } p } => p,
            JsonReaderException { Path: { Length: > 0 } p } => p,
            _ => null,
        };
        var message = e.Message;
        // The last one: a value quoted earlier in the message is the caller's and may itself contain " Path '".
        var pathAt = message.LastIndexOf(" Path '", StringComparison.Ordinal);
        if (pathAt >= 0)
        {
            var start = pathAt + " Path '".Length;
            var end = message.IndexOf('\'', start);
            if (string.IsNullOrEmpty(path) && end >= start)
            {
                path = message[start..end];
            }
            message = message[..pathAt];
        }
        message = message switch
        {
            _ when message.StartsWith("Could not find member", StringComparison.Ordinal) => "Unknown field.",
            _ when message.StartsWith("Error converting value", StringComparison.Ordinal) => "Invalid value.",
            _ when message.Contains("MaxDepth", StringComparison.Ordinal) => "The JSON is nested too deeply.",
            _ when message.Contains("Value was either too large or too small", StringComparison.Ordinal)
                || message.Contains("too large or too small", StringComparison.Ordinal) => "The number is out of range.",
            _ when message.Contains("Could not convert", StringComparison.Ordinal) || message.Contains("is not a valid", StringComparison.Ordinal)
                || message.Contains("Unexpected character", StringComparison.Ordinal) || message.Contains("Input string", StringComparison.Ordinal)
                => "Wrong type of value. " + WithoutTypeNames(message),
            _ => WithoutTypeNames(message),
        };
        return new ValidationError(string.IsNullOrEmpty(path) ? "$" : path, message);
    }

    /// <summary>.NET type names mean nothing to an API user and say too much about the inside.</summary>
    private static string WithoutTypeNames(string message)
    {
        var cleaned = TypeName().Replace(message, "the expected type");
        return cleaned.Length > 600 ? cleaned[..600] + "…" : cleaned;
    }

    [GeneratedRegex(@"(type )?'?(System|FoerderFinder|Newtonsoft|Microsoft)\.[\w.`\[\], =+]*'?")]
    private static partial Regex TypeName();
}
