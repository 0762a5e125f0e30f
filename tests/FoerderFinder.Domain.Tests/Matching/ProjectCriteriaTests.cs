using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Tests.TestSupport;
using FoerderFinder.Domain.Vocabulary;
using static FoerderFinder.Domain.Tests.TestSupport.Dates;
using static FoerderFinder.Domain.Tests.TestSupport.TestCatalogue;

namespace FoerderFinder.Domain.Tests.Matching;

public class ProjectCriteriaTests
{
    private static Profile Request(long? amount, bool? firstTime = null) =>
        new() { Organisation = new() { FirstTimeApplicant = firstTime }, Project = new() { RequestedAmountEur = amount } };

    private static Profile Contribution(decimal? percent, bool? volunteerRun = null) =>
        new() { Organisation = new() { VolunteerRun = volunteerRun }, Project = new() { OwnContributionPercent = percent } };

    // amount

    [Theory]
    [InlineData(10_000, Outcome.Met)]
    [InlineData(10_001, Outcome.NotMet)]
    [InlineData(1_000, Outcome.Met)]
    [InlineData(999, Outcome.NotMet)]
    [InlineData(0, Outcome.NotMet)]
    public void Amount_bounds_are_inclusive(long requested, Outcome expected)
    {
        var (outcome, missing) = Evaluate(Rule.Amount(min: 1_000, max: 10_000), Request(requested));

        Assert.Equal(expected, outcome);
        Assert.Equal(ProfileField.None, missing);
    }

