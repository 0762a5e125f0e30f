using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Profiles;

namespace FoerderFinder.Domain.Matching;

/// <summary>A profile with its places resolved once, and the day the match is evaluated for.</summary>
public sealed class MatchContext
{
    public MatchContext(Profile profile, DateOnly asOf)
    {
        Profile = profile;
        AsOf = asOf;
        OrganisationSeat = Resolve(profile.Organisation.State, profile.Organisation.Municipality);
        ProjectPlace = Resolve(profile.Project.State, profile.Project.Municipality);
    }

    public Profile Profile { get; }
    public OrganisationProfile Organisation => Profile.Organisation;
    public ProjectProfile Project => Profile.Project;
    public DateOnly AsOf { get; }
    public Place OrganisationSeat { get; }
    public Place ProjectPlace { get; }

    private static Place Resolve(string? state, string? municipality)
    {
        string? ags = null;
        if (municipality is not null)
        {
            Geo.Instance.TryResolveMunicipality(municipality, out _, out ags);
        }
        return new Place(state ?? (ags is null ? null : Geo.Instance.LandOfAgs(ags)), ags, municipality is not null && ags is null);
    }
}
