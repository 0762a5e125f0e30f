using Newtonsoft.Json;

namespace FoerderFinder.Domain.Geography;

/// <summary>A reference list as shipped: where it comes from and which edition it is.</summary>
public sealed record ReferenceDataInfo(string Name, string Source, string? SourceUrl, string Version);

internal static class EmbeddedJson
{
    public static T Load<T>(string fileName)
    {
        using var stream = typeof(EmbeddedJson).Assembly.GetManifestResourceStream("ReferenceData." + fileName)
            ?? throw new InvalidOperationException($"Reference data {fileName} is not embedded.");
        using var reader = new StreamReader(stream);
        return JsonConvert.DeserializeObject<T>(reader.ReadToEnd())
            ?? throw new InvalidOperationException($"Reference data {fileName} is empty.");
    }
}