    [Fact]
    public void Amount_is_unknown_when_no_amount_is_requested()
    {
        var (outcome, missing) = Evaluate(Rule.Amount(max: 10_000), Request(null));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.ProjectRequestedAmountEur, missing);
        Assert.Equal("amount.unknown.max", Explain(Rule.Amount(max: 10_000), Request(null)).Message.Key);
    }

    [Theory]
    [InlineData(5_000, null, Outcome.Met)]       // at the first-time cap: fine for anyone
    [InlineData(5_001, true, Outcome.NotMet)]    // above the cap, first application
    [InlineData(5_001, false, Outcome.Met)]      // above the cap, funded before
    [InlineData(10_000, false, Outcome.Met)]
    [InlineData(10_001, false, Outcome.NotMet)]
    [InlineData(10_001, null, Outcome.NotMet)]   // above the general maximum: whoever asks
    public void First_time_cap_applies_only_to_first_time_applicants(long requested, bool? firstTime, Outcome expected)
    {
        var (outcome, _) = Evaluate(Rule.Amount(max: 10_000, firstTimeMax: 5_000), Request(requested, firstTime));

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void Amount_above_the_first_time_cap_is_unknown_when_first_time_is_unanswered()
    {
        var rule = Rule.Amount(max: 10_000, firstTimeMax: 5_000);

        var (outcome, missing) = Evaluate(rule, Request(6_000));
        var result = Explain(rule, Request(6_000));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.OrganisationFirstTimeApplicant, missing);
        Assert.Equal("amount.unknown.first_time", result.Message.Key);
        Assert.Equal(new Money(5_000), result.Message.Params["firstTimeMax"]);
        Assert.Equal(new Money(6_000), result.Message.Params["requested"]);
    }

    [Fact]
    public void First_time_cap_without_a_general_maximum_leaves_experienced_applicants_unbounded()
    {
        var rule = Rule.Amount(min: 10_001, firstTimeMax: 20_000);

        Assert.Equal(Outcome.Met, Evaluate(rule, Request(250_000, firstTime: false)).Outcome);
        Assert.Equal(Outcome.NotMet, Evaluate(rule, Request(20_001, firstTime: true)).Outcome);
        Assert.Equal(Outcome.Met, Evaluate(rule, Request(20_000, firstTime: true)).Outcome);
        Assert.Equal(Outcome.NotMet, Evaluate(rule, Request(10_000, firstTime: false)).Outcome);
    }

    [Fact]
    public void Amount_too_high_for_a_first_timer_names_the_first_time_cap_as_the_maximum()
    {
        var result = Explain(Rule.Amount(max: 10_000, firstTimeMax: 5_000), Request(6_000, firstTime: true));

        Assert.Equal("amount.not_met.too_high", result.Message.Key);
        Assert.Equal(new Money(5_000), result.Message.Params["max"]);
        Assert.Equal("fix.ask_at_most", result.Fix?.Key);
        Assert.Equal(new Money(5_000), result.Fix!.Params["amount"]);
    }

    [Theory]
    [InlineData(1_000L, 10_000L, null, "amount.met.range")]
    [InlineData(1_000L, null, null, "amount.met.min")]
    [InlineData(null, 10_000L, null, "amount.met.max")]
    [InlineData(null, null, 5_000L, "amount.met.first_time_max")]
    [InlineData(null, null, null, "amount.met.any")]
    public void Amount_message_fits_the_bounds_the_programme_sets(long? min, long? max, long? firstTimeMax, string key)
    {
        var result = Explain(Rule.Amount(min, max, firstTimeMax), Request(2_000, firstTime: true));

        Assert.Equal(Outcome.Met, result.Outcome);
        Assert.Equal(key, result.Message.Key);
    }

    // own_contribution

    [Theory]
    [InlineData(25, null, Outcome.Met)]
    [InlineData(100, null, Outcome.Met)]
    [InlineData(24.99, true, Outcome.Met)]
    [InlineData(24.99, false, Outcome.NotMet)]
    [InlineData(10, true, Outcome.Met)]       // exactly the volunteer rate
    [InlineData(10, false, Outcome.NotMet)]
    [InlineData(9.99, true, Outcome.NotMet)]
    [InlineData(0, null, Outcome.NotMet)]
    public void Own_contribution_meets_the_normal_rate_or_the_volunteer_rate_for_volunteer_run_groups(double percent, bool? volunteerRun, Outcome expected)
    {
        var (outcome, _) = Evaluate(Rule.OwnContribution(25, 10), Contribution((decimal)percent, volunteerRun));

        Assert.Equal(expected, outcome);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    public void Own_contribution_at_the_volunteer_rate_is_unknown_when_volunteer_run_is_unanswered(double percent)
    {
        var rule = Rule.OwnContribution(25, 10);

        var (outcome, missing) = Evaluate(rule, Contribution((decimal)percent));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.OrganisationVolunteerRun, missing);
        Assert.Equal("own_contribution.unknown.volunteer_run", Explain(rule, Contribution((decimal)percent)).Message.Key);
    }

    [Fact]
    public void Own_contribution_without_a_volunteer_rate_ignores_volunteer_run()
    {
        var (outcome, missing) = Evaluate(Rule.OwnContribution(25), Contribution(10, volunteerRun: true));

        Assert.Equal(Outcome.NotMet, outcome);
        Assert.Equal(ProfileField.None, missing);
    }

    [Fact]
    public void Own_contribution_is_unknown_without_a_percentage()
    {
        var (outcome, missing) = Evaluate(Rule.OwnContribution(25, 10), Contribution(null, volunteerRun: true));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.ProjectOwnContributionPercent, missing);
        Assert.Equal("own_contribution.unknown.volunteer", Explain(Rule.OwnContribution(25, 10), Contribution(null)).Message.Key);
        Assert.Equal("own_contribution.unknown.plain", Explain(Rule.OwnContribution(25), Contribution(null)).Message.Key);
    }

    // duration

    [Theory]
    [InlineData(3, Outcome.Met)]
    [InlineData(24, Outcome.Met)]
    [InlineData(2, Outcome.NotMet)]
    [InlineData(25, Outcome.NotMet)]
    public void Duration_bounds_are_inclusive(int months, Outcome expected)
    {
        var (outcome, _) = Evaluate(Rule.Duration(min: 3, max: 24), Project(new() { DurationMonths = months }));

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void Duration_is_unknown_without_a_duration()
    {
        var (outcome, missing) = Evaluate(Rule.Duration(max: 36), Project(new()));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.ProjectDurationMonths, missing);
        Assert.Equal("duration.unknown.max", Explain(Rule.Duration(max: 36), Project(new())).Message.Key);
    }

    [Fact]
    public void Duration_too_long_suggests_the_maximum_and_too_short_the_minimum()
    {
        var tooLong = Explain(Rule.Duration(min: 3, max: 24), Project(new() { DurationMonths = 30 }));
        var tooShort = Explain(Rule.Duration(min: 3, max: 24), Project(new() { DurationMonths = 1 }));

        Assert.Equal("duration.not_met.range", tooLong.Message.Key);
        Assert.Equal(new Months(30), tooLong.Message.Params["months"]);
        Assert.Equal("fix.shorten_duration", tooLong.Fix?.Key);
        Assert.Equal("fix.extend_duration", tooShort.Fix?.Key);
        Assert.Equal(new Months(3), tooShort.Fix!.Params["months"]);
    }

    // theme

    [Fact]
    public void Theme_is_met_when_any_project_theme_is_funded()
    {
        var (outcome, _) = Evaluate(Rule.Theme("integration", "youth"), Project(new() { Themes = ["sport", "youth"] }));

        Assert.Equal(Outcome.Met, outcome);
    }

    [Fact]
    public void Theme_is_not_met_when_no_project_theme_is_funded()
    {
        var (outcome, _) = Evaluate(Rule.Theme("integration"), Project(new() { Themes = ["sport", "youth"] }));

        Assert.Equal(Outcome.NotMet, outcome);
    }

    [Fact]
    public void Theme_is_unknown_when_no_theme_or_an_empty_list_is_given()
    {
        Assert.Equal((Outcome.Unknown, ProfileField.ProjectThemes), Evaluate(Rule.Theme("integration"), Project(new())));
        Assert.Equal((Outcome.Unknown, ProfileField.ProjectThemes), Evaluate(Rule.Theme("integration"), Project(new() { Themes = [] })));
    }

    // project_start_window

    [Theory]
    [InlineData("2027-01-01", Outcome.Met)]
    [InlineData("2027-12-31", Outcome.Met)]
    [InlineData("2026-12-31", Outcome.NotMet)]
    [InlineData("2028-01-01", Outcome.NotMet)]
    public void Start_window_bounds_are_inclusive(string start, Outcome expected)
    {
        var rule = Rule.StartWindow(D("2027-01-01"), D("2027-12-31"));

        var (outcome, _) = Evaluate(rule, Project(new() { PlannedStart = D(start) }));

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void Start_window_is_unknown_without_a_planned_start()
    {
        var (outcome, missing) = Evaluate(Rule.StartWindow(to: D("2027-12-31")), Project(new()));

        Assert.Equal(Outcome.Unknown, outcome);
        Assert.Equal(ProfileField.ProjectPlannedStart, missing);
        Assert.Equal("project_start_window.unknown.to", Explain(Rule.StartWindow(to: D("2027-12-31")), Project(new())).Message.Key);
    }

    [Fact]
    public void Starting_before_the_window_suggests_its_first_day_and_starting_after_it_has_no_fix()
    {
        var rule = Rule.StartWindow(D("2027-01-01"), D("2027-12-31"));

        var early = Explain(rule, Project(new() { PlannedStart = D("2026-12-15") }));
        var late = Explain(rule, Project(new() { PlannedStart = D("2028-02-01") }));

        Assert.Equal("project_start_window.not_met.range", early.Message.Key);
        Assert.Equal("fix.start_on_or_after", early.Fix?.Key);
        Assert.Equal(D("2027-01-01"), early.Fix!.Params["date"]);
        Assert.Null(late.Fix);
    }

    private static Profile Project(ProjectProfile project) => new() { Project = project };
}
