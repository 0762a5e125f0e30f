using System.Text;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Vocabulary;
using FoerderFinder.Functions.Functions;
using FoerderFinder.Functions.Tests.Support;
using Microsoft.AspNetCore.Mvc;

namespace FoerderFinder.Functions.Tests;

public sealed class ProgrammeListTests
{
    private static Harness Catalogue() => new(
        Programmes.Valid("delta", funder: "Land NRW", seatRegions: ["DE-NW"], themes: ["fair_trade"]),
        Programmes.Valid("alpha"),
        Programmes.MunicipalOnly("charlie"),
        Programmes.Valid("echo", status: ProgrammeStatus.Paused),
        Programmes.Valid("bravo", funder: "Stiftung Umverteilung", themes: ["fair_trade", "human_rights"]));

    private static async Task<IActionResult> List(Harness harness, string query = "") =>
        await harness.Programmes.List(Requests.Get(query), CancellationToken.None);

    private static ProgrammePage Page(IActionResult result) =>
        Assert.IsType<ProgrammePage>(Assert.IsType<OkObjectResult>(result).Value);

    private static IEnumerable<string> Ids(ProgrammePage page) => page.Items.Select(p => p.Id);

    [Fact]
    public void The_test_programmes_are_valid_catalogue_entries()
    {
        foreach (var programme in new[] { Programmes.Valid("alpha", seatRegions: ["DE-NW"]), Programmes.MunicipalOnly("beta") })
        {
            Assert.Empty(ProgrammeValidator.Validate(programme));
        }
    }

    [Fact]
    public async Task Without_filters_every_programme_is_listed_in_id_order()
    {
        var page = Page(await List(Catalogue()));

        Assert.Equal(["alpha", "bravo", "charlie", "delta", "echo"], Ids(page));
        Assert.Null(page.ContinuationToken);
        Assert.Equal("2026-03-01.1", page.CatalogueVersion);
    }

    [Theory]
    [InlineData("?funder=nrw", new[] { "delta" })]
    [InlineData("?funder=federal_bmz", new[] { "alpha", "bravo", "charlie", "delta", "echo" })]
    [InlineData("?status=paused", new[] { "echo" })]
    [InlineData("?theme=fair_trade", new[] { "bravo", "delta" })]
    [InlineData("?applicantType=municipality", new[] { "charlie" })]
    [InlineData("?land=DE-BY", new[] { "alpha", "bravo", "charlie", "echo" })]
    [InlineData("?land=DE-NW&theme=fair_trade", new[] { "bravo", "delta" })]
    [InlineData("?status=active&theme=human_rights", new[] { "bravo" })]
    [InlineData("?theme=migration_development", new string[0])]
    public async Task Filters_narrow_the_list(string query, string[] expected)
    {
        Assert.Equal(expected, Ids(Page(await List(Catalogue(), query))));
    }

    [Fact]
    public async Task The_function_key_in_the_query_is_not_an_unknown_parameter()
    {
        Assert.Equal(5, Page(await List(Catalogue(), "?code=secret")).Items.Count);
    }

    [Fact]
    public async Task Continuation_tokens_page_through_every_programme_exactly_once()
    {
        var harness = Catalogue();
        var pages = new List<ProgrammePage> { Page(await List(harness, "?pageSize=2")) };
        while (pages[^1].ContinuationToken is { } token)
        {
            Assert.True(pages.Count < 10, "paging does not end");
            pages.Add(Page(await List(harness, "?pageSize=2&continuationToken=" + Uri.EscapeDataString(token))));
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(["alpha", "bravo", "charlie", "delta", "echo"], pages.SelectMany(Ids));
    }

    [Fact]
    public async Task Continuation_tokens_keep_to_the_filter()
    {
        var harness = Catalogue();
        var first = Page(await List(harness, "?status=active&pageSize=2"));
        var second = Page(await List(harness, "?status=active&pageSize=2&continuationToken=" + Uri.EscapeDataString(first.ContinuationToken!)));

        Assert.Equal(["alpha", "bravo"], Ids(first));
        Assert.Equal(["charlie", "delta"], Ids(second));
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public async Task A_full_last_page_has_no_continuation_token()
    {
        Assert.Null(Page(await List(Catalogue(), "?pageSize=5")).ContinuationToken);
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("%%%")]
    [InlineData("YWZ0ZXI6")]
    public async Task A_token_this_api_did_not_issue_is_400(string token)
    {
        ProblemAssert.NamesField("continuationToken", await List(Catalogue(), "?continuationToken=" + Uri.EscapeDataString(token)));
    }

    [Theory]
    [InlineData("before:alpha")]
    [InlineData("after:../../etc")]
    [InlineData("after:ALPHA")]
    public async Task A_forged_token_is_400(string content)
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(content));

        ProblemAssert.NamesField("continuationToken", await List(Catalogue(), "?continuationToken=" + Uri.EscapeDataString(token)));
    }

    [Theory]
    [InlineData("?status=open", "status")]
    [InlineData("?status=Active", "status")]
    [InlineData("?applicantType=club", "applicantType")]
    [InlineData("?theme=knitting", "theme")]
    [InlineData("?land=NRW", "land")]
    [InlineData("?land=DE-NW-muenster", "land")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=ten", "pageSize")]
    public async Task An_unknown_filter_value_is_400_naming_the_parameter(string query, string field)
    {
        ProblemAssert.NamesField(field, await List(Catalogue(), query));
    }

    [Theory]
    [InlineData("?colour=blue", "colour")]
    [InlineData("?Status=active", "Status")]
    [InlineData("?page=2", "page")]
    public async Task An_unknown_query_parameter_is_400_naming_it(string query, string field)
    {
        ProblemAssert.NamesField(field, await List(Catalogue(), query));
    }

    [Fact]
    public async Task Every_bad_parameter_is_reported_at_once()
    {
        var problem = ProblemAssert.Is(400, await List(Catalogue(), "?status=open&pageSize=0&colour=blue"));

        Assert.Equal(["colour", "pageSize", "status"], problem.Errors!.Select(e => e.Field).Order(StringComparer.Ordinal));
    }
}
