using System.Runtime.CompilerServices;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching.Evaluators;

/// <summary>Sends each criterion kind to its one evaluator.</summary>
public static class CriterionEvaluator
{
    /// <summary>The outcome alone, without allocating: used for every programme of the catalogue. Dispatches on the kind (a jump table), not on the type.</summary>
    public static Outcome Evaluate(Criterion criterion, MatchContext ctx, out ProfileField missing) => criterion.Kind switch
    {
        CriterionKind.ApplicantType => ApplicantTypeEvaluator.Evaluate((ApplicantTypeCriterion)criterion, ctx, out missing),
        CriterionKind.ApplicantSeat => ApplicantSeatEvaluator.Evaluate((ApplicantSeatCriterion)criterion, ctx, out missing),
        CriterionKind.ProjectLocation => ProjectLocationEvaluator.Evaluate((ProjectLocationCriterion)criterion, ctx, out missing),
        CriterionKind.ProjectRegion => ProjectRegionEvaluator.Evaluate((ProjectRegionCriterion)criterion, ctx, out missing),
        CriterionKind.ProjectCountry => ProjectCountryEvaluator.Evaluate((ProjectCountryCriterion)criterion, ctx, out missing),
        CriterionKind.Amount => AmountEvaluator.Evaluate((AmountCriterion)criterion, ctx, out missing),
        CriterionKind.OwnContribution => OwnContributionEvaluator.Evaluate((OwnContributionCriterion)criterion, ctx, out missing),
        CriterionKind.Duration => DurationEvaluator.Evaluate((DurationCriterion)criterion, ctx, out missing),
        CriterionKind.OrganisationAge => OrganisationAgeEvaluator.Evaluate((OrganisationAgeCriterion)criterion, ctx, out missing),
        CriterionKind.Charitable => CharitableEvaluator.Evaluate((CharitableCriterion)criterion, ctx, out missing),
        CriterionKind.MigrantLed => MigrantLedEvaluator.Evaluate((MigrantLedCriterion)criterion, ctx, out missing),
        CriterionKind.VolunteerRun => VolunteerRunEvaluator.Evaluate((VolunteerRunCriterion)criterion, ctx, out missing),
        CriterionKind.FirstTimeApplicant => FirstTimeApplicantEvaluator.Evaluate((FirstTimeApplicantCriterion)criterion, ctx, out missing),
        CriterionKind.PartnerCooperation => PartnerCooperationEvaluator.Evaluate((PartnerCooperationCriterion)criterion, ctx, out missing),
        CriterionKind.Theme => ThemeEvaluator.Evaluate((ThemeCriterion)criterion, ctx, out missing),
        CriterionKind.ProjectStartWindow => ProjectStartWindowEvaluator.Evaluate((ProjectStartWindowCriterion)criterion, ctx, out missing),
        CriterionKind.Deadline => DeadlineEvaluator.Evaluate((DeadlineCriterion)criterion, ctx, out missing),
        _ => throw new NotSupportedException($"No evaluator for {criterion.GetType().Name}."),
    };

    private static readonly int OutcomeCount = Enum.GetValues<Outcome>().Length;
    private static readonly int VariantsPerOutcome = 1 + Enum.GetValues<OrganisationType>().Length;
    private static readonly ConditionalWeakTable<Programme, CriterionResult?[]> Shared = new();

    /// <summary>
    /// The outcome of the programme's criterion at <paramref name="index"/> with its message and, for a
    /// fixable failure, what would fix it: only for results shown. Most explanations say the same to
    /// every profile with the same outcome; those are built once per programme and shared, so that
    /// answers can keep their rendering too. A programme stands for one catalogue version and one check
    /// date, so what is shared never outlives either.
    /// </summary>
    public static CriterionResult Explain(Programme programme, int index, MatchContext ctx)
    {
        var criterion = programme.Criteria[index];
        var outcome = Evaluate(criterion, ctx, out _);
        if (SharedVariant(criterion, ctx, outcome) is not { } variant)
        {
            return Build(criterion, ctx, outcome, programme.LastVerified);
        }
        var shared = Shared.GetValue(programme, p => new CriterionResult?[p.Criteria.Count * OutcomeCount * VariantsPerOutcome]);
        var slot = (index * VariantsPerOutcome + variant) * OutcomeCount + (int)outcome;
        // Two requests may build the same explanation at once; either copy serves.
        return shared[slot] ??= Build(criterion, ctx, outcome, programme.LastVerified) with { SharedAcrossProfiles = true };
    }

