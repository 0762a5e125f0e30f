using FoerderFinder.Domain.Catalogue;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FoerderFinder.Functions.Storage;

public sealed class CatalogueSeederOptions
{
    public bool SeedOnStart { get; set; }
    public string SeedFile { get; set; } = "";
}

/// <summary>
/// At start, loads the shipped catalogue file into an empty store (never over an existing catalogue),
/// then warms the cache. Runs in the background so the host answers at once.
/// </summary>
public sealed class CatalogueSeeder(ICatalogueStore store, CatalogueCache cache, CatalogueSeederOptions options, ILogger<CatalogueSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var seeded = options.SeedOnStart && await SeedAsync(store, options.SeedFile, logger, stoppingToken);
            // Warm the cache through the same single load the first request waits for, so a request
            // arriving meanwhile does not load the catalogue a second time. After seeding, ask storage
            // again: a request may have loaded the still empty store before the seed was committed.
            if (seeded)
            {
                await cache.RefreshAsync(stoppingToken);
            }
            else
            {
                await cache.GetAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong, the host must stay up: an exception leaving a BackgroundService stops it.
            logger.LogError(e, "Seeding the catalogue failed; the app serves what storage holds.");
        }
    }

    public static async Task<bool> SeedAsync(ICatalogueStore store, string file, ILogger logger, CancellationToken cancellationToken)
    {
        // The usual start finds a catalogue: one small query, and the seed file is not even read.
        if (await store.ReadGenerationAsync(cancellationToken) > 0)
        {
            logger.LogInformation("Catalogue already present; {File} not seeded.", file);
            return false;
        }
        var parsed = CatalogueFile.Load(file);
        if (!parsed.IsValid)
        {
            throw new InvalidDataException($"{file} is not a valid catalogue: " + string.Join("; ", parsed.Errors.Take(5).Select(e => $"{e.Field}: {e.Message}")));
        }
        var seeded = await store.SeedIfEmptyAsync(parsed.Document!.Programmes, cancellationToken);
        logger.LogInformation(seeded ? "Seeded the catalogue with {Count} programmes from {File}." : "Catalogue already present; {File} not seeded.",
            parsed.Document.Programmes.Count, file);
        return seeded;
    }
}
