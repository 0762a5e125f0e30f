namespace FoerderFinder.Domain.Profiles;

/// <summary>
/// Every profile field a criterion can depend on. Flags, so the fields a programme is still
/// missing fit in one machine word and the next-question count needs no allocation.
/// </summary>
[Flags]
public enum ProfileField : uint
{
    None = 0,
    OrganisationType = 1 << 0,
    OrganisationMigrantLed = 1 << 1,
    OrganisationCharitable = 1 << 2,
    OrganisationFoundedYear = 1 << 3,
    OrganisationState = 1 << 4,
    OrganisationMunicipality = 1 << 5,
    OrganisationVolunteerRun = 1 << 6,
    OrganisationFirstTimeApplicant = 1 << 7,
    OrganisationPartnerCooperationYears = 1 << 8,
    ProjectLocation = 1 << 9,
    ProjectState = 1 << 10,
    ProjectMunicipality = 1 << 11,
    ProjectCountries = 1 << 12,
    ProjectThemes = 1 << 13,
    ProjectRequestedAmountEur = 1 << 14,
    ProjectOwnContributionPercent = 1 << 15,
    ProjectPlannedStart = 1 << 16,
    ProjectDurationMonths = 1 << 17,
}

public static class ProfileFields
{
    /// <summary>In the order a form asks them: what decides most comes first. Also the tie-break for the next question.</summary>
    public static readonly IReadOnlyList<ProfileField> All =
    [
        ProfileField.OrganisationType,
        ProfileField.OrganisationState,
        ProfileField.ProjectLocation,
        ProfileField.ProjectThemes,
        ProfileField.ProjectRequestedAmountEur,
        ProfileField.OrganisationCharitable,
        ProfileField.OrganisationMigrantLed,
        ProfileField.OrganisationMunicipality,
        ProfileField.ProjectState,
        ProfileField.ProjectMunicipality,
        ProfileField.ProjectCountries,
        ProfileField.ProjectPlannedStart,
        ProfileField.ProjectDurationMonths,
        ProfileField.ProjectOwnContributionPercent,
        ProfileField.OrganisationFirstTimeApplicant,
        ProfileField.OrganisationVolunteerRun,
        ProfileField.OrganisationFoundedYear,
        ProfileField.OrganisationPartnerCooperationYears,
    ];

    /// <summary>The field's JSON path in a match request, e.g. organisation.type.</summary>
    public static string Path(this ProfileField field) => field switch
    {
        ProfileField.OrganisationType => "organisation.type",
        ProfileField.OrganisationMigrantLed => "organisation.migrantLed",
        ProfileField.OrganisationCharitable => "organisation.charitable",
        ProfileField.OrganisationFoundedYear => "organisation.foundedYear",
        ProfileField.OrganisationState => "organisation.state",
        ProfileField.OrganisationMunicipality => "organisation.municipality",
        ProfileField.OrganisationVolunteerRun => "organisation.volunteerRun",
        ProfileField.OrganisationFirstTimeApplicant => "organisation.firstTimeApplicant",
        ProfileField.OrganisationPartnerCooperationYears => "organisation.partnerCooperationYears",
        ProfileField.ProjectLocation => "project.location",
        ProfileField.ProjectState => "project.state",
        ProfileField.ProjectMunicipality => "project.municipality",
        ProfileField.ProjectCountries => "project.countries",
        ProfileField.ProjectThemes => "project.themes",
        ProfileField.ProjectRequestedAmountEur => "project.requestedAmountEur",
        ProfileField.ProjectOwnContributionPercent => "project.ownContributionPercent",
        ProfileField.ProjectPlannedStart => "project.plannedStart",
        ProfileField.ProjectDurationMonths => "project.durationMonths",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a single profile field."),
    };
}
