using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching.Evaluators;

internal static class Regions
{
    /// <summary>Met when the place lies in any region; unknown when none excludes it for sure.</summary>
    public static Outcome Contains(IReadOnlyList<string> regionIds, Place place, ProfileField stateField, ProfileField municipalityField, out ProfileField missing)
    {
        var outcome = Outcome.NotMet;
        var needsMunicipality = false;
        for (var i = 0; i < regionIds.Count; i++)
        {
            var region = Geo.Instance.GetRegion(regionIds[i]);
            var contained = Geo.Instance.Contains(region, place);
            if (contained == Outcome.Met)
            {
                missing = ProfileField.None;
                return Outcome.Met;
            }
            if (contained == Outcome.Unknown)
            {
                outcome = Outcome.Unknown;
                needsMunicipality |= NeedsMunicipality(region, place);
            }
        }
        missing = Missing(outcome, place, needsMunicipality, stateField, municipalityField);
        return outcome;
    }

    /// <summary>
    /// The same rule over regions resolved once per catalogue (indices into <paramref name="outcomes"/>),
    /// whose outcome for this place is worked out once per match.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Outcome Contains(ReadOnlySpan<int> regions, ref RegionOutcomes outcomes, Place place, ProfileField stateField, ProfileField municipalityField, out ProfileField missing)
    {
        var outcome = Outcome.NotMet;
        var needsMunicipality = false;
        for (var i = 0; i < regions.Length; i++)
        {
            var contained = outcomes.Of(regions[i], place, out var needs);
            if (contained == Outcome.Met)
            {
                missing = ProfileField.None;
                return Outcome.Met;
            }
            if (contained == Outcome.Unknown)
            {
                outcome = Outcome.Unknown;
                needsMunicipality |= needs;
            }
        }
        missing = Missing(outcome, place, needsMunicipality, stateField, municipalityField);
        return outcome;
    }

    /// <summary>An unknown outcome for a region drawn by AGS prefixes can only be settled by the municipality.</summary>
    public static bool NeedsMunicipality(Region region, Place place) =>
        region.AgsPrefixes.Count > 0 && (place.State is not null || place.Ags is null);

    private static ProfileField Missing(Outcome outcome, Place place, bool needsMunicipality, ProfileField stateField, ProfileField municipalityField) =>
        outcome != Outcome.Unknown ? ProfileField.None
            : place.State is null && place.Ags is null && !place.UnresolvedName ? stateField
            : needsMunicipality && !place.UnresolvedName ? municipalityField
            // A municipality the reference data does not know: asking for it again would not help.
            : needsMunicipality ? ProfileField.None
            : stateField;

    public static IReadOnlyList<Code> Names(IReadOnlyList<string> regionIds) => Codes.List("region", regionIds);
}

internal static class ApplicantSeatEvaluator
{
    public static Outcome Evaluate(ApplicantSeatCriterion c, MatchContext ctx, out ProfileField missing) =>
        Regions.Contains(c.Regions, ctx.OrganisationSeat, ProfileField.OrganisationState, ProfileField.OrganisationMunicipality, out missing);

    /// <summary>The first pass's form: the criterion's regions resolved once per catalogue.</summary>
    public static Outcome Evaluate(ReadOnlySpan<int> regions, ref RegionOutcomes seatOutcomes, MatchContext ctx, out ProfileField missing) =>
        Regions.Contains(regions, ref seatOutcomes, ctx.OrganisationSeat, ProfileField.OrganisationState, ProfileField.OrganisationMunicipality, out missing);

    public static (Message, Message?) Explain(ApplicantSeatCriterion c, MatchContext ctx, Outcome outcome) =>
        (Message.Of($"applicant_seat.{Outcomes.Suffix(outcome)}", ("regions", Regions.Names(c.Regions))), null);
}

internal static class ProjectLocationEvaluator
{
    public static Outcome Evaluate(ProjectLocationCriterion c, MatchContext ctx, out ProfileField missing) =>
        ctx.Project.Location is { } location
            ? Outcomes.Decided(c.AnyOf.Contains(location), out missing)
            : Outcomes.Unknown(ProfileField.ProjectLocation, out missing);

    /// <summary>The first pass's form: the allowed locations as bits (see <see cref="CompiledCatalogue"/>).</summary>
    public static Outcome Evaluate(uint allowed, MatchContext ctx, out ProfileField missing) =>
        ctx.Project.Location is { } location
            ? Outcomes.Decided((allowed & CompiledCatalogue.Bit(location)) != 0, out missing)
            : Outcomes.Unknown(ProfileField.ProjectLocation, out missing);

