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

    /// <summary>The outcome with its message and, for a fixable failure, what would fix it: only for results shown.</summary>
    public static CriterionResult Explain(Criterion criterion, MatchContext ctx)
    {
        var outcome = Evaluate(criterion, ctx, out _);
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
        return new CriterionResult(Catalogue.CriterionJsonConverter.KindName(criterion.Kind), outcome, message, criterion.Source, criterion.Unconfirmed, fix);
    }
}
