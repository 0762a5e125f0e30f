using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching.Evaluators;

internal static class AmountEvaluator
{
    public static Outcome Evaluate(AmountCriterion c, MatchContext ctx, out ProfileField missing) =>
        Evaluate(c.MinEur, c.MaxEur, c.FirstTimeMaxEur, ctx, out missing);

    /// <summary>The rule on the criterion's values (the first pass keeps them in the compiled catalogue).</summary>
    public static Outcome Evaluate(long? minEur, long? maxEur, long? firstTimeMaxEur, MatchContext ctx, out ProfileField missing)
    {
        if (ctx.Project.RequestedAmountEur is not { } requested)
        {
            return Outcomes.Unknown(ProfileField.ProjectRequestedAmountEur, out missing);
        }
        if (requested < minEur || requested > maxEur)
        {
            return Outcomes.Decided(false, out missing);
        }
        if (firstTimeMaxEur is { } firstTimeMax && requested > firstTimeMax)
        {
            return ctx.Organisation.FirstTimeApplicant switch
            {
                null => Outcomes.Unknown(ProfileField.OrganisationFirstTimeApplicant, out missing),
                true => Outcomes.Decided(false, out missing),
                false => Outcomes.Decided(true, out missing),
            };
        }
        return Outcomes.Decided(true, out missing);
    }

    /// <summary>The highest grant this applicant may ask for, if the criterion caps it.</summary>
    public static long? EffectiveMax(AmountCriterion c, MatchContext ctx) => EffectiveMax(c.MaxEur, c.FirstTimeMaxEur, ctx);

    public static long? EffectiveMax(long? maxEur, long? firstTimeMaxEur, MatchContext ctx) =>
        ctx.Organisation.FirstTimeApplicant == true && firstTimeMaxEur is { } firstTimeMax ? firstTimeMax : maxEur;

    public static (Message, Message?) Explain(AmountCriterion c, MatchContext ctx, Outcome outcome)
    {
        var range = Range(c);
        if (ctx.Project.RequestedAmountEur is not { } requested)
        {
            return (Message.Of($"amount.unknown.{range.Key}", range.Args), null);
        }
        var args = range.Args.Append(("requested", (object)new Money(requested))).ToArray();
        if (outcome == Outcome.Unknown)
        {
            return (Message.Of("amount.unknown.first_time", args), null);
        }
        if (outcome == Outcome.Met)
        {
            return (Message.Of($"amount.met.{range.Key}", args), null);
        }
        if (requested < c.MinEur)
        {
            return (Message.Of($"amount.not_met.too_low", args), Message.Of("fix.ask_at_least", ("amount", new Money(c.MinEur!.Value))));
        }
        var max = EffectiveMax(c, ctx)!.Value;
        var withEffectiveMax = args.Where(a => a.Item1 != "max").Append(("max", (object)new Money(max))).ToArray();
        return (Message.Of("amount.not_met.too_high", withEffectiveMax),
            Message.Of("fix.ask_at_most", ("amount", new Money(max))));
    }

    private static (string Key, (string, object)[] Args) Range(AmountCriterion c)
    {
        var args = new List<(string, object)>();
        if (c.MinEur is { } min)
        {
            args.Add(("min", new Money(min)));
        }
        if (c.MaxEur is { } max)
        {
            args.Add(("max", new Money(max)));
        }
        if (c.FirstTimeMaxEur is { } firstTimeMax)
        {
            args.Add(("firstTimeMax", new Money(firstTimeMax)));
        }
        var key = (c.MinEur, c.MaxEur, c.FirstTimeMaxEur) switch
        {
            (not null, not null, _) => "range",
            (not null, null, _) => "min",
            (null, not null, _) => "max",
            (null, null, not null) => "first_time_max",
            _ => "any",
        };
        return (key, args.ToArray());
    }
}

internal static class OwnContributionEvaluator
{
    public static Outcome Evaluate(OwnContributionCriterion c, MatchContext ctx, out ProfileField missing) =>
        Evaluate(c.MinPercent, c.VolunteerRunMinPercent, ctx, out missing);

    /// <summary>The rule on the criterion's values (the first pass keeps them in the compiled catalogue).</summary>
    public static Outcome Evaluate(decimal minPercent, decimal? volunteerRunMinPercent, MatchContext ctx, out ProfileField missing)
    {
        if (ctx.Project.OwnContributionPercent is not { } percent)
        {
            return Outcomes.Unknown(ProfileField.ProjectOwnContributionPercent, out missing);
        }
        if (percent >= minPercent)
        {
            return Outcomes.Decided(true, out missing);
        }
        if (volunteerRunMinPercent is { } volunteerMin && percent >= volunteerMin)
        {
            return Outcomes.Require(ctx.Organisation.VolunteerRun, ProfileField.OrganisationVolunteerRun, out missing);
        }
        return Outcomes.Decided(false, out missing);
    }

