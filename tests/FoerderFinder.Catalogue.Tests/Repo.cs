using FoerderFinder.Domain.Tests.TestSupport;

namespace FoerderFinder.Catalogue.Tests;

/// <summary>
/// Where the files under test are: the repository's catalogue, this project's case files, and the
/// research the catalogue was encoded from (shared/research/programmes.json, which lives beside the
/// repository: <c>&lt;repo&gt;/../shared</c> in a clone, further up in a git worktree).
/// </summary>
public static class Repo
{
    public static string Root => RepositoryRoot.Path;

    public static string CatalogueFile => Path.Combine(Root, "catalogue", "programmes.json");

    public static string SchemaFile => Path.Combine(Root, "catalogue", "programme.schema.json");

    public static string IdsFile => Path.Combine(Root, "catalogue", "ids.txt");

    public static string CasesFolder => Path.Combine(Root, "tests", "FoerderFinder.Catalogue.Tests", "cases");

    /// <summary>Catalogue paths as error messages name them: relative to the repository.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    public static string ResearchFile { get; } = FindResearch();

    private static string FindResearch()
    {
        if (Environment.GetEnvironmentVariable("FOERDERFINDER_RESEARCH") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "research", "programmes.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            $"The research file shared/research/programmes.json was not found beside {Root} or above it. " +
            "Clone the repository with shared/ beside it, or set FOERDERFINDER_RESEARCH to the file.");
    }
}