    public static (Message, Message?) Explain(ProjectLocationCriterion c, MatchContext ctx, Outcome outcome) =>
        (Message.Of($"project_location.{Outcomes.Suffix(outcome)}", ("allowed", Codes.List("projectLocation", c.AnyOf, EnumCodes.Of))), null);
}

internal static class ProjectRegionEvaluator
{
    public static Outcome Evaluate(ProjectRegionCriterion c, MatchContext ctx, out ProfileField missing)
    {
        if (ctx.Project.Location == ProjectLocation.Abroad)
        {
            return Outcomes.Decided(false, out missing);
        }
        return Regions.Contains(c.Regions, ctx.ProjectPlace, ProfileField.ProjectState, ProfileField.ProjectMunicipality, out missing);
    }

    /// <summary>The first pass's form: the criterion's regions resolved once per catalogue.</summary>
    public static Outcome Evaluate(ReadOnlySpan<int> regions, ref RegionOutcomes placeOutcomes, MatchContext ctx, out ProfileField missing)
    {
        if (ctx.Project.Location == ProjectLocation.Abroad)
        {
            return Outcomes.Decided(false, out missing);
        }
        return Regions.Contains(regions, ref placeOutcomes, ctx.ProjectPlace, ProfileField.ProjectState, ProfileField.ProjectMunicipality, out missing);
    }

    public static (Message, Message?) Explain(ProjectRegionCriterion c, MatchContext ctx, Outcome outcome) =>
        (Message.Of(
            ctx.Project.Location == ProjectLocation.Abroad ? "project_region.abroad" : $"project_region.{Outcomes.Suffix(outcome)}",
            ("regions", Regions.Names(c.Regions))), null);
}

internal static class ProjectCountryEvaluator
{
    public static Outcome Evaluate(ProjectCountryCriterion c, MatchContext ctx, out ProfileField missing)
    {
        if (ctx.Project.Location == ProjectLocation.Germany)
        {
            // Only projects abroad have countries to check; project_location decides about Germany.
            return Outcomes.Decided(true, out missing);
        }
        if (ctx.Project.Countries is not { Count: > 0 } countries)
        {
            return Outcomes.Unknown(ProfileField.ProjectCountries, out missing);
        }
        for (var i = 0; i < countries.Count; i++)
        {
            if (!Allows(c, countries[i]))
            {
                return Outcomes.Decided(false, out missing);
            }
        }
        return Outcomes.Decided(true, out missing);
    }

    /// <summary>
    /// The first pass's form: the criterion's countries as numbers and its list and DAC regions as bits,
    /// the profile's countries in the same numbers and bits (see <see cref="CompiledCatalogue.Country"/>).
    /// </summary>
    public static Outcome Evaluate(ReadOnlySpan<int> countries, uint dac, ReadOnlySpan<CountryFacts> profileCountries, MatchContext ctx, out ProfileField missing)
    {
        if (ctx.Project.Location == ProjectLocation.Germany)
        {
            return Outcomes.Decided(true, out missing);
        }
        if (ctx.Project.Countries is not { Count: > 0 })
        {
            return Outcomes.Unknown(ProfileField.ProjectCountries, out missing);
        }
        foreach (var country in profileCountries)
        {
            if ((country.Dac & dac) == 0 && !countries.Contains(country.Id))
            {
                return Outcomes.Decided(false, out missing);
            }
        }
        return Outcomes.Decided(true, out missing);
    }

    public static (Message, Message?) Explain(ProjectCountryCriterion c, MatchContext ctx, Outcome outcome)
    {
        var allowed = new List<Code>();
        allowed.AddRange(c.CountryLists.Select(l => new Code("countryList", l)));
        allowed.AddRange(c.DacRegions.Select(r => new Code("dacRegion", r)));
        allowed.AddRange(c.Countries.Select(x => new Code("country", x)));
        if (ctx.Project.Location == ProjectLocation.Germany)
        {
            return (Message.Of("project_country.not_applicable", ("allowed", allowed)), null);
        }
        if (outcome == Outcome.NotMet)
        {
            var refused = ctx.Project.Countries!.Where(x => !Allows(c, x)).Select(x => new Code("country", x)).ToList();
            return (Message.Of("project_country.not_met", ("allowed", allowed), ("countries", refused)), null);
        }
        return (Message.Of($"project_country.{Outcomes.Suffix(outcome)}", ("allowed", allowed)), null);
    }

    private static bool Allows(ProjectCountryCriterion c, string country)
    {
        if (c.Countries.Contains(country))
        {
            return true;
        }
        var recipient = Geo.Instance.FindDacRecipient(country);
        if (recipient is null)
        {
            return false;
        }
        return c.CountryLists.Contains("oda_dac") || c.DacRegions.Contains(recipient.Region);
    }
}
