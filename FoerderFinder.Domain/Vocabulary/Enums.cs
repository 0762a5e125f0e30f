namespace FoerderFinder.Domain.Vocabulary;

/// <summary>Legal or organisational form of the applicant. Serialized as snake_case.</summary>
public enum OrganisationType
{
    RegisteredAssociation,
    UnregisteredInitiative,
    Ggmbh,
    Foundation,
    ChurchBody,
    FaithCommunity,
    WelfareAssociation,
    Municipality,
    MunicipalAssociation,
    MunicipalCompany,
    PublicBody,
    School,
    Kita,
    University,
    CulturalInstitution,
    Individual,
    Company,
}

public enum ProjectLocation
{
    Germany,
    Abroad,
}

public enum Language
{
    De,
    En,
}

public enum Outcome
{
    Met,
    NotMet,
    Unknown,
}

public enum Verdict
{
    Eligible,
    NeedsInformation,
    NotEligible,
}

public enum ProgrammeStatus
{
    Active,
    Paused,
    Unclear,
    Closed,
    Replaced,
    PastRound,
}

public enum FunderCategory
{
    FederalBmz,
    FederalOther,
    StateNrw,
    MunicipalMuenster,
    Church,
    FoundationLottery,
    Eu,
}

public enum SupportType
{
    Grant,
    Prize,
    Advisory,
    Personnel,
    VolunteerProgramme,
    TravelAllowance,
}

public enum Confidence
{
    High,
    Medium,
    Low,
}

public static class ProgrammeStatusExtensions
{
    /// <summary>Closed, replaced and past programmes can never be applied for, whatever the profile says.</summary>
    public static bool IsOver(this ProgrammeStatus status) =>
        status is ProgrammeStatus.Closed or ProgrammeStatus.Replaced or ProgrammeStatus.PastRound;
}
