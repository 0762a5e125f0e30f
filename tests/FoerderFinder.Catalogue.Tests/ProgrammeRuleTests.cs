using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Catalogue.Tests;

/// <summary>
/// Rules as code, tested like law: for every programme, profiles that pass and profiles that fail
/// at the boundary of a rule (cases/programmes.json), evaluated on a fixed day.
/// </summary>
public sealed class ProgrammeRuleTests
{
    private const string CaseFile = "programmes.json";

    private static readonly Lazy<JObject> File = new(() => Cases.Read(CaseFile));

    private static IEnumerable<JObject> All => File.Value["cases"]!.Cast<JObject>();

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var @case in All)
        {
            data.Add(Name(@case));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Programme_rule(string name)
    {
        var @case = All.Single(c => Name(c) == name);
        var programme = Loaded.Programme((string)@case["programme"]!);
        var asOf = Cases.Date(@case["asOf"], Cases.Date(File.Value["asOf"], default));

        var match = Cases.MatchOne(programme, Cases.Profile(File.Value, @case), asOf);

        var expected = (string)@case["expect"]!;
        var failing = Cases.Kinds(match, Outcome.NotMet);
        var why = $"{name}{Environment.NewLine}{Cases.Explain(match)}";
        Assert.True(expected == EnumCodes.Of(match.Verdict), $"expected {expected}, got {EnumCodes.Of(match.Verdict)}: {why}");
        Assert.True(Sorted(@case["failing"]).SequenceEqual(failing), $"expected failing [{string.Join(", ", Sorted(@case["failing"]))}], got [{string.Join(", ", failing)}]: {why}");
        if (@case["unknown"] is JArray)
        {
            var unknown = Cases.Kinds(match, Outcome.Unknown);
            Assert.True(Sorted(@case["unknown"]).SequenceEqual(unknown), $"expected unknown [{string.Join(", ", Sorted(@case["unknown"]))}], got [{string.Join(", ", unknown)}]: {why}");
        }
    }

    [Fact]
    public void Every_programme_has_a_passing_profile_and_one_that_fails_at_a_boundary()
    {
        var problems = new List<string>();
        foreach (var programme in Loaded.Programmes)
        {
            var cases = All.Where(c => (string)c["programme"]! == programme.Id).ToList();
            var failing = cases.Select(c => Sorted(c["failing"])).ToList();
            var passes = programme.Status.IsOver()
                // A replaced or past programme never passes: it must show that only its status stops it.
                ? failing.Any(f => f.SequenceEqual(["programme_status"]))
                : cases.Any(c => (string)c["expect"]! is "eligible" or "needs_information");
            var boundary = cases.Any(c => (string)c["expect"]! == "not_eligible" && Sorted(c["failing"]).Any(k => k != "programme_status"));
            if (!passes)
            {
                problems.Add($"{programme.Id}: no case that passes{(programme.Status.IsOver() ? " on every rule but its status" : "")}");
            }
            if (!boundary)
            {
                problems.Add($"{programme.Id}: no case that fails at the boundary of a rule");
            }
        }
        Assert.True(problems.Count == 0, $"tests/FoerderFinder.Catalogue.Tests/cases/{CaseFile}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public void Case_names_are_unique()
    {
        var names = All.Select(Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
    }

    private static string Name(JObject @case) => $"{(string)@case["programme"]!}: {(string)@case["rule"]!}";

    private static IReadOnlyList<string> Sorted(JToken? kinds) =>
        kinds is JArray array ? array.Select(k => (string)k!).Order(StringComparer.Ordinal).ToList() : [];
}
