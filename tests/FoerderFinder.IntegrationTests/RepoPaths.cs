using FoerderFinder.Domain.Tests.TestSupport;

namespace FoerderFinder.IntegrationTests;

/// <summary>Finds the repository's own files (node_modules, catalogue) from the test's bin folder.</summary>
public static class RepoPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Catalogue => Path.Combine(Root, "catalogue", "programmes.json");

    public static string AzuriteTableServer => Path.Combine(Root, "node_modules", "azurite", "dist", "src", "table", "main.js");
}
