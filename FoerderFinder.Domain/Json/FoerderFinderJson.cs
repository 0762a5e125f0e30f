using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace FoerderFinder.Domain.Json;

/// <summary>
/// The one set of JSON rules for HTTP bodies, storage and the catalogue file.
/// Input is strict (unknown members and values are errors) because a typo in a profile
/// must not silently turn a criterion into "unknown".
/// </summary>
public static class FoerderFinderJson
{
    public const int MaxDepth = 32;

    public static readonly JsonSerializerSettings Settings = WithCriteria(Configure(new JsonSerializerSettings()));

    public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    /// <summary>Applies the shared rules to settings owned by someone else, such as MVC's.</summary>
    public static JsonSerializerSettings ConfigureAll(JsonSerializerSettings settings) => WithCriteria(Configure(settings));

    /// <summary>The shared rules without the criterion discriminator.</summary>
    public static JsonSerializerSettings Configure(JsonSerializerSettings settings)
    {
        settings.ContractResolver = new CamelCasePropertyNamesContractResolver();
        settings.Converters.Add(new StrictEnumConverter());
        settings.Converters.Add(new StrictPrimitiveConverter());
        settings.Converters.Add(new StrictDateOnlyConverter());
        settings.MissingMemberHandling = MissingMemberHandling.Error;
        settings.NullValueHandling = NullValueHandling.Ignore;
        settings.DateParseHandling = DateParseHandling.None;
        settings.FloatParseHandling = FloatParseHandling.Decimal;
        settings.TypeNameHandling = TypeNameHandling.None;
        settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
        settings.MaxDepth = MaxDepth;
        return settings;
    }

    private static JsonSerializerSettings WithCriteria(JsonSerializerSettings settings)
    {
        settings.Converters.Add(new Catalogue.CriterionJsonConverter());
        return settings;
    }

    public static string Serialize(object value, Formatting formatting = Formatting.None) =>
        JsonConvert.SerializeObject(value, formatting, Settings);

    public static T Deserialize<T>(string json) =>
        JsonConvert.DeserializeObject<T>(json, Settings)
        ?? throw new JsonSerializationException("The document is empty.");

    public static T Deserialize<T>(TextReader reader)
    {
        using var jsonReader = new JsonTextReader(reader) { MaxDepth = MaxDepth, DateParseHandling = DateParseHandling.None, ArrayPool = JsonCharPool.Instance };
        var value = Serializer.Deserialize<T>(jsonReader) ?? throw new JsonSerializationException("The document is empty.");
        if (jsonReader.Read() && jsonReader.TokenType != JsonToken.Comment)
        {
            throw new JsonReaderException($"Unexpected content after the end of the document. Path '{jsonReader.Path}'.");
        }
        return value;
    }
}
