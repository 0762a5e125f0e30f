using System.Globalization;
using System.Text.RegularExpressions;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Catalogue;

/// <summary>
/// Everything a programme must satisfy before it is stored: ids, codes from the closed lists,
/// sources on every fact, consistent bounds and real dates. Errors carry the JSON path.
/// </summary>
public static partial class ProgrammeValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_]{1,63}$")]
    public static partial Regex IdPattern();

    public static IReadOnlyList<ValidationError> ValidateCatalogue(CatalogueDocument document)
    {
        var errors = new List<ValidationError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Programmes.Count; i++)
        {
            var programme = document.Programmes[i];
            var path = $"programmes[{i}]";
            if (programme is null)
            {
                errors.Add(new(path, "A programme must be an object."));
                continue;
            }
            errors.AddRange(Validate(programme, path));
            if (programme.Id is not null && !seen.Add(programme.Id))
            {
                errors.Add(new($"{path}.id", $"Duplicate programme id '{programme.Id}'."));
            }
        }
        foreach (var (programme, i) in document.Programmes.Select((p, i) => (p, i)))
        {
            if (programme?.ReplacedBy is { } successor && !seen.Contains(successor))
            {
                errors.Add(new($"programmes[{i}].replacedBy", $"'{successor}' is not in the catalogue."));
            }
        }
        return errors;
    }

    public static IReadOnlyList<ValidationError> Validate(Programme programme, string path = "")
    {
        var errors = new List<ValidationError>();
        string At(string field) => string.IsNullOrEmpty(path) ? field : $"{path}.{field}";
        void Add(string field, string message) => errors.Add(new(At(field), message));

        if (programme.Id is null || !IdPattern().IsMatch(programme.Id))
        {
            Add("id", "An id is 2 to 64 characters: lower-case letters, digits and underscores.");
        }
        RequireText(programme.Name, "name", Add, required: true);
        RequireText(programme.Purpose, "purpose", Add, required: true);
        // Every programme tells, in German and English, what is funded, who decides and how to apply
        // (where the sources do not say, the text says so and points to the funder's page).
        RequireText(programme.Funded, "funded", Add, required: true);
        RequireText(programme.Decides, "decides", Add, required: true);
        RequireText(programme.HowToApply, "howToApply", Add, required: true);
        RequireText(programme.StatusNote, "statusNote", Add, required: false);
        if (string.IsNullOrWhiteSpace(programme.Funder))
        {
            Add("funder", "Required.");
        }
        RequireUrl(programme.Url, "url", Add);
        if (programme.Sources is not { Count: > 0 })
        {
            Add("sources", "At least one source is required.");
        }
        else
        {
            for (var i = 0; i < programme.Sources.Count; i++)
            {
                RequireUrl(programme.Sources[i]?.Url, $"sources[{i}].url", Add);
            }
        }
        for (var i = 0; i < programme.Themes.Count; i++)
        {
            if (!Themes.IsKnown(programme.Themes[i]))
            {
                Add($"themes[{i}]", $"Unknown theme '{programme.Themes[i]}'.");
            }
        }
        if (programme.ReplacedBy is not null && programme.Status != ProgrammeStatus.Replaced)
        {
            Add("replacedBy", "Only a replaced programme names its successor.");
        }
        for (var i = 0; i < programme.Criteria.Count; i++)
        {
            var criterion = programme.Criteria[i];
            if (criterion is null)
            {
                Add($"criteria[{i}]", "A criterion must be an object.");
                continue;
            }
            ValidateCriterion(criterion, $"criteria[{i}]", Add);
        }
        if (programme.Criteria.Any(c => c is ProjectCountryCriterion)
            && !programme.Criteria.Any(c => c is ProjectLocationCriterion { AnyOf: { } places } && places.Contains(ProjectLocation.Abroad)))
        {
            Add("criteria", "A project_country criterion needs a project_location criterion that allows abroad: countries only limit projects abroad.");
        }
        for (var i = 0; i < programme.CheckYourself.Count; i++)
        {
            RequireText(programme.CheckYourself[i]?.Text, $"checkYourself[{i}].text", Add, required: true);
            RequireUrl(programme.CheckYourself[i]?.Source?.Url, $"checkYourself[{i}].source.url", Add);
        }
        return errors;
    }

    private static void ValidateCriterion(Criterion criterion, string path, Action<string, string> add)
    {
        RequireUrl(criterion.Source?.Url, $"{path}.source.url", add);
        switch (criterion)
        {
            case ApplicantTypeCriterion c when c.AnyOf is not { Count: > 0 }:
                add($"{path}.anyOf", "Name at least one applicant type.");
                break;
            case ApplicantSeatCriterion c:
                CheckRegions(c.Regions, $"{path}.regions", add);
                break;
            case ProjectRegionCriterion c:
                CheckRegions(c.Regions, $"{path}.regions", add);
                break;
            case ProjectLocationCriterion c when c.AnyOf is not { Count: > 0 }:
                add($"{path}.anyOf", "Name germany, abroad or both.");
                break;
            case ProjectCountryCriterion c:
                for (var i = 0; i < c.Countries.Count; i++)
                {
                    if (!Geo.Instance.IsCountry(c.Countries[i]))
                    {
                        add($"{path}.countries[{i}]", $"'{c.Countries[i]}' is not an ISO 3166-1 alpha-2 code.");
                    }
                }
                for (var i = 0; i < c.CountryLists.Count; i++)
                {
                    if (c.CountryLists[i] != "oda_dac")
                    {
                        add($"{path}.countryLists[{i}]", $"Unknown country list '{c.CountryLists[i]}'; known: oda_dac.");
                    }
                }
                for (var i = 0; i < c.DacRegions.Count; i++)
                {
                    if (c.DacRegions[i] is not ("africa" or "america" or "asia" or "europe" or "oceania"))
                    {
                        add($"{path}.dacRegions[{i}]", $"Unknown DAC region '{c.DacRegions[i]}'.");
                    }
                }
                if (c.Countries.Count + c.CountryLists.Count + c.DacRegions.Count == 0)
                {
                    add(path, "Name countries, a country list or DAC regions.");
                }
                break;
            case AmountCriterion c:
                CheckRange(c.MinEur, c.MaxEur, path, "minEur", "maxEur", add);
                CheckRange(c.MinEur, c.FirstTimeMaxEur, path, "minEur", "firstTimeMaxEur", add);
                CheckRange(c.FirstTimeMaxEur, c.MaxEur, path, "firstTimeMaxEur", "maxEur", add);
                if (c.MinEur < 0 || c.MaxEur < 0 || c.FirstTimeMaxEur < 0)
                {
                    add(path, "Amounts cannot be negative.");
                }
                break;
            case OwnContributionCriterion c:
                if (c.MinPercent is < 0 or > 100 || c.VolunteerRunMinPercent is < 0 or > 100)
                {
                    add(path, "Percentages lie between 0 and 100.");
                }
                if (c.VolunteerRunMinPercent > c.MinPercent)
                {
                    add($"{path}.volunteerRunMinPercent", "The rate for volunteer-run groups cannot be above the normal rate.");
                }
                break;
            case DurationCriterion c:
                CheckRange(c.MinMonths, c.MaxMonths, path, "minMonths", "maxMonths", add);
                break;
            case OrganisationAgeCriterion c:
                CheckRange(c.MinYears, c.MaxYears, path, "minYears", "maxYears", add);
                break;
            case ThemeCriterion c when c.AnyOf is not { Count: > 0 }:
                add($"{path}.anyOf", "Name at least one theme.");
                break;
            case ThemeCriterion c:
                for (var i = 0; i < c.AnyOf.Count; i++)
                {
                    if (!Themes.IsKnown(c.AnyOf[i]))
                    {
                        add($"{path}.anyOf[{i}]", $"Unknown theme '{c.AnyOf[i]}'.");
                    }
                }
                break;
            case CharitableCriterion c when c.ExceptFor is null || c.ExceptFor.Distinct().Count() != c.ExceptFor.Count:
                add($"{path}.exceptFor", "Name each organisation type once.");
                break;
            case ProjectStartWindowCriterion c when c.From > c.To:
                add($"{path}.from", "from lies after to.");
                break;
            case DeadlineCriterion c:
                ValidateSchedule(c.Schedule, $"{path}.schedule", add);
                break;
        }
    }

    private static void ValidateSchedule(DeadlineSchedule? schedule, string path, Action<string, string> add)
    {
        if (schedule is null)
        {
            add(path, "Required.");
            return;
        }
        for (var i = 0; i < schedule.Dates.Count; i++)
        {
            var text = schedule.Dates[i];
            var ok = schedule.Type == DeadlineType.Annual
                ? DateOnly.TryParseExact("2024-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && text.Length == 5
                : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            if (!ok)
            {
                add($"{path}.dates[{i}]", schedule.Type == DeadlineType.Annual
                    ? $"'{text}' is not a day of the year as MM-dd."
                    : $"'{text}' is not a date as yyyy-MM-dd.");
            }
        }
        switch (schedule.Type)
        {
            case DeadlineType.Annual or DeadlineType.OneOff when schedule.Dates.Count == 0:
                add($"{path}.dates", "Name at least one date.");
                break;
            case DeadlineType.Call when schedule.Call is null:
                add($"{path}.call", "Say whether the call is open, closed or unknown.");
                break;
            case DeadlineType.Call when schedule.Call == CallStatus.Open && schedule.Dates.Count == 0:
                add($"{path}.dates", "An open call needs its closing date.");
                break;
        }
        if (schedule.Serves is { MaxWeeksAfter: { } max } serves && max < serves.MinWeeksAfter)
        {
            add($"{path}.serves", "maxWeeksAfter lies below minWeeksAfter.");
        }
        for (var i = 0; i < schedule.LeadTimes.Count; i++)
        {
            if (schedule.LeadTimes[i].Weeks < 0)
            {
                add($"{path}.leadTimes[{i}].weeks", "Cannot be negative.");
            }
        }
    }

    private static void CheckRegions(IReadOnlyList<string>? regions, string path, Action<string, string> add)
    {
        if (regions is not { Count: > 0 })
        {
            add(path, "Name at least one region.");
            return;
        }
        for (var i = 0; i < regions.Count; i++)
        {
            if (regions[i] is null || !Geo.Instance.IsRegion(regions[i]))
            {
                add($"{path}[{i}]", $"Unknown region '{regions[i]}'.");
            }
        }
    }

    private static void CheckRange<T>(T? min, T? max, string path, string minName, string maxName, Action<string, string> add)
        where T : struct, IComparable<T>
    {
        if (min is { } low && max is { } high && low.CompareTo(high) > 0)
        {
            add($"{path}.{minName}", $"{minName} ({low}) lies above {maxName} ({high}).");
        }
    }

    private static void RequireText(LocalizedText? text, string field, Action<string, string> add, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                add(field, "Required in German and English.");
            }
            return;
        }
        if (string.IsNullOrWhiteSpace(text.De))
        {
            add($"{field}.de", "Required.");
        }
        if (string.IsNullOrWhiteSpace(text.En))
        {
            add($"{field}.en", "Required.");
        }
    }

    private static void RequireUrl(string? url, string field, Action<string, string> add)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            add(field, "A source needs an http(s) URL.");
        }
    }
}
