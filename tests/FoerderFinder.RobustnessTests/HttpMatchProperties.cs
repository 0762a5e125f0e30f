using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.IntegrationTests;
using FoerderFinder.RobustnessTests.Support;
using FsCheck;
using FsCheck.Fluent;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.RobustnessTests;

/// <summary>Generated match requests through HTTP: the DevHost, the real catalogue in Azurite.</summary>
[Collection(RobustnessCollection.Name)]
public sealed class HttpMatchProperties(AzuriteFixture azurite)
{
    private static Config Runs(int count) => Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true);

    private static (int Status, string? MediaType, byte[] Body) Post(DevHostServer server, string json) =>
        Task.Run(async () =>
        {
            using var response = await server.Client.PostAsync("/api/match", Responses.Json(json));
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
        }).GetAwaiter().GetResult();

    [Fact]
    public async Task A_generated_profile_is_answered_as_the_matcher_answers_it_or_refused_with_the_fields_named()
    {
        var server = await azurite.ReadOnlyServerAsync();
        var catalogue = new CatalogueSnapshot("test", CatalogueFile.Load(RepoPaths.Catalogue).Document!.Programmes);

        Check.One(Runs(200), Prop.ForAll(ProfileGenerators.Inputs.ToArbitrary(), input =>
        {
            var (status, mediaType, body) = Post(server, ProfileGenerators.ToJson(input).ToString(Formatting.None));

            Assert.Empty(Responses.Problems(status, mediaType, body, hostLevelAllowed: false));
            var errors = ProfileValidator.Validate(input.Profile, input.AsOf).Select(e => e.Field).ToList();
            if (input.Limit is < 1 or > 200)
            {
                errors.Add("limit");
            }
            var answer = JObject.Parse(System.Text.Encoding.UTF8.GetString(body));
            if (errors.Count > 0)
            {
                Assert.Equal(400, status);
                Assert.Equal(errors.Order(StringComparer.Ordinal), answer["errors"]!.Select(e => (string)e["field"]!).Order(StringComparer.Ordinal));
                return;
            }
            Assert.Equal(200, status);
            var expected = Matcher.Match(catalogue, input.Profile, new MatchOptions { AsOf = input.AsOf, Limit = input.Limit, IncludeNotEligible = input.IncludeNotEligible });
            Assert.Equal(
                expected.Results.Select(r => $"{r.Programme.Id} {Domain.Json.EnumCodes.Of(r.Verdict)} {r.Score?.Total}"),
                answer["results"]!.Select(r => $"{r["programmeId"]} {r["verdict"]} {(int?)r["score"]}"));
            Assert.Equal(expected.EligibleCount, (int)answer["counts"]!["eligible"]!);
            Assert.Equal(expected.NotEligibleCount, (int)answer["counts"]!["notEligible"]!);
            Assert.False((bool)answer["catalogueMayBeStale"]!);
        }));
    }

    [Fact]
    public async Task A_request_with_junk_of_any_type_in_any_field_never_gets_a_5xx()
    {
        var server = await azurite.ReadOnlyServerAsync();

        Check.One(Runs(300), Prop.ForAll(ProfileGenerators.JsonRequests.ToArbitrary(), request =>
        {
            var (status, mediaType, body) = Post(server, request.ToString(Formatting.None));

            Assert.Empty(Responses.Problems(status, mediaType, body, hostLevelAllowed: false));
            Assert.True(status is 200 or 400, $"Expected 200 or 400, got {status}");
        }));

        Assert.Equal(System.Net.HttpStatusCode.OK, (await server.Client.GetAsync("/api/health")).StatusCode);
    }
}
