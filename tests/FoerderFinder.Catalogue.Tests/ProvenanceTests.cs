using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Messages;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Catalogue.Tests;

/// <summary>What users see about where a rule comes from, when it was checked, and how sure it is.</summary>
public sealed class ProvenanceTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 24);

    private static readonly Profile MsoInMuenster = new()
    {
        Organisation = new OrganisationProfile
        {
            Type = OrganisationType.RegisteredAssociation, MigrantLed = true, Charitable = true, State = "DE-NW", Municipality = "Münster",
            VolunteerRun = true, FirstTimeApplicant = true, FoundedYear = 2016,
        },
        Project = new ProjectProfile
        {
            Location = ProjectLocation.Germany, State = "DE-NW", Municipality = "Münster", Themes = ["development_education"],
            RequestedAmountEur = 4000, OwnContributionPercent = 25, PlannedStart = new DateOnly(2027, 6, 1), DurationMonths = 6,
        },
    };

    [Fact]
    public void Every_rule_in_an_answer_names_its_source_and_the_day_it_was_last_checked()
    {
        var result = Matcher.Match(Loaded.Snapshot, MsoInMuenster, new MatchOptions { AsOf = AsOf, Limit = 200, IncludeNotEligible = true });

        Assert.All(result.Results, match => Assert.All(match.Criteria, c =>
        {
            Assert.StartsWith("http", c.Source!.Url);
            Assert.NotNull(c.Source.Verified);
        }));
    }

    [Fact]
    public void A_rule_without_its_own_check_date_was_last_checked_with_its_programme()
    {
        var engagiert = Loaded.Programme("engagiert");
        var checkedEarlier = engagiert with
        {
            LastVerified = new DateOnly(2026, 10, 1),
            Criteria = engagiert.Criteria.Select((c, i) => i == 0 ? c with { Source = c.Source with { Verified = new DateOnly(2026, 9, 15) } } : c).ToList(),
        };

        var match = Cases.MatchOne(checkedEarlier, MsoInMuenster, AsOf);

        Assert.Equal(new DateOnly(2026, 9, 15), match.Criteria[0].Source!.Verified);
        Assert.All(match.Criteria.Skip(1), c => Assert.Equal(new DateOnly(2026, 10, 1), c.Source!.Verified));
    }

    [Fact]
    public void A_value_the_research_does_not_confirm_is_shown_as_unconfirmed_not_as_fact()
    {
        // Engagiert's maximum: 10,000 / 5,000 EUR in most sources, 8,000 / 4,000 EUR in one.
        var match = Cases.MatchOne(Loaded.Programme("engagiert"), MsoInMuenster, AsOf);

        var amount = Assert.Single(match.Criteria, c => c.Kind == "amount");
        Assert.True(amount.Unconfirmed);
        Assert.True(match.HasUnconfirmed);
        Assert.Equal("Unconfirmed: check with the funder.", MessageCatalog.Text(Language.En, "unconfirmed"));
        Assert.Equal("Nicht bestätigt: bitte beim Förderer nachfragen.", MessageCatalog.Text(Language.De, "unconfirmed"));
    }

    [Fact]
    public void A_programme_not_checked_for_more_than_twelve_months_is_stale()
    {
        var feb = Loaded.Programme("feb");

        Assert.False(Cases.MatchOne(feb, MsoInMuenster, feb.LastVerified.AddMonths(12)).Stale);
        Assert.True(Cases.MatchOne(feb, MsoInMuenster, feb.LastVerified.AddMonths(12).AddDays(1)).Stale);
    }

    [Fact]
    public void No_programme_or_rule_claims_a_check_in_the_future()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.All(Loaded.Programmes, p =>
        {
            Assert.True(p.LastVerified <= today, $"{p.Id}: lastVerified {p.LastVerified} lies in the future");
            Assert.All(p.Criteria, c => Assert.True(c.Source.Verified is null || c.Source.Verified <= today,
                $"{p.Id}: a rule's check date {c.Source.Verified} lies in the future"));
        });
    }
}
