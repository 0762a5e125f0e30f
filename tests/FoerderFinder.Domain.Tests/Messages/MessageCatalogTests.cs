using System.Text.RegularExpressions;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Messages;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json;
using static FoerderFinder.Domain.Tests.TestSupport.Dates;
using static FoerderFinder.Domain.Tests.TestSupport.ProgrammeBuilder;

namespace FoerderFinder.Domain.Tests.Messages;

public partial class MessageCatalogTests
{
    private static readonly Language[] Languages = [Language.De, Language.En];

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();

    /// <summary>Keys the matcher produces, by their first segment; labels, units and UI texts are not among them.</summary>
    private static readonly string[] MatcherPrefixes =
    [
        .. CriterionJsonConverter.Kinds.Select(k => k + "."), "programme_status.", "fix.",
    ];

    /// <summary>Every criterion kind in every variant its messages distinguish, and every programme status.</summary>
    private static Programme[] VariantCatalogue()
    {
        Criterion[] variants =
        [
            .. Rule.OneOfEachKind(),
            Rule.ApplicantType(OrganisationType.Municipality, OrganisationType.School),
            Rule.Seat("DE-NW-muenster", "DE-SN"), Rule.ProjectRegion("DE"), Rule.Location(ProjectLocation.Germany),
            Rule.Countries("FR"), Rule.DacRegions("africa", "oceania"),
            Rule.Amount(min: 1_000), Rule.Amount(max: 5_000), Rule.Amount(firstTimeMax: 5_000), Rule.Amount(), Rule.Amount(min: 10_001, firstTimeMax: 20_000),
            Rule.OwnContribution(25),
            Rule.Charitable() with { ExceptFor = [OrganisationType.School, OrganisationType.Municipality] },
            Rule.Duration(min: 3), Rule.Duration(max: 12),
            Rule.OrganisationAge(minYears: 1, maxYears: 5), Rule.OrganisationAge(maxYears: 5),
            Rule.FirstTimeApplicant(false),
            Rule.StartWindow(from: D("2027-01-01")), Rule.StartWindow(to: D("2027-06-30")),
            Rule.Rolling(), Rule.Rolling(new LeadTime { Weeks = 4 }),
            Rule.Deadline(Schedules.Annual("06-30", "11-30") with { Serves = new ServedStarts { MinWeeksAfter = 22 } }),
            Rule.Annual("02-29"), Rule.OneOff("2026-06-30"), Rule.OneOff("2027-02-01"),
            Rule.Call(CallStatus.Open, "2027-01-31"), Rule.Call(CallStatus.Closed), Rule.Call(CallStatus.Unknown),
        ];
        var programmes = variants.Select((c, i) => (Programme)Programme($"v{i:00}").With(c)).ToList();
        foreach (var status in Enum.GetValues<ProgrammeStatus>().Where(s => s != ProgrammeStatus.Active))
        {
            programmes.Add(Programme($"s_{EnumCodes.Of(status)}").Status(status));
        }
        programmes.Add(Programme("s_replaced_named").Status(ProgrammeStatus.Replaced, "v00"));
        programmes.Add(Programme("everything").With([.. Rule.OneOfEachKind()]));
        return [.. programmes];
    }

    private static IEnumerable<Message> ProducedMessages()
    {
        var catalogue = TestCatalogue.Of(VariantCatalogue());
        foreach (var profile in SampleProfiles.All())
        {
            var result = Matcher.Match(catalogue, profile, new MatchOptions { AsOf = TestCatalogue.AsOf, Limit = 1_000, IncludeNotEligible = true });
            Assert.Equal(catalogue.Count, result.Results.Count);
            foreach (var match in result.Results)
            {
                foreach (var criterion in match.Criteria)
                {
                    yield return criterion.Message;
                    if (criterion.Fix is { } fix)
                    {
                        yield return fix;
                    }
                }
                foreach (var fix in match.HowToBecomeEligible)
                {
                    yield return fix;
                }
            }
        }
    }

    [Fact]
    public void Every_message_the_matcher_produces_exists_in_German_and_English()
    {
        var missing = ProducedMessages().Select(m => m.Key).Distinct()
            .SelectMany(key => Languages.Where(l => !MessageCatalog.Has(l, key)).Select(l => $"{l}: {key}"))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_message_the_matcher_produces_renders_without_unreplaced_placeholders()
    {
        var broken = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var message in ProducedMessages())
        {
            foreach (var language in Languages)
            {
                var text = MessageCatalog.Render(message, language);
                if (Placeholder().IsMatch(text) || string.IsNullOrWhiteSpace(text) || text == message.Key)
                {
                    broken.Add($"{language} {message.Key}: {text}");
                }
            }
        }

        Assert.Empty(broken);
    }

