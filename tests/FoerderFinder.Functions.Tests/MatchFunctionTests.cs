using System.Text;
using FoerderFinder.Domain.Vocabulary;
using FoerderFinder.Functions.Api;
using FoerderFinder.Functions.Functions;
using FoerderFinder.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;

namespace FoerderFinder.Functions.Tests;

public sealed class MatchFunctionTests
{
    private const string Association = """
        {"organisation":{"type":"registered_association","state":"DE-NW"},"project":{"location":"germany"},"asOf":"2026-03-02"}
        """;

    private static async Task<IActionResult> Post(Harness harness, HttpRequest request) =>
        await harness.Match.Match(request, CancellationToken.None);

    private static async Task<IActionResult> Post(Harness harness, string json) => await Post(harness, Requests.Json(json));

    private static Harness TwoProgrammes() => new(Programmes.Valid("alpha"), Programmes.MunicipalOnly("beta"));

    private static Task<MatchReply> Ok(IActionResult result) => MatchReply.ReadAsync(Assert.IsType<OkObjectResult>(result));

    [Fact]
    public async Task Association_gets_200_with_the_programme_it_is_eligible_for()
    {
        var response = await Ok(await Post(TwoProgrammes(), Association));

        var only = Assert.Single(response.Results);
        Assert.Equal("alpha", only.ProgrammeId);
        Assert.Equal(Verdict.Eligible, only.Verdict);
        Assert.Equal(new MatchReplyCounts(1, 0, 1), response.Counts);
        Assert.Equal("2026-03-01.1", response.CatalogueVersion);
        Assert.False(response.CatalogueMayBeStale);
    }

    [Fact]
    public async Task Not_eligible_programmes_are_listed_only_when_asked_for()
    {
        var response = await Ok(await Post(TwoProgrammes(), Association.Replace("\"asOf\"", "\"includeNotEligible\":true,\"asOf\"")));

        Assert.Equal(2, response.Results.Count);
        Assert.Equal(Verdict.NotEligible, response.Results.Single(r => r.ProgrammeId == "beta").Verdict);
    }

    [Fact]
    public async Task Results_are_rendered_in_the_requested_language()
    {
        var german = await Ok(await Post(TwoProgrammes(), Association));
        var english = await Ok(await Post(TwoProgrammes(), Association.Replace("\"asOf\"", "\"language\":\"en\",\"asOf\"")));

        Assert.Equal(Language.De, german.Language);
        Assert.Equal("Programm alpha", german.Results[0].Name);
        Assert.Equal(Language.En, english.Language);
        Assert.Equal("Programme alpha", english.Results[0].Name);
    }

    [Fact]
    public async Task Without_asOf_the_injected_clock_decides_the_day()
    {
        var response = await Ok(await Post(TwoProgrammes(), """{"organisation":{"type":"registered_association"}}"""));

        Assert.Equal(DateOnly.FromDateTime(Harness.Now.UtcDateTime), response.AsOf);
    }

    [Fact]
    public async Task Limit_caps_the_number_of_results()
    {
        var harness = new Harness(Programmes.Valid("alpha"), Programmes.Valid("gamma"), Programmes.Valid("delta"));

        var response = await Ok(await Post(harness, Association.Replace("\"asOf\"", "\"limit\":2,\"asOf\"")));

        Assert.Equal(2, response.Results.Count);
        Assert.Equal(3, response.Counts.Eligible);
    }

    [Fact]
    public async Task An_empty_profile_is_valid_and_leaves_programmes_needing_information()
    {
        var response = await Ok(await Post(TwoProgrammes(), "{}"));

        Assert.Equal(new MatchReplyCounts(0, 2, 0), response.Counts);
        Assert.NotNull(response.NextQuestion);
    }

