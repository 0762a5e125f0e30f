using System.Globalization;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Messages;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Catalogue.Tests;

/// <summary>
/// Reads the case files: named base profiles, and cases that change a base profile with "with"
/// (a JSON merge; null removes a field).
/// </summary>
public static class Cases
{
    public static JObject Read(string fileName) => JObject.Parse(File.ReadAllText(Path.Combine(Repo.CasesFolder, fileName)));

    public static DateOnly Date(JToken? token, DateOnly fallback) =>
        token is null || token.Type == JTokenType.Null ? fallback : DateOnly.ParseExact((string)token!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The profile of a case: its base profile (by name, or given inline) with the case's changes applied.</summary>
    public static Profile Profile(JObject file, JObject @case)
    {
        var profile = @case["profile"] switch
        {
            JValue { Type: JTokenType.String } name => (JObject)(file["profiles"]?[(string)name!]
                ?? throw new KeyNotFoundException($"No profile '{name}' in the case file.")).DeepClone(),
            JObject inline => (JObject)inline.DeepClone(),
            _ => throw new InvalidOperationException("A case names its profile or gives it inline."),
        };
        if (@case["with"] is JObject changes)
        {
            profile.Merge(changes, new JsonMergeSettings
            {
                MergeArrayHandling = MergeArrayHandling.Replace,
                MergeNullValueHandling = MergeNullValueHandling.Merge,
            });
        }
        return FoerderFinderJson.Deserialize<Profile>(profile.ToString());
    }

    /// <summary>One programme matched on its own, explained criterion by criterion.</summary>
    public static ProgrammeMatch MatchOne(Programme programme, Profile profile, DateOnly asOf)
    {
        var result = Matcher.Match(new CatalogueSnapshot("case", [programme]), profile, new MatchOptions { AsOf = asOf, Limit = 1, IncludeNotEligible = true });
        return Assert.Single(result.Results);
    }

    public static IReadOnlyList<string> Kinds(ProgrammeMatch match, Outcome outcome) =>
        match.Criteria.Where(c => c.Outcome == outcome).Select(c => c.Kind).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Every criterion with its outcome and English message, to show why a case came out as it did.</summary>
    public static string Explain(ProgrammeMatch match) =>
        string.Join(Environment.NewLine, match.Criteria.Select(c =>
            $"    {c.Kind}: {EnumCodes.Of(c.Outcome)}{(c.Unconfirmed ? " (unconfirmed)" : "")} – {MessageCatalog.Render(c.Message, Language.En)}"));
}
