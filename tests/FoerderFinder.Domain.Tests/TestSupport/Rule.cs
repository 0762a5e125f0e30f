using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Tests.TestSupport;

/// <summary>Short factories for every criterion kind, each citing a dummy source.</summary>
public static class Rule
{
    public static readonly SourceRef Source = new() { Url = "https://example.org/rules", Verified = new DateOnly(2026, 11, 1) };

    public static ApplicantTypeCriterion ApplicantType(params OrganisationType[] anyOf) => new() { AnyOf = anyOf, Source = Source };

    public static ApplicantSeatCriterion Seat(params string[] regions) => new() { Regions = regions, Source = Source };

    public static ProjectLocationCriterion Location(params ProjectLocation[] anyOf) => new() { AnyOf = anyOf, Source = Source };

    public static ProjectRegionCriterion ProjectRegion(params string[] regions) => new() { Regions = regions, Source = Source };

    public static ProjectCountryCriterion Countries(params string[] countries) => new() { Countries = countries, Source = Source };

    public static ProjectCountryCriterion DacList() => new() { CountryLists = ["oda_dac"], Source = Source };

    public static ProjectCountryCriterion DacRegions(params string[] regions) => new() { DacRegions = regions, Source = Source };

    public static AmountCriterion Amount(long? min = null, long? max = null, long? firstTimeMax = null) =>
        new() { MinEur = min, MaxEur = max, FirstTimeMaxEur = firstTimeMax, Source = Source };

    public static OwnContributionCriterion OwnContribution(decimal minPercent, decimal? volunteerRunMinPercent = null) =>
        new() { MinPercent = minPercent, VolunteerRunMinPercent = volunteerRunMinPercent, Source = Source };

    public static DurationCriterion Duration(int? min = null, int? max = null) => new() { MinMonths = min, MaxMonths = max, Source = Source };

    public static OrganisationAgeCriterion OrganisationAge(int? minYears = null, int? maxYears = null) =>
        new() { MinYears = minYears, MaxYears = maxYears, Source = Source };

    public static CharitableCriterion Charitable() => new() { Source = Source };

    public static MigrantLedCriterion MigrantLed() => new() { Source = Source };

    public static VolunteerRunCriterion VolunteerRun() => new() { Source = Source };

    public static FirstTimeApplicantCriterion FirstTimeApplicant(bool required) => new() { Required = required, Source = Source };

    public static PartnerCooperationCriterion PartnerCooperation(int minYears) => new() { MinYears = minYears, Source = Source };

    public static ThemeCriterion Theme(params string[] anyOf) => new() { AnyOf = anyOf, Source = Source };

    public static ProjectStartWindowCriterion StartWindow(DateOnly? from = null, DateOnly? to = null) => new() { From = from, To = to, Source = Source };

    public static DeadlineCriterion Deadline(DeadlineSchedule schedule) => new() { Schedule = schedule, Source = Source };

    public static DeadlineCriterion Rolling(params LeadTime[] leadTimes) => Deadline(Schedules.Rolling(leadTimes));

    public static DeadlineCriterion Annual(params string[] dates) => Deadline(Schedules.Annual(dates));

    public static DeadlineCriterion OneOff(params string[] dates) => Deadline(Schedules.OneOff(dates));

    public static DeadlineCriterion Call(CallStatus? status, params string[] dates) => Deadline(Schedules.Call(status, dates));

    /// <summary>One instance of every criterion kind, for tests that must cover them all.</summary>
    public static IReadOnlyList<Criterion> OneOfEachKind() =>
    [
        ApplicantType(OrganisationType.RegisteredAssociation),
        Seat("DE-NW"),
        Location(ProjectLocation.Abroad),
        ProjectRegion("DE-NW-muensterland"),
        DacList(),
        Amount(min: 1_000, max: 10_000, firstTimeMax: 5_000),
        OwnContribution(25, 10),
        Duration(min: 3, max: 24),
        OrganisationAge(minYears: 2),
        Charitable(),
        MigrantLed(),
        VolunteerRun(),
        FirstTimeApplicant(true),
        PartnerCooperation(2),
        Theme("integration"),
        StartWindow(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)),
        Deadline(Schedules.EngagiertRolling()),
    ];
}

public static class Schedules
{
    public static DeadlineSchedule Rolling(params LeadTime[] leadTimes) => new() { Type = DeadlineType.Rolling, LeadTimes = leadTimes };

    /// <summary>The Engagiert tiers: 6 weeks up to 5,000 EUR, 8 weeks above.</summary>
    public static DeadlineSchedule EngagiertRolling() =>
        Rolling(new LeadTime { MaxAmountEur = 5_000, Weeks = 6 }, new LeadTime { Weeks = 8 });

    public static DeadlineSchedule Annual(params string[] dates) => new() { Type = DeadlineType.Annual, Dates = dates };

    public static DeadlineSchedule OneOff(params string[] dates) => new() { Type = DeadlineType.OneOff, Dates = dates };

    public static DeadlineSchedule Call(CallStatus? status, params string[] dates) => new() { Type = DeadlineType.Call, Call = status, Dates = dates };
}
