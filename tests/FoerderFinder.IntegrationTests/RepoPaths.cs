namespace FoerderFinder.IntegrationTests;

/// <summary>Finds the repository's own files (node_modules, catalogue) from the test's bin folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Catalogue => Path.Combine(Root, "catalogue", "programmes.json");

    public static string AzuriteTableServer => Path.Combine(Root, "node_modules", "azurite", "dist", "src", "table", "main.js");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FoerderFinder.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("FoerderFinder.sln not found above " + AppContext.BaseDirectory);
    }
}
