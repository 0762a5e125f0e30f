namespace FoerderFinder.Domain.Tests.TestSupport;

/// <summary>
/// The checkout's top folder (the one with FoerderFinder.sln), found from wherever tests or benchmarks
/// run. Test and benchmark projects compile this same file.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "FoerderFinder.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("FoerderFinder.sln not found above " + AppContext.BaseDirectory);
    }
}
