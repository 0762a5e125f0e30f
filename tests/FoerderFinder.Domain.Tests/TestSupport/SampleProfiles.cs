using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Tests.TestSupport;

/// <summary>
/// A spread of profiles, from empty to full, in and outside every region and bound the
/// criteria of <see cref="Rule.OneOfEachKind"/> use, so every outcome of every kind occurs.
/// </summary>
public static class SampleProfiles
{
    public static IEnumerable<Profile> All()
    {
        yield return new Profile();
        var full = TestProfiles.MuensterMso();
        yield return full;
        yield return full with { Organisation = new(), Project = full.Project };
        yield return full with { Organisation = full.Organisation, Project = new() };

        var o = full.Organisation;
        var p = full.Project;
        yield return full with { Organisation = o with { Charitable = false } };
        yield return full with
        {
            Organisation = o with { Type = OrganisationType.Municipality, MigrantLed = false, Charitable = false, FoundedYear = 2026, State = "DE-BY", Municipality = null, VolunteerRun = false, FirstTimeApplicant = false, PartnerCooperationYears = 0 },
            Project = p with { Location = ProjectLocation.Abroad, State = null, Municipality = null, Countries = ["GH", "FR"], Themes = ["sport"], RequestedAmountEur = 50_000, OwnContributionPercent = 5, PlannedStart = new DateOnly(2026, 12, 10), DurationMonths = 48 },
        };
        yield return full with
        {
            Organisation = o with { State = "DE-NW", Municipality = "05315000", FoundedYear = 2023, VolunteerRun = null, FirstTimeApplicant = null },
            Project = p with { State = "DE-NW", Municipality = null, RequestedAmountEur = 7_000, OwnContributionPercent = 12, DurationMonths = 1, PlannedStart = new DateOnly(2028, 6, 1) },
        };
        yield return full with
        {
            Organisation = o with { FirstTimeApplicant = true },
            Project = p with { Location = ProjectLocation.Abroad, Countries = ["GH", "VN"], RequestedAmountEur = 6_000, OwnContributionPercent = 8, PlannedStart = new DateOnly(2026, 12, 20) },
        };
        yield return full with
        {
            Organisation = o with { FirstTimeApplicant = true, VolunteerRun = false },
            Project = p with { RequestedAmountEur = 500, OwnContributionPercent = 15 },
        };
        yield return full with
        {
            Organisation = o with { FirstTimeApplicant = false, FoundedYear = 1990 },
            Project = p with { Location = null, RequestedAmountEur = 12_000, OwnContributionPercent = null, Themes = [], PlannedStart = null, DurationMonths = null },
        };
        foreach (var location in new ProjectLocation?[] { null, ProjectLocation.Germany, ProjectLocation.Abroad })
        {
            yield return new Profile { Project = new() { Location = location } };
        }
        foreach (var state in new[] { "DE-NW", "DE-SN", "DE-BE", "DE-BY" })
        {
            yield return new Profile
            {
                Organisation = new() { State = state, Type = OrganisationType.Ggmbh },
                Project = new() { State = state, Location = ProjectLocation.Germany },
            };
        }
    }
}