    public static (Message, Message?) Explain(OwnContributionCriterion c, MatchContext ctx, Outcome outcome)
    {
        var args = new List<(string, object)> { ("min", c.MinPercent) };
        if (c.VolunteerRunMinPercent is { } volunteerMin)
        {
            args.Add(("volunteerMin", volunteerMin));
        }
        var variant = c.VolunteerRunMinPercent is null ? "plain" : "volunteer";
        if (ctx.Project.OwnContributionPercent is not { } percent)
        {
            return (Message.Of($"own_contribution.unknown.{variant}", args.ToArray()), null);
        }
        args.Add(("percent", percent));
        if (outcome == Outcome.Unknown)
        {
            return (Message.Of("own_contribution.unknown.volunteer_run", args.ToArray()), null);
        }
        if (outcome == Outcome.Met)
        {
            return (Message.Of($"own_contribution.met", args.ToArray()), null);
        }
        var needed = ctx.Organisation.VolunteerRun == true && c.VolunteerRunMinPercent is { } v ? v : c.MinPercent;
        return (Message.Of($"own_contribution.not_met.{variant}", args.ToArray()), Message.Of("fix.raise_own_contribution", ("percent", needed)));
    }
}

internal static class DurationEvaluator
{
    public static Outcome Evaluate(DurationCriterion c, MatchContext ctx, out ProfileField missing) =>
        Evaluate(c.MinMonths, c.MaxMonths, ctx, out missing);

    /// <summary>The rule on the criterion's values (the first pass keeps them in the compiled catalogue).</summary>
    public static Outcome Evaluate(int? minMonths, int? maxMonths, MatchContext ctx, out ProfileField missing) =>
        ctx.Project.DurationMonths is { } months
            ? Outcomes.Decided((minMonths is null || months >= minMonths) && (maxMonths is null || months <= maxMonths), out missing)
            : Outcomes.Unknown(ProfileField.ProjectDurationMonths, out missing);

    public static (Message, Message?) Explain(DurationCriterion c, MatchContext ctx, Outcome outcome)
    {
        var args = new List<(string, object)>();
        if (c.MinMonths is { } min)
        {
            args.Add(("min", new Months(min)));
        }
        if (c.MaxMonths is { } max)
        {
            args.Add(("max", new Months(max)));
        }
        var bounds = c.MinMonths is null ? "max" : c.MaxMonths is null ? "min" : "range";
        if (outcome != Outcome.NotMet)
        {
            return (Message.Of($"duration.{Outcomes.Suffix(outcome)}.{bounds}", args.ToArray()), null);
        }
        var months = ctx.Project.DurationMonths!.Value;
        args.Add(("months", new Months(months)));
        var fix = c.MaxMonths is { } limit && months > limit
            ? Message.Of("fix.shorten_duration", ("months", new Months(limit)))
            : Message.Of("fix.extend_duration", ("months", new Months(c.MinMonths!.Value)));
        return (Message.Of($"duration.not_met.{bounds}", args.ToArray()), fix);
    }
}

internal static class ThemeEvaluator
{
    public static Outcome Evaluate(ThemeCriterion c, MatchContext ctx, out ProfileField missing)
    {
        if (ctx.Project.Themes is not { Count: > 0 } themes)
        {
            return Outcomes.Unknown(ProfileField.ProjectThemes, out missing);
        }
        // Indexed loops: foreach over an IReadOnlyList allocates an enumerator, and this runs for most programmes.
        for (var i = 0; i < themes.Count; i++)
        {
            if (c.AnyOf.Contains(themes[i]))
            {
                return Outcomes.Decided(true, out missing);
            }
        }
        return Outcomes.Decided(false, out missing);
    }

    /// <summary>
    /// The first pass's form: the criterion's themes and the profile's as bits (see <see cref="CompiledCatalogue"/>).
    /// A profile theme outside the theme list has no bit, and no criterion with a mask names it.
    /// </summary>
    public static Outcome Evaluate(ulong anyOf, ulong profileThemes, MatchContext ctx, out ProfileField missing) =>
        ctx.Project.Themes is { Count: > 0 }
            ? Outcomes.Decided((anyOf & profileThemes) != 0, out missing)
            : Outcomes.Unknown(ProfileField.ProjectThemes, out missing);

    public static (Message, Message?) Explain(ThemeCriterion c, MatchContext ctx, Outcome outcome) =>
        (Message.Of($"theme.{Outcomes.Suffix(outcome)}", ("themes", Codes.List("theme", c.AnyOf))), null);
}

internal static class ProjectStartWindowEvaluator
{
    public static Outcome Evaluate(ProjectStartWindowCriterion c, MatchContext ctx, out ProfileField missing) =>
        Evaluate(c.From?.DayNumber, c.To?.DayNumber, ctx, out missing);

    /// <summary>The rule on the window's day numbers (the first pass keeps them in the compiled catalogue).</summary>
    public static Outcome Evaluate(long? fromDay, long? toDay, MatchContext ctx, out ProfileField missing) =>
        ctx.Project.PlannedStart is { } start
            ? Outcomes.Decided((fromDay is null || start.DayNumber >= fromDay) && (toDay is null || start.DayNumber <= toDay), out missing)
            : Outcomes.Unknown(ProfileField.ProjectPlannedStart, out missing);

    public static (Message, Message?) Explain(ProjectStartWindowCriterion c, MatchContext ctx, Outcome outcome)
    {
        var args = new List<(string, object)>();
        if (c.From is { } from)
        {
            args.Add(("from", from));
        }
        if (c.To is { } to)
        {
            args.Add(("to", to));
        }
        var bounds = c.From is null ? "to" : c.To is null ? "from" : "range";
        Message? fix = null;
        if (outcome == Outcome.NotMet)
        {
            fix = c.From is { } earliest && ctx.Project.PlannedStart < earliest
                ? Message.Of("fix.start_on_or_after", ("date", earliest))
                : null;
        }
        return (Message.Of($"project_start_window.{Outcomes.Suffix(outcome)}.{bounds}", args.ToArray()), fix);
    }
}
