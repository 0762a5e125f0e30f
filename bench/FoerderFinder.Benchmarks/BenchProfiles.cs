using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Profiles;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Benchmarks;

/// <summary>The match requests of bench/profiles/match-requests.ndjson, shared by the micro-benchmarks, the peer and the HTTP load.</summary>
public static class BenchProfiles
{
    public static string RequestsFile => Path.Combine(RepoPaths.Root, "bench", "profiles", "match-requests.ndjson");

    public static IReadOnlyList<(Profile Profile, DateOnly AsOf, int Limit)> All { get; } = File.ReadLines(RequestsFile)
        .Where(line => line.Trim().Length > 0)
        .Select(Parse)
        .ToList();

    /// <summary>The micro-benchmarks' profile: the README's Münster MSO with a small project.</summary>
    public static Profile MuensterMso => All[0].Profile;

    public static DateOnly AsOf => All[0].AsOf;

    private static (Profile, DateOnly, int) Parse(string line)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(line)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var json = JObject.Load(reader);
        var profile = new Profile
        {
            Organisation = json["organisation"]?.ToObject<OrganisationProfile>(FoerderFinderJson.Serializer) ?? new(),
            Project = json["project"]?.ToObject<ProjectProfile>(FoerderFinderJson.Serializer) ?? new(),
        };
        var asOf = DateOnly.ParseExact((string)json["asOf"]!, "yyyy-MM-dd");
        return (profile, asOf, (int?)json["limit"] ?? 20);
    }
}
