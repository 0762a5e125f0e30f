using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Profiles;

/// <summary>Checks what JSON types cannot: codes from reference lists, ranges, and places that contradict each other.</summary>
public static class ProfileValidator
{
    public const long MaxAmountEur = 100_000_000;
    public const int EarliestFoundedYear = 1800;
    public const int MaxDurationMonths = 120;
    public const int MaxCountries = 50;
    public const int MaxThemes = 30;

    public static IReadOnlyList<ValidationError> Validate(Profile profile, DateOnly asOf)
    {
        var errors = new List<ValidationError>();
        var o = profile.Organisation;
        var p = profile.Project;

        CheckPlace(o.State, o.Municipality, "organisation", errors);
        CheckPlace(p.State, p.Municipality, "project", errors);
        if (o.FoundedYear is { } founded && (founded < EarliestFoundedYear || founded > asOf.Year))
        {
            errors.Add(new("organisation.foundedYear", $"Must be a year between {EarliestFoundedYear} and {asOf.Year}."));
        }
        if (o.PartnerCooperationYears is { } years && (years < 0 || years > 200))
        {
            errors.Add(new("organisation.partnerCooperationYears", "Must be between 0 and 200."));
        }
        if (p.Countries is { } countries)
        {
            if (countries.Count > MaxCountries)
            {
                errors.Add(new("project.countries", $"At most {MaxCountries} countries."));
            }
            for (var i = 0; i < countries.Count && i < MaxCountries; i++)
            {
                if (countries[i] is null || !Geo.Instance.IsCountry(countries[i]))
                {
                    errors.Add(new($"project.countries[{i}]", $"'{countries[i]}' is not an ISO 3166-1 alpha-2 country code (for example GH, TR, UA)."));
                }
                else if (countries[i] == "DE")
                {
                    errors.Add(new($"project.countries[{i}]", "Germany is not a country abroad: use project.location \"germany\"."));
                }
            }
            if (p.Location == ProjectLocation.Germany && countries.Count > 0)
            {
                errors.Add(new("project.countries", "A project in Germany has no countries abroad; set project.location to \"abroad\" or leave countries out."));
            }
        }
        if (p.Themes is { } themes)
        {
            if (themes.Count > MaxThemes)
            {
                errors.Add(new("project.themes", $"At most {MaxThemes} themes."));
            }
            for (var i = 0; i < themes.Count && i < MaxThemes; i++)
            {
                if (themes[i] is null || !Themes.IsKnown(themes[i]))
                {
                    errors.Add(new($"project.themes[{i}]", $"Unknown theme '{themes[i]}'. GET /api/profile-schema lists the themes."));
                }
            }
        }
        if (p.RequestedAmountEur is { } amount && (amount < 0 || amount > MaxAmountEur))
        {
            errors.Add(new("project.requestedAmountEur", $"Must be a whole number of euros between 0 and {MaxAmountEur}."));
        }
        if (p.OwnContributionPercent is { } percent && (percent < 0 || percent > 100))
        {
            errors.Add(new("project.ownContributionPercent", "Must be between 0 and 100."));
        }
        if (p.DurationMonths is { } months && (months < 1 || months > MaxDurationMonths))
        {
            errors.Add(new("project.durationMonths", $"Must be between 1 and {MaxDurationMonths}."));
        }
        if (p.PlannedStart is { } start && (start < asOf.AddYears(-5) || start > asOf.AddYears(10)))
        {
            errors.Add(new("project.plannedStart", "Must lie within 5 years before and 10 years after today."));
        }
        return errors;
    }

    private static void CheckPlace(string? state, string? municipality, string owner, List<ValidationError> errors)
    {
        if (state is not null && !Geo.Instance.IsLand(state))
        {
            errors.Add(new($"{owner}.state", $"'{state}' is not a German Land; use an ISO 3166-2:DE code such as DE-NW."));
            return;
        }
        if (municipality is null)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(municipality) || municipality.Length > 100)
        {
            errors.Add(new($"{owner}.municipality", "Give the official name (such as Münster) or the 8-digit Amtlicher Gemeindeschlüssel."));
            return;
        }
        if (!Geo.Instance.TryResolveMunicipality(municipality, out _, out var ags))
        {
            errors.Add(new($"{owner}.municipality", $"'{municipality}' is not a valid Amtlicher Gemeindeschlüssel: its first two digits name no Land."));
            return;
        }
        if (ags is not null && state is not null && Geo.Instance.LandOfAgs(ags) != state)
        {
            errors.Add(new($"{owner}.municipality", $"'{municipality}' lies in {Geo.Instance.LandOfAgs(ags)}, not in {state}."));
        }
    }
}
