using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching.Evaluators;

internal static class ApplicantTypeEvaluator
{
    public static Outcome Evaluate(ApplicantTypeCriterion c, MatchContext ctx, out ProfileField missing) =>
        ctx.Organisation.Type is { } type
            ? Outcomes.Decided(c.AnyOf.Contains(type), out missing)
            : Outcomes.Unknown(ProfileField.OrganisationType, out missing);

    /// <summary>The first pass's form: the allowed types as bits (see <see cref="CompiledCatalogue"/>).</summary>
    public static Outcome Evaluate(uint allowed, MatchContext ctx, out ProfileField missing) =>
        ctx.Organisation.Type is { } type
            ? Outcomes.Decided((allowed & CompiledCatalogue.Bit(type)) != 0, out missing)
            : Outcomes.Unknown(ProfileField.OrganisationType, out missing);

    public static (Message, Message?) Explain(ApplicantTypeCriterion c, MatchContext ctx, Outcome outcome)
    {
        var allowed = Codes.List("organisationType", c.AnyOf, EnumCodes.Of);
        return outcome switch
        {
            Outcome.Unknown => (Message.Of("applicant_type.unknown", ("allowed", allowed)), null),
            _ => (Message.Of($"applicant_type.{Outcomes.Suffix(outcome)}",
                ("type", new Code("organisationType", EnumCodes.Of(ctx.Organisation.Type!.Value))), ("allowed", allowed)), null),
        };
    }
}

internal static class CharitableEvaluator
{
    public static Outcome Evaluate(CharitableCriterion c, MatchContext ctx, out ProfileField missing) =>
        Evaluate(CompiledCatalogue.Mask(c.ExceptFor), ctx, out missing);

    /// <summary>The first pass's form: the exempt types as bits (see <see cref="CompiledCatalogue"/>).</summary>
    public static Outcome Evaluate(uint exempt, MatchContext ctx, out ProfileField missing)
    {
        if (exempt != 0)
        {
            if (ctx.Organisation.Type is { } type && (exempt & CompiledCatalogue.Bit(type)) != 0)
            {
                return Outcomes.Decided(true, out missing);
            }
            if (ctx.Organisation.Type is null && ctx.Organisation.Charitable == false)
            {
                // Not charitable, but perhaps one of the public bodies that need not be.
                return Outcomes.Unknown(ProfileField.OrganisationType, out missing);
            }
        }
        return Outcomes.Require(ctx.Organisation.Charitable, ProfileField.OrganisationCharitable, out missing);
    }

    public static (Message, Message?) Explain(CharitableCriterion c, MatchContext ctx, Outcome outcome)
    {
        if (c.ExceptFor.Count == 0)
        {
            return (Message.Of($"charitable.{Outcomes.Suffix(outcome)}"), outcome == Outcome.NotMet ? Message.Of("fix.become_charitable") : null);
        }
        var exempt = Codes.List("organisationType", c.ExceptFor, EnumCodes.Of);
        if (ctx.Organisation.Type is { } type && c.ExceptFor.Contains(type))
        {
            return (Message.Of("charitable.not_required", ("type", new Code("organisationType", EnumCodes.Of(type))), ("exempt", exempt)), null);
        }
        return (Message.Of($"charitable.{Outcomes.Suffix(outcome)}_except", ("exempt", exempt)),
            outcome == Outcome.NotMet ? Message.Of("fix.become_charitable") : null);
    }
}

internal static class MigrantLedEvaluator
{
    public static Outcome Evaluate(MigrantLedCriterion c, MatchContext ctx, out ProfileField missing) => Evaluate(ctx, out missing);

    /// <summary>The rule needs nothing from the criterion but its presence.</summary>
    public static Outcome Evaluate(MatchContext ctx, out ProfileField missing) =>
        Outcomes.Require(ctx.Organisation.MigrantLed, ProfileField.OrganisationMigrantLed, out missing);

    public static (Message, Message?) Explain(MigrantLedCriterion c, MatchContext ctx, Outcome outcome) =>
        (Message.Of($"migrant_led.{Outcomes.Suffix(outcome)}"), null);
}

