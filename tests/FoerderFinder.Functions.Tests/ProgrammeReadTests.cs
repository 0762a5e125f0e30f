using FoerderFinder.Functions.Api;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Functions.Functions;
using FoerderFinder.Functions.Storage;
using FoerderFinder.Functions.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Moq;

namespace FoerderFinder.Functions.Tests;

public sealed class ProgrammeReadTests
{
    private static Harness Catalogue() => new(Programmes.Valid("alpha"), Programmes.Valid("bravo"));

    [Fact]
    public async Task Get_returns_the_programme_with_its_etag()
    {
        var request = Requests.Get();

        var result = await Catalogue().Programmes.Get(request, "bravo", CancellationToken.None);

        var programme = Assert.IsType<Programme>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal("bravo", programme.Id);
        Assert.Equal("\"r2\"", request.HttpContext.Response.Headers.ETag.ToString());
    }

    [Theory]
    [InlineData("zulu")]
    [InlineData("ALPHA")]
    [InlineData("import")]
    public async Task Get_of_an_unknown_id_is_404_problem(string id)
    {
        var request = Requests.Get();

        var problem = ProblemAssert.Is(404, await Catalogue().Programmes.Get(request, id, CancellationToken.None));

        Assert.Equal("urn:foerderfinder:problem:not-found", problem.Type);
        Assert.Contains(id, problem.Detail);
        Assert.Equal(0, request.HttpContext.Response.Headers.ETag.Count);
    }

    [Fact]
    public async Task Get_of_a_very_long_id_does_not_echo_all_of_it()
    {
        var id = new string('a', 10_000);

        var problem = ProblemAssert.Is(404, await Catalogue().Programmes.Get(Requests.Get(), id, CancellationToken.None));

        Assert.True(problem.Detail!.Length < 200);
    }

    [Fact]
    public async Task History_lists_every_version_with_its_etag()
    {
        var harness = Catalogue();
        var at = Harness.Now.AddDays(-3);
        harness.Store.Setup(s => s.HistoryAsync("alpha", It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new ProgrammeVersion(3, "import", at.AddDays(2), Archived: true, Programme: null),
            new ProgrammeVersion(2, "put", at.AddDays(1), Archived: false, Programme: Programmes.Valid("alpha")),
            new ProgrammeVersion(1, "seed", at, Archived: false, Programme: Programmes.Valid("alpha")),
        ]);

        var result = await harness.Programmes.History(Requests.Get(), "alpha", CancellationToken.None);

        var entries = Assert.IsAssignableFrom<IReadOnlyList<HistoryEntry>>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal(["\"r3\"", "\"r2\"", "\"r1\""], entries.Select(e => e.ETag));
        Assert.True(entries[0].Archived);
        Assert.Null(entries[0].Programme);
    }

    [Fact]
    public async Task History_of_an_id_never_stored_is_404()
    {
        var harness = Catalogue();
        harness.Store.Setup(s => s.HistoryAsync("zulu", It.IsAny<CancellationToken>())).ReturnsAsync([]);

        ProblemAssert.Is(404, await harness.Programmes.History(Requests.Get(), "zulu", CancellationToken.None));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Alpha")]
    [InlineData("al/pha")]
    [InlineData("al#pha")]
    public async Task History_of_an_impossible_id_is_404_without_asking_storage(string id)
    {
        var harness = Catalogue();

        ProblemAssert.Is(404, await harness.Programmes.History(Requests.Get(), id, CancellationToken.None));

        harness.Store.Verify(s => s.HistoryAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task History_when_storage_is_unavailable_is_503_with_retry_after()
    {
        var harness = Catalogue();
        harness.Store.Setup(s => s.HistoryAsync("alpha", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("down"));

        var result = await harness.Programmes.History(Requests.Get(), "alpha", CancellationToken.None);

        var retry = Assert.IsType<RetryAfterResult>(result);
        ProblemAssert.Is(503, retry.Inner);
        Assert.Equal(10, retry.Seconds);
    }
}
