using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Functions.Tests.Support;

/// <summary>Small, valid programmes for tests: each one passes ProgrammeValidator.</summary>
public static class Programmes
{
    private const string Source = "https://example.org/rules";

    /// <summary>catalogue/programmes.json as shipped (copied beside the tests).</summary>
    public static IReadOnlyList<Programme> Shipped() =>
        CatalogueFile.Load(Path.Combine(AppContext.BaseDirectory, "catalogue", "programmes.json")).Document!.Programmes;

    public static Programme Valid(
        string id,
        string funder = "BMZ",
        ProgrammeStatus status = ProgrammeStatus.Active,
        IReadOnlyList<string>? themes = null,
        IReadOnlyList<OrganisationType>? applicants = null,
        IReadOnlyList<string>? seatRegions = null)
    {
        var criteria = new List<Criterion>
        {
            new ApplicantTypeCriterion
            {
                AnyOf = applicants ?? [OrganisationType.RegisteredAssociation],
                Source = new SourceRef { Url = Source },
            },
            new ProjectLocationCriterion
            {
                AnyOf = [ProjectLocation.Germany],
                Source = new SourceRef { Url = Source },
            },
        };
        if (seatRegions is not null)
        {
            criteria.Add(new ApplicantSeatCriterion { Regions = seatRegions, Source = new SourceRef { Url = Source } });
        }
        return new Programme
        {
            Id = id,
            Status = status,
            Name = new LocalizedText($"Programm {id}", $"Programme {id}"),
            Purpose = new LocalizedText("Bildungsprojekte", "Education projects"),
            Funded = new LocalizedText("Workshops und Material", "Workshops and materials"),
            Decides = new LocalizedText("Der Förderer", "The funder"),
            HowToApply = new LocalizedText("Online-Antrag", "Online application"),
            Funder = funder,
            FunderCategory = FunderCategory.FederalBmz,
            Url = $"https://example.org/{id}",
            SupportType = SupportType.Grant,
            Themes = themes ?? ["global_learning"],
            LastVerified = new DateOnly(2026, 1, 15),
            Confidence = Confidence.High,
            Sources = [new ProgrammeSource { Url = Source, Type = "official" }],
            Criteria = criteria,
        };
    }

    /// <summary>Only municipalities may apply: never eligible for an association.</summary>
    public static Programme MunicipalOnly(string id) => Valid(id, applicants: [OrganisationType.Municipality]);

    public static string Json(Programme programme) => FoerderFinderJson.Serialize(programme);
}
