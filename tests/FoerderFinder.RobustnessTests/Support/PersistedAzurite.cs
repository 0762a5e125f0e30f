using FoerderFinder.IntegrationTests;

namespace FoerderFinder.RobustnessTests.Support;

/// <summary>
/// An Azurite of its own that keeps its data on disk, so that stopping and starting it models an
/// outage of a real storage account: unreachable for a while, then back with everything it had.
/// </summary>
public sealed class PersistedAzurite : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ff-azurite-" + Guid.NewGuid().ToString("N")[..8]);

    public PersistedAzurite() => Azurite = new AzuriteFixture { DataDirectory = _directory };

    public AzuriteFixture Azurite { get; }

    public Task InitializeAsync() => Azurite.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Azurite.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
