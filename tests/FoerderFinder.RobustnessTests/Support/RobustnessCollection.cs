using FoerderFinder.IntegrationTests;

namespace FoerderFinder.RobustnessTests.Support;

/// <summary>
/// One in-memory Azurite for this assembly (xunit collection fixtures are per assembly). Tests that
/// stop storage use their own Azurite instead, so they never take it away from the others.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RobustnessCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Robustness Azurite";
}