    [Fact]
    public void Every_matcher_message_in_the_catalogue_is_produced_by_some_profile()
    {
        var produced = ProducedMessages().Select(m => m.Key).ToHashSet(StringComparer.Ordinal);

        var neverProduced = MessageCatalog.Keys
            .Where(key => MatcherPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
            .Where(key => !produced.Contains(key))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(neverProduced);
    }

    [Fact]
    public void Every_vocabulary_code_in_a_message_has_a_label_in_both_languages()
    {
        var codes = ProducedMessages()
            .SelectMany(m => m.Params.Values)
            .SelectMany(v => v is IEnumerable<Code> list ? list : v is Code code ? [code] : [])
            .Distinct()
            .ToList();

        Assert.NotEmpty(codes);
        var unlabelled = codes.Where(code => code.Vocabulary switch
        {
            "region" => !Geo.Instance.IsRegion(code.Value),
            "country" => Geo.Instance.FindCountry(code.Value) is null,
            "theme" => !Themes.IsKnown(code.Value),
            _ => Languages.Any(l => !MessageCatalog.Has(l, $"{code.Vocabulary}.{code.Value}")),
        }).ToList();

        Assert.Empty(unlabelled);
        Assert.Contains(codes, c => c.Vocabulary == "organisationType");
        Assert.Contains(codes, c => c.Vocabulary == "dacRegion");
    }

    [Fact]
    public void Shipped_catalogue_explains_itself_in_both_languages_for_every_sample_profile()
    {
        var document = CatalogueFile.Load(TestCatalogue.ShippedCatalogue).Document!;
        var catalogue = new CatalogueSnapshot("shipped", document.Programmes);
        var broken = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var profile in SampleProfiles.All())
        {
            var result = Matcher.Match(catalogue, profile, new MatchOptions { AsOf = TestCatalogue.AsOf, Limit = 1_000, IncludeNotEligible = true });
            Assert.Equal(catalogue.Count, result.Results.Count);
            var messages = result.Results.SelectMany(r => r.Criteria.Select(c => c.Message).Concat(r.HowToBecomeEligible));
            foreach (var message in messages)
            {
                foreach (var language in Languages)
                {
                    var text = MessageCatalog.Render(message, language);
                    if (!MessageCatalog.Has(language, message.Key) || Placeholder().IsMatch(text))
                    {
                        broken.Add($"{language} {message.Key}: {text}");
                    }
                }
            }
        }

        Assert.Empty(broken);
    }

    [Fact]
    public void German_and_English_have_the_same_keys()
    {
        var english = EnglishKeys();

        Assert.Empty(MessageCatalog.Keys.Except(english));
        Assert.Empty(english.Except(MessageCatalog.Keys));
    }

    [Fact]
    public void Both_languages_use_the_same_placeholders_in_each_message()
    {
        var differing = MessageCatalog.Keys
            .Where(key => !Placeholders(MessageCatalog.Text(Language.De, key)).SetEquals(Placeholders(MessageCatalog.Text(Language.En, key))))
            .ToList();

        Assert.Empty(differing);
    }

    [Fact]
    public void Every_profile_field_and_enum_value_a_form_shows_has_a_label_in_both_languages()
    {
        var keys = ProfileFields.All.Select(f => $"field.{f.Path()}")
            .Concat(EnumCodes.All<OrganisationType>().Select(c => $"organisationType.{c}"))
            .Concat(EnumCodes.All<ProjectLocation>().Select(c => $"projectLocation.{c}"))
            .Concat(EnumCodes.All<Verdict>().Select(c => $"verdict.{c}"))
            .Concat(EnumCodes.All<Outcome>().Select(c => $"outcome.{c}"));

        var missing = keys.SelectMany(key => Languages.Where(l => !MessageCatalog.Has(l, key)).Select(l => $"{l}: {key}")).ToList();

        Assert.Empty(missing);
    }

    // formatting

    [Theory]
    [InlineData(Language.De, "1.234.567 €")]
    [InlineData(Language.En, "EUR 1,234,567")]
    public void Money_is_whole_euros_with_thousands_separators(Language language, string expected)
    {
        Assert.Equal(expected, MessageCatalog.Format(new Money(1_234_567), language));
    }

    [Theory]
    [InlineData(Language.De, "01.03.2027")]
    [InlineData(Language.En, "1 March 2027")]
    public void Dates_follow_the_language(Language language, string expected)
    {
        Assert.Equal(expected, MessageCatalog.Format(D("2027-03-01"), language));
    }

