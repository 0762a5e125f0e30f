using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Catalogue.Tests;

/// <summary>
/// Typical users against the whole catalogue (cases/scenarios.json): the verdict of every programme,
/// the top of the ranking, and the part of the score that puts one programme above another.
/// </summary>
public sealed class ScenarioTests
{
    private static readonly Lazy<JObject> File = new(() => Cases.Read("scenarios.json"));

    private static IEnumerable<JObject> All => File.Value["scenarios"]!.Cast<JObject>();

    public static TheoryData<string> ScenarioNames()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in All)
        {
            data.Add((string)scenario["name"]!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_programme_gets_the_expected_verdict(string name)
    {
        var (scenario, result) = Run(name);
        var byVerdict = result.Results.ToLookup(r => r.Verdict, r => r.Programme.Id);

        AssertSameSet(Ids(scenario["eligible"]), byVerdict[Verdict.Eligible], $"{name}: eligible");
        AssertSameSet(Ids(scenario["needsInformation"]), byVerdict[Verdict.NeedsInformation], $"{name}: needs information");
        Assert.Equal(Loaded.Programmes.Count, result.Results.Count);
        foreach (var (id, kinds) in ((JObject?)scenario["notEligibleBecause"] ?? []).Properties().Select(p => (p.Name, Ids(p.Value))))
        {
            var match = result.Results.Single(r => r.Programme.Id == id);
            Assert.True(match.Verdict == Verdict.NotEligible, $"{name}: {id} should not be eligible{Environment.NewLine}{Cases.Explain(match)}");
            AssertSameSet(kinds, Cases.Kinds(match, Outcome.NotMet), $"{name}: why {id} is not eligible");
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void The_top_of_the_ranking_is_what_an_adviser_would_say(string name)
    {
        var (scenario, result) = Run(name);
        var top = Ids(scenario["top"]);
        var ranked = result.Results.Select(r => r.Programme.Id).ToList();

        Assert.True(top.SequenceEqual(ranked.Take(top.Count)),
            $"{name}: expected the ranking to start {string.Join(" > ", top)}, got {string.Join(" > ", result.Results.Take(top.Count + 2).Select(Describe))}");
        foreach (var reason in scenario["reasons"]!.Cast<JObject>())
        {
            var above = result.Results.Single(r => r.Programme.Id == (string)reason["above"]!);
            var below = result.Results.Single(r => r.Programme.Id == (string)reason["below"]!);
            var because = (string)reason["because"]!;
            var why = $"{name}: {above.Programme.Id} ranks above {below.Programme.Id} because of {because} ({(string)reason["why"]!}); got {Describe(above)} and {Describe(below)}";
            Assert.True(ranked.IndexOf(above.Programme.Id) < ranked.IndexOf(below.Programme.Id), why);
            switch (because)
            {
                case "verdict":
                    Assert.True(above.Verdict < below.Verdict, why);
                    break;
                case "nextDeadline":
                    Assert.True(above.Verdict == below.Verdict && above.Score!.Value.Total == below.Score!.Value.Total, why);
                    Assert.True(above.NextDeadline is { } a && (below.NextDeadline is not { } b || a < b), why);
                    break;
                default:
                    Assert.True(Part(above, because) > Part(below, because), why);
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Nothing_reserved_for_charitable_organisations_is_offered_to_one_that_is_not(string name)
    {
        var (scenario, result) = Run(name);
        var organisation = Cases.Profile(File.Value, scenario).Organisation;
        Assert.True(scenario["offersNothingCharitable"]?.Value<bool>() != true || organisation.Charitable == false, $"{name}: says it offers nothing charitable, so its profile is not charitable");
        if (organisation.Charitable != false)
        {
            return;
        }

        var offered = result.Results
            .Where(r => r.Verdict != Verdict.NotEligible)
            .Where(r => r.Programme.Criteria.OfType<CharitableCriterion>().Any(c => organisation.Type is not { } type || !c.ExceptFor.Contains(type)))
            .Select(r => r.Programme.Id)
            .ToList();
        Assert.True(offered.Count == 0, $"{name}: offered although only for charitable organisations: {string.Join(", ", offered)}");
    }

    private static (JObject Scenario, MatchResult Result) Run(string name)
    {
        var scenario = All.Single(s => (string)s["name"]! == name);
        var asOf = Cases.Date(scenario["asOf"], Cases.Date(File.Value["asOf"], default));
        var profile = Cases.Profile(File.Value, scenario);
        var result = Matcher.Match(Loaded.Snapshot, profile, new MatchOptions { AsOf = asOf, Limit = 200, IncludeNotEligible = true });
        return (scenario, result);
    }

    private static int Part(ProgrammeMatch match, string part)
    {
        var score = match.Score ?? throw new InvalidOperationException($"{match.Programme.Id} is not ranked.");
        return part switch
        {
            "thematicFit" => score.ThematicFit,
            "amountFit" => score.AmountFit,
            "regionSpecificity" => score.RegionSpecificity,
            "deadlineReachable" => score.DeadlineReachable,
            "madeForMsos" => score.MadeForMsos,
            "firstTimeFriendly" => score.FirstTimeFriendly,
            _ => throw new ArgumentException($"'{part}' is not a part of the score, 'verdict' or 'nextDeadline'."),
        };
    }

    private static string Describe(ProgrammeMatch m) =>
        m.Score is { } s
            ? $"{m.Programme.Id} ({EnumCodes.Of(m.Verdict)}, {s.Total} = theme {s.ThematicFit} + amount {s.AmountFit} + region {s.RegionSpecificity} + deadline {s.DeadlineReachable} + MSO {s.MadeForMsos} + first-time {s.FirstTimeFriendly})"
            : $"{m.Programme.Id} ({EnumCodes.Of(m.Verdict)})";

    private static List<string> Ids(JToken? ids) => ids is JArray array ? array.Select(t => (string)t!).ToList() : [];

    private static void AssertSameSet(IEnumerable<string> expected, IEnumerable<string> actual, string what)
    {
        var e = expected.ToHashSet();
        var a = actual.ToHashSet();
        var missing = e.Except(a).Order(StringComparer.Ordinal).ToList();
        var extra = a.Except(e).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{what}: expected but missing [{string.Join(", ", missing)}], not expected [{string.Join(", ", extra)}]");
    }
}
