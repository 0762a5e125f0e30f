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
    private static readonly int SlotsPerCriterion = OutcomeCount * (1 + Enum.GetValues<OrganisationType>().Length);
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
        if (SharedSlot(criterion, ctx, outcome) is not { } slot)
        {
            return Build(criterion, ctx, outcome, programme.LastVerified);
        }
        var shared = Shared.GetValue(programme, p => new CriterionResult?[p.Criteria.Count * SlotsPerCriterion]);
        // Two requests may build the same explanation at once; either copy serves.
        return shared[index * SlotsPerCriterion + slot] ??= Build(criterion, ctx, outcome, programme.LastVerified) with { SharedAcrossProfiles = true };
    }

    /// <summary>
    /// Where the explanation is the same for every profile with this outcome (and, for applicant types,
    /// this type): the evaluators' Explain methods read nothing else from the profile in these cases.
    /// Null when the message carries the profile's own values (amounts, dates, years, countries).
    /// </summary>
    private static int? SharedSlot(Criterion criterion, MatchContext ctx, Outcome outcome)
    {
        var byOutcome = (int)outcome;
        return criterion switch
        {
            ApplicantSeatCriterion or ProjectLocationCriterion or ThemeCriterion
                or MigrantLedCriterion or VolunteerRunCriterion or FirstTimeApplicantCriterion => byOutcome,
            ProjectRegionCriterion => ctx.Project.Location == ProjectLocation.Abroad ? null : byOutcome,
            ProjectCountryCriterion => ctx.Project.Location == ProjectLocation.Germany || outcome == Outcome.NotMet ? null : byOutcome,
            CharitableCriterion c => ctx.Organisation.Type is { } type && c.ExceptFor.Contains(type) ? null : byOutcome,
            PartnerCooperationCriterion or OrganisationAgeCriterion => outcome == Outcome.Unknown ? byOutcome : null,
            ApplicantTypeCriterion => outcome == Outcome.Unknown || ctx.Organisation.Type is not { } type
                ? byOutcome
                : byOutcome + OutcomeCount * (1 + (int)type),
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
