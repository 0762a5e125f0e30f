using FoerderFinder.Functions.Functions;
using FoerderFinder.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;

namespace FoerderFinder.Functions.Tests;

public sealed class HealthFunctionTests
{
    private readonly Harness _harness = new(Programmes.Valid("alpha"), Programmes.Valid("bravo"));

    private async Task<(int Status, HealthReport Report, HttpRequest Request)> Check()
    {
        var request = Requests.Get();
        var result = Assert.IsType<ObjectResult>(await _harness.Health.Get(request, CancellationToken.None));
        return (result.StatusCode!.Value, Assert.IsType<HealthReport>(result.Value), request);
    }

    [Fact]
    public async Task Reachable_storage_is_200_healthy_with_the_catalogue_served()
    {
        var (status, report, request) = await Check();

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("healthy", report.Status);
        Assert.True(report.Storage.Reachable);
        Assert.Null(report.Storage.LastFailureAt);
        Assert.Equal(new CatalogueHealth("2026-03-01.1", 2, Harness.Now, MayBeStale: false), report.Catalogue);
        Assert.Equal("no-store", request.HttpContext.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task Storage_failing_after_the_first_load_is_503_degraded_still_naming_the_catalogue_served()
    {
        await Check();
        _harness.StorageFails();
        _harness.Clock.Advance(HealthFunctions.MaxCheckAge);

        var (status, report, _) = await Check();

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal("degraded", report.Status);
        Assert.False(report.Storage.Reachable);
        Assert.Equal(_harness.Clock.GetUtcNow(), report.Storage.LastFailureAt);
        Assert.Equal("2026-03-01.1", report.Catalogue.Version);
        Assert.Equal(2, report.Catalogue.Programmes);
        Assert.True(report.Catalogue.MayBeStale);
    }

    [Fact]
    public async Task Storage_down_from_the_start_is_503_degraded_with_an_empty_catalogue()
    {
        _harness.StorageFails();

        var (status, report, _) = await Check();

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal("degraded", report.Status);
        Assert.Equal("empty", report.Catalogue.Version);
        Assert.Equal(0, report.Catalogue.Programmes);
    }

    [Fact]
    public async Task Health_turns_healthy_again_when_storage_comes_back()
    {
        _harness.StorageFails();
        Assert.Equal(503, (await Check()).Status);

        _harness.Store.Setup(s => s.ReadGenerationAsync(It.IsAny<CancellationToken>())).ReturnsAsync(1);
        _harness.Clock.Advance(HealthFunctions.MaxCheckAge);
        var (status, report, _) = await Check();

        Assert.Equal(200, status);
        Assert.Equal(2, report.Catalogue.Programmes);
    }

    [Fact]
    public async Task Frequent_probes_ask_storage_at_most_once_per_check_age()
    {
        await Check();
        _harness.Clock.Advance(HealthFunctions.MaxCheckAge / 2);
        await Check();
        await Check();

        _harness.Store.Verify(s => s.ReadGenerationAsync(It.IsAny<CancellationToken>()), Times.Once);

        _harness.Clock.Advance(HealthFunctions.MaxCheckAge);
        await Check();

        _harness.Store.Verify(s => s.ReadGenerationAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
        _harness.Store.Verify(s => s.LoadAsync(It.IsAny<CancellationToken>()), Times.Once);
    }
}
