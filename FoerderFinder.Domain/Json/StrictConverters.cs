using System.Collections.Concurrent;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace FoerderFinder.Domain.Json;

/// <summary>
/// Numbers must be JSON numbers and booleans JSON booleans: "5000" or 12.5 for a whole-euro amount
/// is an error with the field named, not a silent conversion.
/// </summary>
public sealed class StrictPrimitiveConverter : JsonConverter
{
    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) =>
        objectType == typeof(int) || objectType == typeof(long) || objectType == typeof(decimal) || objectType == typeof(bool)
        || objectType == typeof(int?) || objectType == typeof(long?) || objectType == typeof(decimal?) || objectType == typeof(bool?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var nullable = Nullable.GetUnderlyingType(objectType);
        var type = nullable ?? objectType;
        if (reader.TokenType == JsonToken.Null && nullable is not null)
        {
            return null;
        }
        if (type == typeof(bool))
        {
            return reader.TokenType == JsonToken.Boolean ? reader.Value : throw Error(reader, "Expected true or false.");
        }
        if (reader.TokenType is not (JsonToken.Integer or JsonToken.Float))
        {
            throw Error(reader, "Expected a number.");
        }
        try
        {
            if (type == typeof(decimal))
            {
                return Convert.ToDecimal(reader.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            var number = Convert.ToDecimal(reader.Value, System.Globalization.CultureInfo.InvariantCulture);
            if (number != decimal.Truncate(number))
            {
                throw Error(reader, "Expected a whole number.");
            }
            if (type == typeof(int))
            {
                return decimal.ToInt32(number);
            }
            return decimal.ToInt64(number);
        }
        catch (Exception e) when (e is OverflowException or InvalidCastException)
        {
            throw Error(reader, "The number is out of range.");
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException();

    private static JsonSerializationException Error(JsonReader reader, string message) => new(message, reader.Path, 0, 0, null);
}

/// <summary>Enum values only as their exact snake_case codes: "RegisteredAssociation" or 3 are errors.</summary>
public sealed class StrictEnumConverter : JsonConverter
{
    private static readonly SnakeCaseNamingStrategy SnakeCase = new();
    private static readonly ConcurrentDictionary<Type, Dictionary<string, object>> ValuesByCode = new();

    // Newtonsoft asks every converter about every value of a member typed object (message parameters),
    // and an answer writes dozens of enum values: both are worked out once per type or value.
    private static readonly ConcurrentDictionary<Type, bool> IsEnumType = new();
    private static readonly ConcurrentDictionary<object, string> CodeByValue = new();

    public override bool CanConvert(Type objectType) =>
        IsEnumType.GetOrAdd(objectType, t => (Nullable.GetUnderlyingType(t) ?? t).IsEnum);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var nullable = Nullable.GetUnderlyingType(objectType);
        var type = nullable ?? objectType;
        if (reader.TokenType == JsonToken.Null && nullable is not null)
        {
            return null;
        }
        var codes = ValuesByCode.GetOrAdd(type, t => Enum.GetValues(t).Cast<object>()
            .ToDictionary(v => SnakeCase.GetPropertyName(v.ToString()!, false), v => v, StringComparer.Ordinal));
        if (reader.TokenType == JsonToken.String && codes.TryGetValue((string)reader.Value!, out var value))
        {
            return value;
        }
        throw new JsonSerializationException(
            $"Unknown value {Quoted(reader.Value)}; GET /api/profile-schema lists the allowed values with labels. Allowed: {string.Join(", ", codes.Keys)}.",
            reader.Path, 0, 0, null);
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        writer.WriteValue(CodeByValue.GetOrAdd(value!, v => SnakeCase.GetPropertyName(v.ToString()!, false)));

    private static string Quoted(object? value)
    {
        var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null";
        return "'" + (text.Length > 40 ? text[..40] + "…" : text) + "'";
    }
}
