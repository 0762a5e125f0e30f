using System.Globalization;
using Newtonsoft.Json;

namespace FoerderFinder.Domain.Json;

/// <summary>Reads and writes dates as yyyy-MM-dd only, so 2026-02-30 or "next week" are errors, not guesses.</summary>
public sealed class StrictDateOnlyConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(DateOnly) || objectType == typeof(DateOnly?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null && objectType == typeof(DateOnly?))
        {
            return null;
        }
        if (reader.TokenType == JsonToken.String &&
            DateOnly.TryParseExact((string)reader.Value!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        // The path must be on the exception, not only in its message: callers name the offending field from it.
        var at = reader as IJsonLineInfo;
        throw new JsonSerializationException(
            $"Expected a date as yyyy-MM-dd, got '{reader.Value}'. Path '{reader.Path}'.", reader.Path, at?.LineNumber ?? 0, at?.LinePosition ?? 0, null);
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        writer.WriteValue(((DateOnly)value!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
