using BenchmarkDotNet.Running;
using FoerderFinder.Benchmarks;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Tests.TestSupport;

// dotnet run -c Release -- export 10000 out.json [expected.json]   writes a synthetic catalogue as a catalogue file
//                                                  (and what the matcher answers for each bench profile)
// dotnet run -c Release -- verify                  checks the lower bound against the matcher for every bench profile and size
// dotnet run -c Release -- [BenchmarkDotNet args]  runs the micro-benchmarks
switch (args.FirstOrDefault())
{
    case "export":
        {
            var size = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
            var programmes = SyntheticCatalogue.Create(size);
            var document = new CatalogueDocument { Programmes = programmes };
            var errors = ProgrammeValidator.ValidateCatalogue(document);
            if (errors.Count > 0)
            {
                Console.Error.WriteLine("The synthetic catalogue is invalid: " + string.Join("; ", errors.Take(5).Select(e => $"{e.Field}: {e.Message}")));
                return 1;
            }
            File.WriteAllText(args[2], FoerderFinderJson.Serialize(document));
            Console.WriteLine($"Wrote {size} programmes to {args[2]}.");
            if (args.Length > 3)
            {
                // What the matcher answers for each bench profile: the peer must answer the same.
                var snapshot = new CatalogueSnapshot($"synthetic-{size}", programmes);
                var expected = BenchProfiles.All.Select(x => FoerderFinder.Domain.Matching.Matcher.Match(snapshot, x.Profile, new() { AsOf = x.AsOf, Limit = x.Limit }))
                    .Select(r => new
                    {
                        counts = new { eligible = r.EligibleCount, needsInformation = r.NeedsInformationCount, notEligible = r.NotEligibleCount },
                        top = r.Results.Select(m => m.Programme.Id).ToList(),
                    });
                File.WriteAllText(args[3], Newtonsoft.Json.JsonConvert.SerializeObject(new { profiles = expected }));
            }
            return 0;
        }
    case "verify":
        var randomProfiles = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        foreach (var size in new[] { SyntheticCatalogue.RealProgrammes.Count, 100, 1_000, 10_000 })
        {
            var catalogue = SyntheticCatalogue.Snapshot(size);
            var lowerBound = new LowerBoundMatcher(catalogue.Programmes);
            foreach (var (profile, asOf, limit) in BenchProfiles.All)
            {
                Agreement.Check(catalogue, lowerBound, profile, asOf, limit);
            }
            foreach (var profile in RandomProfiles.Create(size <= 1_000 ? randomProfiles : randomProfiles / 10))
            {
                Agreement.Check(catalogue, lowerBound, profile, BenchProfiles.AsOf, 20);
            }
            var counts = BenchProfiles.All.Select(x => FoerderFinder.Domain.Matching.Matcher.Match(catalogue, x.Profile, new() { AsOf = x.AsOf, Limit = 0 }))
                .Select(r => $"{r.EligibleCount}/{r.NeedsInformationCount}/{r.NotEligibleCount}");
            Console.WriteLine($"{size,6} programmes, eligible/open/not per profile: {string.Join("  ", counts)}");
        }
        Console.WriteLine($"The lower bound agrees with the matcher for {BenchProfiles.All.Count} bench profiles and {randomProfiles} random ones on {SyntheticCatalogue.RealProgrammes.Count} to 10,000 programmes.");
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(MatcherBenchmarks).Assembly).Run(args);
        return 0;
}
