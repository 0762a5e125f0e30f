using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json;

namespace FoerderFinder.Domain.Catalogue;

/// <summary>
/// One eligibility rule of a programme. The set of kinds is closed: each kind has one evaluator
/// in Matching/Evaluators and one JSON name (its "kind"). Every criterion cites its source;
/// <see cref="Unconfirmed"/> marks values the sources do not agree on or that are only second-hand.
/// </summary>
public abstract record Criterion
{
    [JsonIgnore]
    public abstract CriterionKind Kind { get; }
    public required SourceRef Source { get; init; }
    public bool Unconfirmed { get; init; }
}

public enum CriterionKind
{
    ApplicantType,
    ApplicantSeat,
    ProjectLocation,
    ProjectRegion,
    ProjectCountry,
    Amount,
    OwnContribution,
    Duration,
    OrganisationAge,
    Charitable,
    MigrantLed,
    VolunteerRun,
    FirstTimeApplicant,
    PartnerCooperation,
    Theme,
    ProjectStartWindow,
    Deadline,
}

/// <summary>Only these legal forms may apply.</summary>
public sealed record ApplicantTypeCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.ApplicantType;
    public required IReadOnlyList<OrganisationType> AnyOf { get; init; }
}

/// <summary>The applicant's seat must lie in one of these regions (see Geography/Regions).</summary>
public sealed record ApplicantSeatCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.ApplicantSeat;
    public required IReadOnlyList<string> Regions { get; init; }
}

/// <summary>Projects in Germany, abroad, or both.</summary>
public sealed record ProjectLocationCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.ProjectLocation;
    public required IReadOnlyList<ProjectLocation> AnyOf { get; init; }
}

/// <summary>A project in Germany must take place in one of these regions.</summary>
public sealed record ProjectRegionCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.ProjectRegion;
    public required IReadOnlyList<string> Regions { get; init; }
}

/// <summary>
/// Every country of a project abroad must be allowed: named, on a list (the DAC list) or in a DAC region.
/// A project in Germany is outside its scope; whether such projects are funded at all is the
/// programme's project_location criterion, which every programme with this criterion has.
/// </summary>
public sealed record ProjectCountryCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.ProjectCountry;
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> CountryLists { get; init; } = [];
    public IReadOnlyList<string> DacRegions { get; init; } = [];
}

/// <summary>The grant requested, in whole euros; first-time applicants may have a lower ceiling.</summary>
public sealed record AmountCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.Amount;
    public long? MinEur { get; init; }
    public long? MaxEur { get; init; }
    public long? FirstTimeMaxEur { get; init; }
}

/// <summary>Eigenanteil: the share of the budget the applicant brings; volunteer-run groups may bring less.</summary>
public sealed record OwnContributionCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.OwnContribution;
    public required decimal MinPercent { get; init; }
    public decimal? VolunteerRunMinPercent { get; init; }
}

public sealed record DurationCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.Duration;
    public int? MinMonths { get; init; }
    public int? MaxMonths { get; init; }
}

/// <summary>Years since founding, e.g. "registered within the last 5 years" is MaxYears 5.</summary>
public sealed record OrganisationAgeCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.OrganisationAge;
    public int? MinYears { get; init; }
    public int? MaxYears { get; init; }
}

/// <summary>
/// The applicant must be recognised as gemeinnützig, except the organisation types in
/// <see cref="ExceptFor"/> (public bodies such as schools or municipalities that may apply without it).
/// </summary>
public sealed record CharitableCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.Charitable;
    public IReadOnlyList<OrganisationType> ExceptFor { get; init; } = [];
}

/// <summary>The applicant must be migrant-led (the programme's own definition is in the source).</summary>
public sealed record MigrantLedCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.MigrantLed;
}

/// <summary>The applicant must be run by volunteers only.</summary>
public sealed record VolunteerRunCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.VolunteerRun;
}

/// <summary>Only first-time applicants (Required true) or only experienced ones (Required false).</summary>
public sealed record FirstTimeApplicantCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.FirstTimeApplicant;
    public required bool Required { get; init; }
}

/// <summary>Years of cooperation with the partner organisation abroad.</summary>
public sealed record PartnerCooperationCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.PartnerCooperation;
    public required int MinYears { get; init; }
}

/// <summary>The project must address at least one of these themes.</summary>
public sealed record ThemeCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.Theme;
    public required IReadOnlyList<string> AnyOf { get; init; }
}

/// <summary>The project must start within a funding period.</summary>
public sealed record ProjectStartWindowCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.ProjectStartWindow;
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

/// <summary>When applications are due, and which project starts each due date serves.</summary>
public sealed record DeadlineCriterion : Criterion
{
    public override CriterionKind Kind => CriterionKind.Deadline;
    public required DeadlineSchedule Schedule { get; init; }
}
