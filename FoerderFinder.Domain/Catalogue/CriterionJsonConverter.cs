using FoerderFinder.Domain.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace FoerderFinder.Domain.Catalogue;

/// <summary>
/// Criteria are polymorphic by an explicit "kind" discriminator from a closed list,
/// never by type names, so nothing in a document can choose which .NET type is created.
/// </summary>
public sealed class CriterionJsonConverter : JsonConverter
{
    private static readonly SnakeCaseNamingStrategy SnakeCase = new();

    // Worked out once (before TypesByKind, which uses it): every explained criterion names its kind.
    private static readonly string[] KindNames = Enum.GetValues<CriterionKind>()
        .Select(kind => SnakeCase.GetPropertyName(kind.ToString(), false)).ToArray();

    // The body of a criterion holds no criteria, so it is read and written without this converter.
    private static readonly JsonSerializer BodySerializer = JsonSerializer.Create(FoerderFinderJson.Configure(new JsonSerializerSettings()));

    private static readonly Dictionary<string, Type> TypesByKind = Enum.GetValues<CriterionKind>().ToDictionary(
        KindName,
        kind => typeof(Criterion).Assembly.GetType($"{typeof(Criterion).Namespace}.{kind}Criterion", throwOnError: true)!,
        StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Kinds => TypesByKind.Keys;

    public static string KindName(CriterionKind kind) =>
        (uint)kind < (uint)KindNames.Length ? KindNames[(int)kind] : SnakeCase.GetPropertyName(kind.ToString(), false);

    public override bool CanConvert(Type objectType) => typeof(Criterion).IsAssignableFrom(objectType);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            return null;
        }
        var basePath = reader.Path;
        var json = JToken.ReadFrom(reader) as JObject
            ?? throw new JsonSerializationException("A criterion must be an object.", basePath, 0, 0, null);
        var kindToken = json["kind"];
        if (kindToken is not { Type: JTokenType.String })
        {
            throw new JsonSerializationException("A criterion needs a \"kind\".", basePath, 0, 0, null);
        }
        var kind = (string)kindToken!;
        if (!TypesByKind.TryGetValue(kind, out var type))
        {
            throw new JsonSerializationException($"Unknown criterion kind '{kind}'. Known kinds: {string.Join(", ", Kinds)}.", Combine(basePath, "kind"), 0, 0, null);
        }
        json.Remove("kind");
        try
        {
            using var inner = json.CreateReader();
            return BodySerializer.Deserialize(inner, type);
        }
        catch (JsonException e) when (e is JsonSerializationException or JsonReaderException)
        {
            var innerPath = e is JsonSerializationException s ? s.Path : ((JsonReaderException)e).Path;
            throw new JsonSerializationException(StripPath(e.Message), Combine(basePath, innerPath), 0, 0, e);
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        var criterion = (Criterion)value!;
        var body = JObject.FromObject(criterion, BodySerializer);
        writer.WriteStartObject();
        writer.WritePropertyName("kind");
        writer.WriteValue(KindName(criterion.Kind));
        foreach (var property in body.Properties())
        {
            property.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    private static string Combine(string basePath, string? innerPath) =>
        string.IsNullOrEmpty(innerPath) ? basePath
        : string.IsNullOrEmpty(basePath) ? innerPath
        : innerPath.StartsWith('[') ? basePath + innerPath : $"{basePath}.{innerPath}";

    private static string StripPath(string message)
    {
        var at = message.IndexOf(" Path '", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}