    /// <summary>
    /// Which of a criterion's explanations for this outcome the profile gets, where every profile that
    /// gets it reads the same words: 0 for the usual one, 1 for the other case a kind words differently
    /// (a project abroad, a project in Germany), 1 + the type where the message names the applicant type.
    /// Null when the message carries the profile's own values (amounts, dates, years, countries), a date
    /// counted from the day asked, or a lead time chosen by the amount asked for.
    /// </summary>
    private static int? SharedVariant(Criterion criterion, MatchContext ctx, Outcome outcome)
    {
        var project = ctx.Project;
        var type = ctx.Organisation.Type;
        return criterion switch
        {
            ApplicantSeatCriterion or ProjectLocationCriterion or ThemeCriterion
                or MigrantLedCriterion or VolunteerRunCriterion or FirstTimeApplicantCriterion => 0,
            ProjectRegionCriterion => project.Location == ProjectLocation.Abroad ? 1 : 0,
            ProjectCountryCriterion => project.Location == ProjectLocation.Germany ? 1 : outcome == Outcome.NotMet ? null : 0,
            ApplicantTypeCriterion => outcome == Outcome.Unknown || type is null ? 0 : 1 + (int)type,
            CharitableCriterion c => type is { } t && c.ExceptFor.Contains(t) ? 1 + (int)t : 0,
            PartnerCooperationCriterion or OrganisationAgeCriterion => outcome == Outcome.Unknown ? 0 : null,
            AmountCriterion => project.RequestedAmountEur is null ? 0 : null,
            OwnContributionCriterion => project.OwnContributionPercent is null ? 0 : null,
            DurationCriterion or ProjectStartWindowCriterion => outcome == Outcome.NotMet ? null : 0,
            DeadlineCriterion { Schedule: { Type: DeadlineType.Call, Call: not CallStatus.Open, LeadTimes.Count: <= 1 } } => 0,
            _ => null,
        };
    }

    private static CriterionResult Build(Criterion criterion, MatchContext ctx, Outcome outcome, DateOnly programmeVerified)
    {
        var (message, fix) = criterion switch
        {
            ApplicantTypeCriterion c => ApplicantTypeEvaluator.Explain(c, ctx, outcome),
            ApplicantSeatCriterion c => ApplicantSeatEvaluator.Explain(c, ctx, outcome),
            ProjectLocationCriterion c => ProjectLocationEvaluator.Explain(c, ctx, outcome),
            ProjectRegionCriterion c => ProjectRegionEvaluator.Explain(c, ctx, outcome),
            ProjectCountryCriterion c => ProjectCountryEvaluator.Explain(c, ctx, outcome),
            AmountCriterion c => AmountEvaluator.Explain(c, ctx, outcome),
            OwnContributionCriterion c => OwnContributionEvaluator.Explain(c, ctx, outcome),
            DurationCriterion c => DurationEvaluator.Explain(c, ctx, outcome),
            OrganisationAgeCriterion c => OrganisationAgeEvaluator.Explain(c, ctx, outcome),
            CharitableCriterion c => CharitableEvaluator.Explain(c, ctx, outcome),
            MigrantLedCriterion c => MigrantLedEvaluator.Explain(c, ctx, outcome),
            VolunteerRunCriterion c => VolunteerRunEvaluator.Explain(c, ctx, outcome),
            FirstTimeApplicantCriterion c => FirstTimeApplicantEvaluator.Explain(c, ctx, outcome),
            PartnerCooperationCriterion c => PartnerCooperationEvaluator.Explain(c, ctx, outcome),
            ThemeCriterion c => ThemeEvaluator.Explain(c, ctx, outcome),
            ProjectStartWindowCriterion c => ProjectStartWindowEvaluator.Explain(c, ctx, outcome),
            DeadlineCriterion c => DeadlineEvaluator.Explain(c, ctx, outcome),
            _ => throw new NotSupportedException($"No evaluator for {criterion.GetType().Name}."),
        };
        return new CriterionResult(Catalogue.CriterionJsonConverter.KindName(criterion.Kind), outcome, message,
            criterion.Source?.CheckedNoLaterThan(programmeVerified), criterion.Unconfirmed, fix);
    }
}
