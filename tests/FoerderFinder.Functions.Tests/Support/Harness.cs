using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Functions.Functions;
using FoerderFinder.Functions.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FoerderFinder.Functions.Tests.Support;

/// <summary>The functions over a mocked store and a real catalogue cache, on a clock that stands still.</summary>
public sealed class Harness
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public Harness(params Programme[] programmes)
    {
        Catalogue = Stored(1, programmes);
        Store.Setup(s => s.ReadGenerationAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => Catalogue.Generation);
        Store.Setup(s => s.LoadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => Catalogue);
        Cache = new CatalogueCache(Store.Object, new CatalogueCacheOptions(), Clock, NullLogger<CatalogueCache>.Instance);
    }

    public Mock<ICatalogueStore> Store { get; } = new();
    public FakeTimeProvider Clock { get; } = new(Now);
    public CatalogueCache Cache { get; }

    /// <summary>What the store holds; tests may replace it.</summary>
    public StoredCatalogue Catalogue { get; set; }

    public MatchFunctions Match => new(Cache, Clock);
    public ProgrammeFunctions Programmes => new(Store.Object, Cache, NullLogger<ProgrammeFunctions>.Instance);
    public HealthFunctions Health => new(Cache);
    public ProfileSchemaFunctions ProfileSchema => new(Clock);

    /// <summary>Every programme at revision = its position + 1, so their ETags are "r1", "r2", ...</summary>
    public static StoredCatalogue Stored(long generation, params Programme[] programmes) =>
        new(generation, Now.AddDays(-1), programmes.Select((p, i) => new StoredProgramme(p, i + 1)).ToList());

    public void StorageFails() =>
        Store.Setup(s => s.ReadGenerationAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("storage is down"));
}
