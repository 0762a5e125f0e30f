namespace FoerderFinder.Catalogue.Tests;

/// <summary>catalogue/ids.txt registers every id ever used: ids are never renamed, removed or reused.</summary>
public static class IdGuard
{
    public static IReadOnlyList<string> Registered() =>
        File.ReadAllLines(Repo.IdsFile).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    public static IReadOnlyList<string> Problems(IEnumerable<string> catalogueIds, IReadOnlyList<string> registered)
    {
        var ids = catalogueIds.ToHashSet(StringComparer.Ordinal);
        var file = Repo.Relative(Repo.CatalogueFile);
        var gone = registered.Where(id => !ids.Contains(id)).Select(id =>
            $"{file}: programme '{id}' is registered in {Repo.Relative(Repo.IdsFile)} but missing: ids are never renamed or removed (archive a programme with status closed instead).");
        var unregistered = ids.Where(id => !registered.Contains(id)).Select(id =>
            $"{file}: programme '{id}' is new: add its id at the end of {Repo.Relative(Repo.IdsFile)}.");
        return gone.Concat(unregistered).ToList();
    }
}
