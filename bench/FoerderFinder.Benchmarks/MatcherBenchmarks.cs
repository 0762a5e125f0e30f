using BenchmarkDotNet.Attributes;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;

namespace FoerderFinder.Benchmarks;

/// <summary>
/// One profile (the Münster MSO) against synthetic catalogues of growing size. The lower bound
/// is the baseline; Match_limit10 is what /api/match does by default for a phone (10 results
/// explained), Match_limit200 the most the API returns.
/// </summary>
[MemoryDiagnoser]
public class MatcherBenchmarks
{
    private CatalogueSnapshot _catalogue = CatalogueSnapshot.Empty;
    private LowerBoundMatcher _lowerBound = null!;
    private Profile _profile = null!;
    private DateOnly _asOf;
    private int[] _top = [];

    [Params(100, 1_000, 10_000, 100_000)]
    public int Programmes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _catalogue = SyntheticCatalogue.Snapshot(Programmes);
        _lowerBound = new LowerBoundMatcher(_catalogue.Programmes);
        _profile = BenchProfiles.MuensterMso;
        _asOf = BenchProfiles.AsOf;
        _top = new int[10];
        Agreement.Check(_catalogue, _lowerBound, _profile, _asOf, 10);
    }

    [Benchmark(Baseline = true, Description = "LowerBound")]
    public int LowerBound() => _lowerBound.Match(_profile, _asOf, _top).Eligible;

    /// <summary>The first pass alone (no result explained): what a match allocates for the catalogue itself.</summary>
    [Benchmark(Description = "Match_limit0")]
    public MatchResult MatchLimit0() => Matcher.Match(_catalogue, _profile, new MatchOptions { AsOf = _asOf, Limit = 0 });

    [Benchmark(Description = "Match_limit10")]
    public MatchResult MatchLimit10() => Matcher.Match(_catalogue, _profile, new MatchOptions { AsOf = _asOf, Limit = 10 });

    [Benchmark(Description = "Match_limit200")]
    public MatchResult MatchLimit200() => Matcher.Match(_catalogue, _profile, new MatchOptions { AsOf = _asOf, Limit = 200 });
}

/// <summary>The lower bound is only a bound if it computes the same answer: counts, next question and the ranked ids.</summary>
public static class Agreement
{
    public static void Check(CatalogueSnapshot catalogue, LowerBoundMatcher lowerBound, Profile profile, DateOnly asOf, int limit)
    {
        var result = Matcher.Match(catalogue, profile, new MatchOptions { AsOf = asOf, Limit = limit });
        var top = new int[limit];
        var summary = lowerBound.Match(profile, asOf, top);
        var expected = $"{result.EligibleCount}/{result.NeedsInformationCount}/{result.NotEligibleCount} next={result.NextQuestion?.Field} "
            + string.Join(",", result.Results.Select(r => r.Programme.Id));
        var actual = $"{summary.Eligible}/{summary.NeedsInformation}/{summary.NotEligible} next={(summary.NextQuestion == ProfileField.None ? "" : summary.NextQuestion)} "
            + string.Join(",", top.Take(summary.Returned).Select(i => catalogue.Programmes[i].Id));
        if (expected != actual)
        {
            throw new InvalidOperationException($"The lower bound disagrees with the matcher on {catalogue.Count} programmes:\n  matcher:     {expected}\n  lower bound: {actual}");
        }
    }
}