    [Theory]
    [InlineData(Language.De, "12,5", "1 Woche", "6 Wochen", "1 Monat", "24 Monate")]
    [InlineData(Language.En, "12.5", "1 week", "6 weeks", "1 month", "24 months")]
    public void Numbers_and_units_follow_the_language(Language language, string percent, string oneWeek, string weeks, string oneMonth, string months)
    {
        Assert.Equal(percent, MessageCatalog.Format(12.5m, language));
        Assert.Equal("25", MessageCatalog.Format(25.00m, language));
        Assert.Equal(oneWeek, MessageCatalog.Format(new Weeks(1), language));
        Assert.Equal(weeks, MessageCatalog.Format(new Weeks(6), language));
        Assert.Equal(oneMonth, MessageCatalog.Format(new Months(1), language));
        Assert.Equal(months, MessageCatalog.Format(new Months(24), language));
    }

    [Theory]
    [InlineData(Language.De, "Münsterland, Sachsen, Ghana, Integration und Teilhabe, eingetragener Verein (e.V.)")]
    [InlineData(Language.En, "Münsterland, Saxony, Ghana, Integration and participation, registered association (e.V.)")]
    public void Codes_render_as_labels_from_the_reference_data(Language language, string expected)
    {
        Code[] codes =
        [
            new("region", "DE-NW-muensterland"), new("region", "DE-SN"), new("country", "GH"), new("theme", "integration"),
            new("organisationType", "registered_association"),
        ];

        Assert.Equal(expected, MessageCatalog.Format(codes, language));
    }

    [Fact]
    public void Municipality_region_renders_as_the_municipality_name()
    {
        Assert.Equal("Münster", MessageCatalog.Label(new Code("region", "ags:05515000"), Language.En));
    }

    [Theory]
    [InlineData(Language.De, "Beantragen Sie höchstens 5.000 €.")]
    [InlineData(Language.En, "Ask for at most EUR 5,000.")]
    public void Ask_at_most_fix_renders_the_amount(Language language, string expected)
    {
        Assert.Equal(expected, MessageCatalog.Render(Message.Of("fix.ask_at_most", ("amount", new Money(5_000))), language));
    }

    [Theory]
    [InlineData(Language.De, "Beginnen Sie das Projekt am 26.01.2027 oder später.")]
    [InlineData(Language.En, "Start the project on 26 January 2027 or later.")]
    public void Start_fix_renders_the_date(Language language, string expected)
    {
        Assert.Equal(expected, MessageCatalog.Render(Message.Of("fix.start_on_or_after", ("date", D("2027-01-26"))), language));
    }

    [Fact]
    public void Amount_failure_renders_the_effective_maximum_once_in_both_languages()
    {
        var profile = new Profile { Organisation = new() { FirstTimeApplicant = true }, Project = new() { RequestedAmountEur = 6_000 } };
        var result = TestCatalogue.Explain(Rule.Amount(max: 10_000, firstTimeMax: 5_000), profile);

        Assert.Equal("Ihr Betrag (6.000 €) ist zu hoch: höchstens 5.000 €.", MessageCatalog.Render(result.Message, Language.De));
        Assert.Equal("Your amount (EUR 6,000) is too high: at most EUR 5,000.", MessageCatalog.Render(result.Message, Language.En));
    }

    [Fact]
    public void Replaced_programme_without_a_named_successor_says_so_without_a_gap()
    {
        var match = TestCatalogue.MatchOne(new Profile(), Programme("agp").Status(ProgrammeStatus.Replaced));

        var status = match.Criteria[0];
        Assert.Equal("programme_status.replaced_unnamed", status.Message.Key);
        Assert.Equal("The programme was replaced by another one. Ask the funder about its successor.", MessageCatalog.Render(status.Message, Language.En));
    }

    [Fact]
    public void Replaced_programme_with_a_successor_names_it()
    {
        var match = TestCatalogue.Match(new Profile(), Programme("agp").Status(ProgrammeStatus.Replaced, "engagiert"), Programme("engagiert"))
            .Results.Single(r => r.Programme.Id == "agp");

        Assert.Equal("Das Programm wurde ersetzt durch: engagiert.", MessageCatalog.Render(match.Criteria[0].Message, Language.De));
    }

    [Fact]
    public void Unknown_key_renders_as_the_key_itself()
    {
        Assert.False(MessageCatalog.Has(Language.En, "no.such.key"));
        Assert.Equal("no.such.key", MessageCatalog.Render(Message.Of("no.such.key", ("x", 1)), Language.En));
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static IReadOnlyCollection<string> EnglishKeys()
    {
        using var stream = typeof(MessageCatalog).Assembly.GetManifestResourceStream("Messages.messages.en.json")!;
        using var reader = new StreamReader(stream);
        return JsonConvert.DeserializeObject<Dictionary<string, string>>(reader.ReadToEnd())!.Keys;
    }
}
