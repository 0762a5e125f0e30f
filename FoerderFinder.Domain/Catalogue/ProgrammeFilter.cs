using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Catalogue;

/// <summary>Filters for browsing the catalogue; each one left empty matches everything.</summary>
public sealed record ProgrammeFilter
{
    public string? Funder { get; init; }
    public ProgrammeStatus? Status { get; init; }
    public string? Theme { get; init; }
    public OrganisationType? ApplicantType { get; init; }
    public string? Land { get; init; }

    public bool Matches(Programme programme)
    {
        if (Funder is not null
            && !programme.Funder.Contains(Funder, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(Json.EnumCodes.Of(programme.FunderCategory), Funder, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (Status is { } status && programme.Status != status)
        {
            return false;
        }
        if (Theme is not null && !programme.Themes.Contains(Theme))
        {
            return false;
        }
        if (ApplicantType is { } type && programme.Criteria.OfType<ApplicantTypeCriterion>().Any(c => !c.AnyOf.Contains(type)))
        {
            return false;
        }
        if (Land is not null)
        {
            // Open to organisations seated in this Land: no seat rule, or a seat region that may contain it.
            var place = new Place(Land, null);
            foreach (var seat in programme.Criteria.OfType<ApplicantSeatCriterion>())
            {
                if (seat.Regions.All(id => Geo.Instance.Contains(Geo.Instance.GetRegion(id), place) == Outcome.NotMet))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
