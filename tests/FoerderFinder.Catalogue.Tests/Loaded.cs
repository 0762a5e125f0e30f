using FoerderFinder.Domain.Catalogue;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Catalogue.Tests;

/// <summary>The catalogue and the research, read once for all tests.</summary>
public static class Loaded
{
    private static readonly Lazy<string> Json = new(() => File.ReadAllText(Repo.CatalogueFile));
    private static readonly Lazy<JObject> Raw = new(() => JObject.Parse(Json.Value));
    private static readonly Lazy<CatalogueFile.Result> Parsed = new(() => CatalogueFile.Parse(Json.Value));
    private static readonly Lazy<CatalogueSnapshot> Snap = new(() => new CatalogueSnapshot("test", Programmes));
    private static readonly Lazy<JArray> ResearchRecords = new(() => JArray.Parse(File.ReadAllText(Repo.ResearchFile)));

    public static string CatalogueJson => Json.Value;

    /// <summary>The catalogue file as plain JSON, to look up a programme's id by its index in error paths.</summary>
    public static JObject CatalogueJObject => Raw.Value;

    public static CatalogueFile.Result Catalogue => Parsed.Value;

    public static IReadOnlyList<Programme> Programmes =>
        Parsed.Value.Document?.Programmes ?? throw new InvalidOperationException("The catalogue file cannot be read: " + string.Join("; ", Parsed.Value.Errors));

    public static Programme Programme(string id) =>
        Programmes.SingleOrDefault(p => p.Id == id) ?? throw new KeyNotFoundException($"No programme '{id}' in {Repo.Relative(Repo.CatalogueFile)}.");

    public static CatalogueSnapshot Snapshot => Snap.Value;

    /// <summary>The research records (shared/research/programmes.json), in their order.</summary>
    public static IReadOnlyList<JObject> Research => ResearchRecords.Value.Cast<JObject>().ToList();

    public static JObject ResearchRecord(string id) => Research.Single(r => (string)r["id"]! == id);
}
