using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Vocabulary;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;

namespace FoerderFinder.Functions.Tests.Support;

/// <summary>The parts of a match answer the tests look at, read from the bytes a client receives.</summary>
public sealed record MatchReply(
    string CatalogueVersion,
    bool CatalogueMayBeStale,
    DateOnly AsOf,
    Language Language,
    MatchReplyCounts Counts,
    IReadOnlyList<MatchReplyResult> Results,
    MatchReplyQuestion? NextQuestion)
{
    private static readonly JsonSerializerSettings Lenient = Configure();

    private static JsonSerializerSettings Configure()
    {
        var settings = FoerderFinderJson.ConfigureAll(new JsonSerializerSettings());
        settings.MissingMemberHandling = MissingMemberHandling.Ignore;
        return settings;
    }

    public static async Task<MatchReply> ReadAsync(IActionResult result)
    {
        var response = await ResultExecution.ExecuteAsync(result);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.ContentType);
        return JsonConvert.DeserializeObject<MatchReply>(response.Body, Lenient)!;
    }
}

public sealed record MatchReplyCounts(int Eligible, int NeedsInformation, int NotEligible);

public sealed record MatchReplyResult(string ProgrammeId, string Name, Verdict Verdict);

public sealed record MatchReplyQuestion(string Field, int Settles);
