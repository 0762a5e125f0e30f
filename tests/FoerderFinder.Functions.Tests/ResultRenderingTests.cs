using FoerderFinder.Functions.Storage;
using FoerderFinder.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Moq;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Functions.Tests;

/// <summary>Results executed with the app's own MVC and JSON registrations: the bytes a client receives.</summary>
public sealed class ResultRenderingTests
{
    private const string Association = """
        {"organisation":{"type":"registered_association","state":"DE-NW"},"project":{"location":"germany"},"asOf":"2026-03-02"}
        """;

    private static Harness Catalogue() => new(Programmes.Valid("alpha"), Programmes.MunicipalOnly("beta"));

    [Fact]
    public async Task A_validation_problem_is_sent_as_camel_case_problem_json()
    {
        var request = Requests.Json("""{"organisation":{"colour":"blue"}}""");
        var result = await Catalogue().Match.Match(request, CancellationToken.None);

        var response = await ResultExecution.ExecuteAsync(result, request.HttpContext);

        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        var json = JObject.Parse(response.Body);
        Assert.Equal(["type", "title", "status", "detail", "errors"], json.Properties().Select(p => p.Name));
        Assert.Equal("urn:foerderfinder:problem:invalid-request", (string?)json["type"]);
        Assert.Equal(400, (int?)json["status"]);
        Assert.Equal("organisation.colour", (string?)json["errors"]![0]!["field"]);
        Assert.NotNull(json["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task A_large_answer_arrives_whole_with_its_length()
    {
        // Larger than the 32 KiB that a buffering formatter keeps in memory before it spills to a file.
        var names = Enumerable.Range(0, 4000).Select(i => $"Programm Nr. {i} – Förderung für Vereine").ToList();

        var response = await ResultExecution.ExecuteAsync(new Microsoft.AspNetCore.Mvc.OkObjectResult(new { names }));

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.ContentType);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(response.Body), response.Headers.ContentLength);
        Assert.Equal(names, JObject.Parse(response.Body)["names"]!.ToObject<List<string>>());
    }

    [Fact]
    public async Task A_match_answer_has_the_documented_members_in_order()
    {
        var capped = Programmes.Valid("gamma") with
        {
            Criteria =
            [
                .. Programmes.Valid("gamma").Criteria,
                new FoerderFinder.Domain.Catalogue.AmountCriterion
                {
                    MaxEur = 1000,
                    Unconfirmed = true,
                    Source = new FoerderFinder.Domain.Catalogue.SourceRef { Url = "https://example.org/gamma/rules", Verified = new DateOnly(2026, 1, 15) },
                },
            ],
        };
        var harness = new Harness(Programmes.Valid("alpha"), capped);
        var request = Requests.Json("""
            {"organisation":{"type":"registered_association"},"project":{"location":"germany","requestedAmountEur":5000},
             "includeNotEligible":true,"language":"en","asOf":"2026-03-02"}
            """);

        var response = await ResultExecution.ExecuteAsync(await harness.Match.Match(request, CancellationToken.None), request.HttpContext);

        var json = JObject.Parse(response.Body);
        Assert.Equal(["catalogueVersion", "catalogueMayBeStale", "asOf", "language", "counts", "results"], Names(json)); // nothing is left open, so no next question
        Assert.Equal(["eligible", "needsInformation", "notEligible"], Names(json["counts"]!));
        var eligible = json["results"]!.Single(r => (string?)r["programmeId"] == "alpha");
        Assert.Equal(
            ["programmeId", "name", "purpose", "funder", "url", "verdict", "verdictText", "score", "scoreBreakdown", "criteria",
             "checkYourself", "howToBecomeEligible", "lastVerified", "stale", "unconfirmed", "status"],
            Names(eligible));
        Assert.Equal(
            ["thematicFit", "amountFit", "regionSpecificity", "deadlineReachable", "madeForMsos", "firstTimeFriendly", "total"],
            Names(eligible["scoreBreakdown"]!));
        Assert.Equal((int)eligible["score"]!, (int)eligible["scoreBreakdown"]!["total"]!);
        var criterion = eligible["criteria"]![0]!;
        Assert.Equal(["kind", "outcome", "message", "messageKey", "params", "source", "unconfirmed"], Names(criterion));
        Assert.Equal("applicant_type", (string?)criterion["kind"]);
        Assert.Equal(["registered_association"], criterion["params"]!["allowed"]!.ToObject<string[]>()!);

        var tooMuch = json["results"]!.Single(r => (string?)r["programmeId"] == "gamma");
        Assert.Equal("not_eligible", (string?)tooMuch["verdict"]);
        Assert.Null(tooMuch["score"]);
        Assert.Equal(["maxEur", "unconfirmed"], Names(tooMuch["amount"]!));
        Assert.Equal(1000, (long)tooMuch["amount"]!["maxEur"]!);
        var amount = tooMuch["criteria"]!.Single(c => (string?)c["kind"] == "amount");
        Assert.Equal(["url", "verified"], Names(amount["source"]!));
        Assert.Equal("2026-01-15", (string?)amount["source"]!["verified"]);
        Assert.EndsWith("(Unconfirmed: check with the funder.)", (string?)amount["message"]);
        var fix = Assert.Single(tooMuch["howToBecomeEligible"]!);
        Assert.Equal(["key", "params", "text"], Names(fix));
        Assert.Equal(1000, (long)fix["params"]!.First!.First!);
        Assert.Equal("Unconfirmed: check with the funder.", (string?)tooMuch["notice"]);
    }

    private static List<string> Names(JToken token) => ((JObject)token).Properties().Select(p => p.Name).ToList();

    [Fact]
    public async Task A_problem_without_errors_leaves_the_errors_member_out()
    {
        var result = await Catalogue().Programmes.Get(Requests.Get(), "zulu", CancellationToken.None);

        var response = await ResultExecution.ExecuteAsync(result);

        Assert.Equal(404, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Null(JObject.Parse(response.Body)["errors"]);
    }

    [Fact]
    public async Task A_problem_is_problem_json_even_when_the_client_asks_for_html()
    {
        var request = Requests.Json("text", "text/plain");
        request.Headers.Accept = "text/html,application/xhtml+xml";
        var result = await Catalogue().Match.Match(request, CancellationToken.None);

        var response = await ResultExecution.ExecuteAsync(result, request.HttpContext);

        Assert.Equal(415, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task A_match_result_is_camel_case_json_with_snake_case_codes_and_plain_dates()
    {
        var request = Requests.Json(Association);
        var result = await Catalogue().Match.Match(request, CancellationToken.None);

        var response = await ResultExecution.ExecuteAsync(result, request.HttpContext);

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.ContentType);
        var json = JObject.Parse(response.Body);
        Assert.False((bool)json["catalogueMayBeStale"]!);
        Assert.Equal("2026-03-02", (string?)json["asOf"]);
        Assert.Equal("de", (string?)json["language"]);
        Assert.Equal(1, (int?)json["counts"]!["notEligible"]);
        var first = json["results"]![0]!;
        Assert.Equal("alpha", (string?)first["programmeId"]);
        Assert.Equal("eligible", (string?)first["verdict"]);
        Assert.Equal("active", (string?)first["status"]);
        Assert.Equal("2026-01-15", (string?)first["lastVerified"]);
        Assert.Contains(first["criteria"]!, c => (string?)c["kind"] == "applicant_type" && (string?)c["outcome"] == "met");
        Assert.DoesNotContain("\"Verdict\"", response.Body);
        Assert.DoesNotContain("NotEligible", response.Body);
    }

    [Fact]
    public async Task A_programme_is_sent_with_its_etag_and_its_criteria_by_kind()
    {
        var request = Requests.Get();
        var result = await Catalogue().Programmes.Get(request, "beta", CancellationToken.None);

        var response = await ResultExecution.ExecuteAsync(result, request.HttpContext);

        Assert.Equal(200, response.Status);
        Assert.Equal("\"r2\"", response.Headers.ETag.ToString());
        var json = JObject.Parse(response.Body);
        Assert.Equal("federal_bmz", (string?)json["funderCategory"]);
        Assert.Equal("grant", (string?)json["supportType"]);
        var criterion = json["criteria"]![0]!;
        Assert.Equal("applicant_type", (string?)criterion["kind"]);
        Assert.Equal(["municipality"], criterion["anyOf"]!.Values<string>());
        Assert.Null(json["$type"]);
        Assert.Null(json["statusNote"]);
    }

    [Fact]
    public async Task Storage_unavailable_is_sent_as_503_problem_json_with_retry_after()
    {
        var harness = Catalogue();
        harness.Store.Setup(s => s.ArchiveAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("down"));
        var result = await harness.Programmes.Delete(Requests.Get(), "alpha", CancellationToken.None);

        var response = await ResultExecution.ExecuteAsync(result);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, response.Status);
        Assert.Equal("10", response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.Equal("urn:foerderfinder:problem:storage-unavailable", (string?)JObject.Parse(response.Body)["type"]);
    }

    [Fact]
    public async Task A_degraded_health_report_is_sent_as_503_json()
    {
        var harness = Catalogue();
        harness.StorageFails();
        var request = Requests.Get();
        var result = await harness.Health.Get(request, CancellationToken.None);

        var response = await ResultExecution.ExecuteAsync(result, request.HttpContext);

        Assert.Equal(503, response.Status);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        var json = JObject.Parse(response.Body);
        Assert.Equal("degraded", (string?)json["status"]);
        Assert.False((bool)json["storage"]!["reachable"]!);
    }

    [Fact]
    public async Task The_profile_schema_is_sent_with_camel_case_fields()
    {
        var request = Requests.Get();
        var result = new Harness().ProfileSchema.Get(request);

        var response = await ResultExecution.ExecuteAsync(result, request.HttpContext);

        var json = JObject.Parse(response.Body);
        var type = json["fields"]!.Single(f => (string?)f["field"] == "organisation.type");
        Assert.Equal("enum", (string?)type["type"]);
        Assert.Equal("registered_association", (string?)type["values"]![0]!["value"]);
        Assert.NotNull(type["label"]!["de"]);
        Assert.NotNull(type["label"]!["en"]);
    }

    [Theory]
    [InlineData("registered_association", "de")]
    [InlineData("ggmbh", "en")]
    [InlineData("municipality", "de")]
    public void Criteria_kept_rendered_for_every_profile_read_as_if_rendered_for_this_answer(string type, string language)
    {
        var catalogue = new FoerderFinder.Domain.Catalogue.CatalogueSnapshot("test", Programmes.Shipped());
        var profile = FoerderFinder.Domain.Json.FoerderFinderJson.Deserialize<FoerderFinder.Domain.Profiles.Profile>($$"""
            {"organisation":{"type":"{{type}}","migrantLed":true,"state":"DE-NW","municipality":"Münster"},
             "project":{"location":"abroad","countries":["GH"],"requestedAmountEur":12000,"plannedStart":"2027-06-01"} }
            """);
        var result = FoerderFinder.Domain.Matching.Matcher.Match(catalogue, profile,
            new FoerderFinder.Domain.Matching.MatchOptions { AsOf = new DateOnly(2026, 11, 24), Limit = 200, IncludeNotEligible = true });
        var lang = language == "en" ? FoerderFinder.Domain.Vocabulary.Language.En : FoerderFinder.Domain.Vocabulary.Language.De;
        var unshared = result with
        {
            Results = [.. result.Results.Select(m => m with { Criteria = [.. m.Criteria.Select(c => c with { SharedAcrossProfiles = false })] })],
        };

        // Sources equal to the catalogue's but held in strings of their own, as a curated copy would have them.
        var copiedSources = unshared with
        {
            Results = [.. unshared.Results.Select(m => m with
            {
                Criteria = [.. m.Criteria.Select(c => c with { Source = c.Source is { } s ? s with { Url = new string(s.Url.AsSpan()) } : null })],
            })],
        };

        var kept = FoerderFinder.Domain.Json.FoerderFinderJson.Serialize(new FoerderFinder.Functions.Api.MatchAnswer(result, lang, false));
        var keptAgain = FoerderFinder.Domain.Json.FoerderFinderJson.Serialize(new FoerderFinder.Functions.Api.MatchAnswer(result, lang, false));
        var fresh = FoerderFinder.Domain.Json.FoerderFinderJson.Serialize(new FoerderFinder.Functions.Api.MatchAnswer(unshared, lang, false));

        Assert.Contains(result.Results.SelectMany(m => m.Criteria), c => c.SharedAcrossProfiles);
        Assert.Equal(fresh, kept);
        Assert.Equal(fresh, keptAgain);
        Assert.Equal(fresh, FoerderFinder.Domain.Json.FoerderFinderJson.Serialize(new FoerderFinder.Functions.Api.MatchAnswer(copiedSources, lang, false)));
    }
}
