namespace FoerderFinder.Benchmarks;

/// <summary>Finds the repository's own files (the real catalogue, reference data) from wherever the benchmark runs.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Catalogue => Path.Combine(Root, "catalogue", "programmes.json");

    public static string Municipalities => Path.Combine(Root, "FoerderFinder.Domain", "ReferenceData", "municipalities.json");

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("FOERDERFINDER_ROOT") is { Length: > 0 } configured)
        {
            return configured;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FoerderFinder.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("FoerderFinder.sln not found above " + AppContext.BaseDirectory + "; set FOERDERFINDER_ROOT.");
    }
}
