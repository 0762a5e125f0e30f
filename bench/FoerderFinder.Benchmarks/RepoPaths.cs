using FoerderFinder.Domain.Tests.TestSupport;

namespace FoerderFinder.Benchmarks;

/// <summary>Finds the repository's own files (the real catalogue, reference data) from wherever the benchmark runs.</summary>
public static class RepoPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Catalogue => Path.Combine(Root, "catalogue", "programmes.json");

    public static string Municipalities => Path.Combine(Root, "FoerderFinder.Domain", "ReferenceData", "municipalities.json");
}
