using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Tests.TestSupport;

/// <summary>Builds a valid programme with as little as a test needs to say.</summary>
public sealed class ProgrammeBuilder
{
    private readonly string _id;
    private readonly List<Criterion> _criteria = [];
    private ProgrammeStatus _status = ProgrammeStatus.Active;
    private string? _replacedBy;
    private string[] _themes = [];
    private bool _madeForMsos;
    private bool _firstTimeFriendly;
    private DateOnly _lastVerified = new(2026, 11, 1);
    private FunderCategory _funderCategory = FunderCategory.FederalBmz;
    private string _funder = "BMZ";

    public ProgrammeBuilder(string id) => _id = id;

    public static ProgrammeBuilder Programme(string id) => new(id);

    public ProgrammeBuilder With(params Criterion[] criteria)
    {
        _criteria.AddRange(criteria);
        return this;
    }

    public ProgrammeBuilder Status(ProgrammeStatus status, string? replacedBy = null)
    {
        _status = status;
        _replacedBy = replacedBy;
        return this;
    }

    public ProgrammeBuilder Themes(params string[] themes)
    {
        _themes = themes;
        return this;
    }

    public ProgrammeBuilder MadeForMsos()
    {
        _madeForMsos = true;
        return this;
    }

    public ProgrammeBuilder FirstTimeFriendly()
    {
        _firstTimeFriendly = true;
        return this;
    }

    public ProgrammeBuilder Verified(DateOnly lastVerified)
    {
        _lastVerified = lastVerified;
        return this;
    }

    public ProgrammeBuilder Funder(string funder, FunderCategory category)
    {
        _funder = funder;
        _funderCategory = category;
        return this;
    }

    public Programme Build() => new()
    {
        Id = _id,
        Status = _status,
        ReplacedBy = _replacedBy,
        Name = new LocalizedText($"Programm {_id}", $"Programme {_id}"),
        Purpose = new LocalizedText("Zweck", "Purpose"),
        Funded = new LocalizedText("Gefördert wird", "Funded"),
        Decides = new LocalizedText("Entscheidet", "Decides"),
        HowToApply = new LocalizedText("Antrag", "How to apply"),
        Funder = _funder,
        FunderCategory = _funderCategory,
        Url = $"https://example.org/{_id}",
        SupportType = SupportType.Grant,
        Themes = _themes,
        MadeForMsos = _madeForMsos,
        FirstTimeFriendly = _firstTimeFriendly,
        LastVerified = _lastVerified,
        Confidence = Confidence.High,
        Sources = [new ProgrammeSource { Url = $"https://example.org/{_id}/rules", Type = "official" }],
        Criteria = _criteria.ToList(),
    };

    public static implicit operator Programme(ProgrammeBuilder builder) => builder.Build();
}