    [Fact]
    public async Task Matching_reads_the_catalogue_from_storage_once_not_per_request()
    {
        var harness = TwoProgrammes();

        for (var i = 0; i < 3; i++)
        {
            await Ok(await Post(harness, Association));
        }

        harness.Store.Verify(s => s.LoadAsync(It.IsAny<CancellationToken>()), Times.Once);
        harness.Store.Verify(s => s.ReadGenerationAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("""{"organisation":{"colour":"blue"}}""", "organisation.colour")]
    [InlineData("""{"profile":{}}""", "profile")]
    [InlineData("""{"organisation":{"type":"club"}}""", "organisation.type")]
    [InlineData("""{"organisation":{"type":"RegisteredAssociation"}}""", "organisation.type")]
    [InlineData("""{"organisation":{"charitable":"true"}}""", "organisation.charitable")]
    [InlineData("""{"organisation":{"foundedYear":"2001"}}""", "organisation.foundedYear")]
    [InlineData("""{"project":{"requestedAmountEur":"5000"}}""", "project.requestedAmountEur")]
    [InlineData("""{"project":{"requestedAmountEur":12.5}}""", "project.requestedAmountEur")]
    [InlineData("""{"project":{"ownContributionPercent":true}}""", "project.ownContributionPercent")]
    [InlineData("""{"organisation":{"type":0}}""", "organisation.type")]
    [InlineData("""{"project":{"location":"moon"}}""", "project.location")]
    [InlineData("""{"language":"fr"}""", "language")]
    [InlineData("""{"organisation":{"foundedYear":"nineteen"}}""", "organisation.foundedYear")]
    [InlineData("""{"organisation":{"foundedYear":99999999999}}""", "organisation.foundedYear")]
    [InlineData("""{"organisation":{"migrantLed":"yes"}}""", "organisation.migrantLed")]
    [InlineData("""{"project":{"countries":"GH"}}""", "project.countries")]
    [InlineData("""{"project":{"requestedAmountEur":-1}}""", "project.requestedAmountEur")]
    [InlineData("""{"project":{"requestedAmountEur":100000001}}""", "project.requestedAmountEur")]
    [InlineData("""{"project":{"ownContributionPercent":101}}""", "project.ownContributionPercent")]
    [InlineData("""{"project":{"durationMonths":0}}""", "project.durationMonths")]
    [InlineData("""{"project":{"plannedStart":"2026-02-30"}}""", "project.plannedStart")]
    [InlineData("""{"project":{"plannedStart":"02.03.2026"}}""", "project.plannedStart")]
    [InlineData("""{"project":{"plannedStart":"x Path 'limit'."}}""", "project.plannedStart")]
    [InlineData("""{"organisation":{"foundedYear":1999.5}}""", "organisation.foundedYear")]
    [InlineData("""{"asOf":"2026-13-01"}""", "asOf")]
    [InlineData("""{"asOf":"1999-12-31"}""", "asOf")]
    [InlineData("""{"organisation":{"state":"DE-XX"}}""", "organisation.state")]
    [InlineData("""{"project":{"state":"NRW"}}""", "project.state")]
    [InlineData("""{"project":{"countries":["XX"]}}""", "project.countries[0]")]
    [InlineData("""{"project":{"themes":["global_learning","knitting"]}}""", "project.themes[1]")]
    [InlineData("""{"limit":0}""", "limit")]
    [InlineData("""{"limit":201}""", "limit")]
    public async Task Invalid_request_is_400_problem_naming_the_field(string json, string field)
    {
        var problem = ProblemAssert.NamesField(field, await Post(TwoProgrammes(), json));

        Assert.Equal("urn:foerderfinder:problem:invalid-request", problem.Type);
        Assert.All(problem.Errors!, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Theory]
    [InlineData("""{"organisation":{"foundedYear":"nineteen"}}""")]
    [InlineData("""{"organisation":{"type":"club"}}""")]
    [InlineData("""{"project":{"plannedStart":"2026-02-30"}}""")]
    public async Task Error_messages_do_not_leak_dotnet_type_names(string json)
    {
        var problem = ProblemAssert.Is(400, await Post(TwoProgrammes(), json));

        Assert.All(problem.Errors!, e =>
        {
            Assert.DoesNotContain("System.", e.Message);
            Assert.DoesNotContain("FoerderFinder.", e.Message);
        });
    }

    [Fact]
    public async Task Unknown_enum_value_points_to_the_profile_schema()
    {
        var problem = ProblemAssert.NamesField("organisation.type", await Post(TwoProgrammes(), """{"organisation":{"type":"club"}}"""));

        Assert.Contains("/api/profile-schema", problem.Errors![0].Message);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_not_only_the_first()
    {
        var problem = ProblemAssert.Is(400, await Post(TwoProgrammes(),
            """{"organisation":{"state":"DE-XX"},"project":{"requestedAmountEur":-1,"durationMonths":0},"limit":0}"""));

        Assert.Equal(
            ["limit", "organisation.state", "project.durationMonths", "project.requestedAmountEur"],
            problem.Errors!.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Body_over_64_KB_with_declared_length_is_413()
    {
        var body = Encoding.UTF8.GetBytes("{}" + new string(' ', (int)MatchFunctions.MaxBodyBytes));

        var problem = ProblemAssert.Is(413, await Post(TwoProgrammes(), Requests.Body(body, "application/json")));

        Assert.Equal("urn:foerderfinder:problem:payload-too-large", problem.Type);
    }

    [Fact]
    public async Task Body_over_64_KB_sent_without_length_is_413()
    {
        var body = Encoding.UTF8.GetBytes("{}" + new string(' ', (int)MatchFunctions.MaxBodyBytes));

        ProblemAssert.Is(413, await Post(TwoProgrammes(), Requests.Body(body, "application/json", chunked: true)));
    }

    [Fact]
    public async Task Body_of_exactly_64_KB_is_accepted()
    {
        var json = Association.Trim();
        var body = Encoding.UTF8.GetBytes(json + new string(' ', (int)MatchFunctions.MaxBodyBytes - json.Length));
        Assert.Equal(MatchFunctions.MaxBodyBytes, body.Length);

        await Ok(await Post(TwoProgrammes(), Requests.Body(body, "application/json", chunked: true)));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task Body_that_is_not_declared_json_is_415(string? contentType)
    {
        var problem = ProblemAssert.Is(415, await Post(TwoProgrammes(), Requests.Body(Encoding.UTF8.GetBytes(Association), contentType)));

        Assert.Equal("urn:foerderfinder:problem:unsupported-media-type", problem.Type);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("application/vnd.foerderfinder+json")]
    public async Task Json_media_types_with_parameters_or_suffix_are_accepted(string contentType)
    {
        await Ok(await Post(TwoProgrammes(), Requests.Json(Association, contentType)));
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        var body = "{\"organisation\":{\"municipality\":\"M"u8.ToArray().Concat(new byte[] { 0xFC }).Concat("nster\"}}"u8.ToArray()).ToArray();

        var problem = ProblemAssert.NamesField("$", await Post(TwoProgrammes(), Requests.Body(body, "application/json")));

        Assert.Contains("UTF-8", problem.Errors![0].Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n ")]
    [InlineData("null")]
    public async Task Empty_body_is_400(string body)
    {
        ProblemAssert.NamesField("$", await Post(TwoProgrammes(), body));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"organisation\"")]
    [InlineData("{\"organisation\":{}")]
    [InlineData("{} {}")]
    public async Task Malformed_or_non_object_json_is_400(string body)
    {
        ProblemAssert.Is(400, await Post(TwoProgrammes(), body));
    }

    [Fact]
    public async Task Deeply_nested_json_is_400()
    {
        var depth = 10_000;
        var body = "{\"organisation\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth + 1);

        ProblemAssert.Is(400, await Post(TwoProgrammes(), body));
    }

    [Fact]
    public async Task Deeply_nested_array_is_400()
    {
        var body = "{\"project\":{\"countries\":" + new string('[', 10_000) + new string(']', 10_000) + "}}";

        ProblemAssert.Is(400, await Post(TwoProgrammes(), body));
    }

    [Theory]
    [InlineData(StatusCodes.Status400BadRequest, 400)]
    [InlineData(StatusCodes.Status413PayloadTooLarge, 413)]
    public async Task A_body_the_server_cannot_read_whole_is_a_client_error(int serverStatus, int expected)
    {
        var request = Requests.Json(Association);
        request.Body = new BrokenBody(new BadHttpRequestException("Unexpected end of request content.", serverStatus));

        ProblemAssert.Is(expected, await Post(TwoProgrammes(), request));
    }

    private sealed class BrokenBody(Exception error) : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(error);
    }

    [Fact]
    public async Task When_storage_fails_after_the_first_load_the_cached_catalogue_is_served_as_maybe_stale()
    {
        var harness = TwoProgrammes();
        Assert.False((await Ok(await Post(harness, Association))).CatalogueMayBeStale);

        harness.StorageFails();
        harness.Clock.Advance(new Storage.CatalogueCacheOptions().RefreshInterval + TimeSpan.FromSeconds(1));
        // This request starts the background refresh, which fails; a later one sees the result.
        await Ok(await Post(harness, Association));
        var stale = await Eventually(async () => await Ok(await Post(harness, Association)), r => r.CatalogueMayBeStale);

        Assert.True(stale.CatalogueMayBeStale);
        Assert.Equal("alpha", Assert.Single(stale.Results).ProgrammeId);
        Assert.Equal("2026-03-01.1", stale.CatalogueVersion);
    }

    [Fact]
    public async Task When_storage_is_down_from_the_start_match_answers_503_instead_of_an_empty_list()
    {
        var harness = TwoProgrammes();
        harness.StorageFails();

        var result = Assert.IsType<RetryAfterResult>(await Post(harness, Association));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, result.Inner.StatusCode);
        Assert.Contains(Problems.ContentType, result.Inner.ContentTypes);
        Assert.True(result.Seconds > 0);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> get, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await get();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(10);
        }
    }
}