internal static class VolunteerRunEvaluator
{
    public static Outcome Evaluate(VolunteerRunCriterion c, MatchContext ctx, out ProfileField missing) => Evaluate(ctx, out missing);

    /// <summary>The rule needs nothing from the criterion but its presence.</summary>
    public static Outcome Evaluate(MatchContext ctx, out ProfileField missing) =>
        Outcomes.Require(ctx.Organisation.VolunteerRun, ProfileField.OrganisationVolunteerRun, out missing);

    public static (Message, Message?) Explain(VolunteerRunCriterion c, MatchContext ctx, Outcome outcome) =>
        (Message.Of($"volunteer_run.{Outcomes.Suffix(outcome)}"), null);
}

internal static class FirstTimeApplicantEvaluator
{
    public static Outcome Evaluate(FirstTimeApplicantCriterion c, MatchContext ctx, out ProfileField missing) =>
        Evaluate(c.Required, ctx, out missing);

    public static Outcome Evaluate(bool required, MatchContext ctx, out ProfileField missing) =>
        ctx.Organisation.FirstTimeApplicant is { } firstTime
            ? Outcomes.Decided(firstTime == required, out missing)
            : Outcomes.Unknown(ProfileField.OrganisationFirstTimeApplicant, out missing);

    public static (Message, Message?) Explain(FirstTimeApplicantCriterion c, MatchContext ctx, Outcome outcome) =>
        (Message.Of($"first_time_applicant.{(c.Required ? "only_first" : "only_experienced")}.{Outcomes.Suffix(outcome)}"), null);
}

internal static class PartnerCooperationEvaluator
{
    public static Outcome Evaluate(PartnerCooperationCriterion c, MatchContext ctx, out ProfileField missing) =>
        Evaluate(c.MinYears, ctx, out missing);

    public static Outcome Evaluate(int minYears, MatchContext ctx, out ProfileField missing) =>
        ctx.Organisation.PartnerCooperationYears is { } years
            ? Outcomes.Decided(years >= minYears, out missing)
            : Outcomes.Unknown(ProfileField.OrganisationPartnerCooperationYears, out missing);

    public static (Message, Message?) Explain(PartnerCooperationCriterion c, MatchContext ctx, Outcome outcome) =>
        outcome == Outcome.Unknown
            ? (Message.Of("partner_cooperation.unknown", ("minYears", c.MinYears)), null)
            : (Message.Of($"partner_cooperation.{Outcomes.Suffix(outcome)}",
                ("minYears", c.MinYears), ("years", ctx.Organisation.PartnerCooperationYears!.Value)), null);
}

internal static class OrganisationAgeEvaluator
{
    public static Outcome Evaluate(OrganisationAgeCriterion c, MatchContext ctx, out ProfileField missing) =>
        Evaluate(c.MinYears, c.MaxYears, ctx, out missing);

    public static Outcome Evaluate(int? minYears, int? maxYears, MatchContext ctx, out ProfileField missing)
    {
        if (ctx.Organisation.FoundedYear is not { } founded)
        {
            return Outcomes.Unknown(ProfileField.OrganisationFoundedYear, out missing);
        }
        var age = ctx.AsOf.Year - founded;
        return Outcomes.Decided((minYears is null || age >= minYears) && (maxYears is null || age <= maxYears), out missing);
    }

    public static (Message, Message?) Explain(OrganisationAgeCriterion c, MatchContext ctx, Outcome outcome)
    {
        var bounds = Bounds(c);
        return outcome == Outcome.Unknown
            ? (Message.Of($"organisation_age.{bounds}.unknown", ("minYears", c.MinYears ?? 0), ("maxYears", c.MaxYears ?? 0)), null)
            : (Message.Of($"organisation_age.{bounds}.{Outcomes.Suffix(outcome)}",
                ("minYears", c.MinYears ?? 0), ("maxYears", c.MaxYears ?? 0), ("years", ctx.AsOf.Year - ctx.Organisation.FoundedYear!.Value)), null);
    }

    private static string Bounds(OrganisationAgeCriterion c) =>
        (c.MinYears, c.MaxYears) switch
        {
            (not null, not null) => "between",
            (not null, null) => "at_least",
            _ => "at_most",
        };
}
