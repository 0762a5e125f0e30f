using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Messages;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Profiles;

public sealed record SchemaValue(string Value, LocalizedText Label, bool? OnDacList = null);

/// <summary>One profile field as a form needs it: type, allowed values with labels, and bounds.</summary>
public sealed record SchemaField
{
    public required string Field { get; init; }
    public required string Type { get; init; }
    public required LocalizedText Label { get; init; }
    public string? ItemType { get; init; }
    public IReadOnlyList<SchemaValue>? Values { get; init; }
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }
    public string? Format { get; init; }
}

public sealed record ProfileSchemaDocument(IReadOnlyList<SchemaField> Fields, IReadOnlyList<ReferenceDataInfo> ReferenceData);

/// <summary>Every profile field with its allowed values and German/English labels, so forms need not copy vocabularies.</summary>
public static class ProfileSchema
{
    public static ProfileSchemaDocument Build(DateOnly asOf)
    {
        var fields = ProfileFields.All.Select(field => Describe(field, asOf)).ToList();
        return new ProfileSchemaDocument(fields, [.. Geo.Instance.Sources, Themes.Source]);
    }

    private static SchemaField Describe(ProfileField field, DateOnly asOf)
    {
        var path = field.Path();
        var label = new LocalizedText(MessageCatalog.Text(Language.De, $"field.{path}"), MessageCatalog.Text(Language.En, $"field.{path}"));
        SchemaField Of(string type) => new() { Field = path, Type = type, Label = label };
        return field switch
        {
            ProfileField.OrganisationType => Of("enum") with { Values = EnumValues<OrganisationType>("organisationType") },
            ProfileField.ProjectLocation => Of("enum") with { Values = EnumValues<ProjectLocation>("projectLocation") },
            ProfileField.OrganisationState or ProfileField.ProjectState => Of("enum") with
            {
                Values = Geo.Instance.Laender.Select(l => new SchemaValue(l.Code, new LocalizedText(l.De, l.En))).ToList(),
            },
            ProfileField.OrganisationMunicipality or ProfileField.ProjectMunicipality => Of("string") with { Format = "municipality" },
            ProfileField.ProjectCountries => Of("array") with
            {
                ItemType = "enum",
                Values = Geo.Instance.Countries.Where(c => c.Code != "DE")
                    .Select(c => new SchemaValue(c.Code, new LocalizedText(c.De, c.En), Geo.Instance.FindDacRecipient(c.Code) is not null)).ToList(),
            },
            ProfileField.ProjectThemes => Of("array") with
            {
                ItemType = "enum",
                Values = Themes.All.Select(t => new SchemaValue(t.Code, new LocalizedText(t.De, t.En))).ToList(),
            },
            ProfileField.OrganisationFoundedYear => Of("integer") with { Minimum = ProfileValidator.EarliestFoundedYear, Maximum = asOf.Year },
            ProfileField.OrganisationPartnerCooperationYears => Of("integer") with { Minimum = 0, Maximum = 200 },
            ProfileField.ProjectRequestedAmountEur => Of("integer") with { Minimum = 0, Maximum = ProfileValidator.MaxAmountEur },
            ProfileField.ProjectOwnContributionPercent => Of("number") with { Minimum = 0, Maximum = 100 },
            ProfileField.ProjectDurationMonths => Of("integer") with { Minimum = 1, Maximum = ProfileValidator.MaxDurationMonths },
            ProfileField.ProjectPlannedStart => Of("date") with { Format = "yyyy-MM-dd" },
            _ => Of("boolean"),
        };
    }

    private static IReadOnlyList<SchemaValue> EnumValues<T>(string vocabulary) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v =>
        {
            var code = EnumCodes.Of(v);
            return new SchemaValue(code, new LocalizedText(
                MessageCatalog.Text(Language.De, $"{vocabulary}.{code}"),
                MessageCatalog.Text(Language.En, $"{vocabulary}.{code}")));
        }).ToList();
}
