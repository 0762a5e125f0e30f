using System.Buffers;
using System.Numerics;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Matching.Evaluators;
using FoerderFinder.Domain.Profiles;
using FoerderFinder.Domain.Vocabulary;

namespace FoerderFinder.Domain.Matching;

/// <summary>
/// Matches one profile against a catalogue. Two passes: every programme gets a verdict and a score
/// without allocating; only the programmes returned are explained criterion by criterion, so the
/// cost of messages grows with the results asked for, not with the catalogue.
/// </summary>
public static class Matcher
{
    public const int StaleAfterMonths = 12;

    public static MatchResult Match(CatalogueSnapshot catalogue, Profile profile, MatchOptions options)
    {
        var ctx = new MatchContext(profile, options.AsOf);
        var limit = Math.Max(0, options.Limit);
        var top = new PriorityQueue<int, RankKey>(limit + 1, RankKey.WorstFirst(catalogue));
        Span<int> settles = stackalloc int[32];
        Span<int> affects = stackalloc int[32];
        int eligible = 0, open = 0, notEligible = 0;

        var compiled = catalogue.Compiled;
        var regions = compiled.Regions.Length;
        var rented = 2 * regions > RegionOutcomes.StackLimit ? ArrayPool<byte>.Shared.Rent(2 * regions) : null;
        Span<byte> memo = rented is null ? stackalloc byte[RegionOutcomes.StackLimit] : rented.AsSpan();
        memo = memo[..(2 * regions)];
        memo.Clear();
        var seat = new RegionOutcomes(compiled.Regions, memo[..regions]);
        var place = new RegionOutcomes(compiled.Regions, memo[regions..]);
        Span<int> themeBits = stackalloc int[Math.Min(profile.Project.Themes?.Count ?? 0, MaxThemeBits)];
        var themesAsBits = PrepareThemeBits(profile, themeBits);
        var profileCountries = profile.Project.Countries is { Count: > 0 } countries
            ? countries.Count <= MaxCountriesOnStack ? stackalloc CountryFacts[countries.Count] : new CountryFacts[countries.Count]
            : [];
        for (var c = 0; c < profileCountries.Length; c++)
        {
            profileCountries[c] = compiled.Country(profile.Project.Countries![c]);
        }
        var bits = new ProfileBits(themesAsBits ? themeBits : default, themesAsBits, profileCountries);
        try
        {
            var starts = compiled.Starts;
            for (var i = 0; i < starts.Length; i++)
            {
                var start = starts[i];
                ref readonly var p = ref compiled.Programme(start);
                if (!options.IncludeNotEligible && TurnedDown(in p, ctx, ref seat))
                {
                    notEligible++;
                    continue;
                }
                var assessment = Assess(catalogue, i, start, in p, ctx, ref seat, ref place, in bits);
                switch (assessment.Verdict)
                {
                    case Verdict.Eligible:
                        eligible++;
                        break;
                    case Verdict.NeedsInformation:
                        open++;
                        CountMissing(assessment, settles, affects);
                        break;
                    default:
                        notEligible++;
                        if (!options.IncludeNotEligible)
                        {
                            continue;
                        }
                        break;
                }
                if (limit == 0)
                {
                    continue;
                }
                var key = new RankKey(assessment.Verdict, assessment.Score, assessment.NextDeadline, i);
                // Once the list is full, a programme that ranks after the last one would only be taken out again.
                if (top.Count == limit && top.TryPeek(out _, out var last) && RankKey.Compare(catalogue, key, last) > 0)
                {
                    continue;
                }
                top.Enqueue(i, key);
                if (top.Count > limit)
                {
                    top.Dequeue();
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        var ranked = new ProgrammeMatch[top.Count];
        for (var slot = ranked.Length - 1; slot >= 0; slot--)
        {
            var index = top.Dequeue();
            ranked[slot] = Explain(catalogue.Programmes[index], catalogue.Profiles[index], ctx);
        }

        return new MatchResult
        {
            CatalogueVersion = catalogue.Version,
            AsOf = options.AsOf,
            Results = ranked,
            NextQuestion = ChooseNextQuestion(settles, affects),
            EligibleCount = eligible,
            NeedsInformationCount = open,
            NotEligibleCount = notEligible,
        };
    }

    private const int MaxThemeBits = 64;
    private const int MaxCountriesOnStack = 64;

    /// <summary>The profile's themes and countries in the compiled catalogue's numbers, worked out once per match.</summary>
    private readonly ref struct ProfileBits(ReadOnlySpan<int> themeBits, bool themesAsBits, ReadOnlySpan<CountryFacts> countries)
    {
        /// <summary>The themes as bit numbers (-1 for a theme outside the list); only when ThemesAsBits.</summary>
        public ReadOnlySpan<int> ThemeBits { get; } = themeBits;
        public bool ThemesAsBits { get; } = themesAsBits;
        public ulong ThemeMask { get; } = Mask(themeBits);
        public ReadOnlySpan<CountryFacts> Countries { get; } = countries;

        private static ulong Mask(ReadOnlySpan<int> bits)
        {
            var mask = 0UL;
            foreach (var bit in bits)
            {
                mask |= bit >= 0 ? 1UL << bit : 0;
            }
            return mask;
        }
    }

    /// <summary>The profile's themes as bit numbers, so shared themes are counted with masks. False when they cannot be.</summary>
    private static bool PrepareThemeBits(Profile profile, Span<int> bits)
    {
        if (profile.Project.Themes is not { Count: > 0 } themes)
        {
            return true;
        }
        if (themes.Count > MaxThemeBits)
        {
            return false;
        }
        for (var i = 0; i < themes.Count; i++)
        {
            bits[i] = CompiledCatalogue.ThemeBit(themes[i]);
        }
        return true;
    }

    /// <summary>
    /// The verdict of one programme, and for open ones which profile fields are still missing. Runs for
    /// every programme of the catalogue, so it reads the compiled catalogue and allocates nothing.
    /// </summary>
    private static Assessment Assess(
        CatalogueSnapshot catalogue,
        int index,
        int start,
        in CompiledProgramme p,
        MatchContext ctx,
        ref RegionOutcomes seat,
        ref RegionOutcomes place,
        in ProfileBits bits)
    {
        var compiled = catalogue.Compiled;
        if (p.Status.IsOver())
        {
            return new Assessment(Verdict.NotEligible, 0, ProfileField.None, false, null);
        }
        var anyUnknown = p.Status != ProgrammeStatus.Active;
        var unknownWithoutField = anyUnknown;
        var missing = ProfileField.None;
        var deadlineOutcome = Outcome.Unknown;
        DateOnly? nextDeadline = null;
        var criteria = compiled.Criteria(start, in p);
        for (var k = 0; k < criteria.Length; k++)
        {
            ref readonly var c = ref criteria[k];
            Outcome outcome;
            ProfileField field;
            switch (c.Kind)
            {
                case CriterionKind.ApplicantType:
                    outcome = ApplicantTypeEvaluator.Evaluate(c.Allowed, ctx, out field);
                    break;
                case CriterionKind.ProjectLocation:
                    outcome = ProjectLocationEvaluator.Evaluate(c.Allowed, ctx, out field);
                    break;
                case CriterionKind.ApplicantSeat:
                    outcome = ApplicantSeatEvaluator.Evaluate(compiled.Values<int>(c.Start, c.Count), ref seat, ctx, out field);
                    break;
                case CriterionKind.ProjectRegion:
                    outcome = ProjectRegionEvaluator.Evaluate(compiled.Values<int>(c.Start, c.Count), ref place, ctx, out field);
                    break;
                case CriterionKind.ProjectCountry when c.Start != CompiledCatalogue.NotCompiled:
                    outcome = ProjectCountryEvaluator.Evaluate(compiled.Values<int>(c.Start, c.Count), c.Allowed, bits.Countries, ctx, out field);
                    break;
                case CriterionKind.Deadline:
                    var deadline = DeadlineEvaluator.Facts(compiled, c.Start, ctx);
                    outcome = deadlineOutcome = deadline.Outcome;
                    nextDeadline = deadline.NextDeadline;
                    field = ProfileField.None;
                    break;
                case CriterionKind.Amount:
                    outcome = AmountEvaluator.Evaluate(compiled.Given<long>(in c, 0), compiled.Given<long>(in c, 1), compiled.Given<long>(in c, 2), ctx, out field);
                    break;
                case CriterionKind.Duration:
                    outcome = DurationEvaluator.Evaluate((int?)compiled.Given<long>(in c, 0), (int?)compiled.Given<long>(in c, 1), ctx, out field);
                    break;
                case CriterionKind.OrganisationAge:
                    outcome = OrganisationAgeEvaluator.Evaluate((int?)compiled.Given<long>(in c, 0), (int?)compiled.Given<long>(in c, 1), ctx, out field);
                    break;
                case CriterionKind.PartnerCooperation:
                    outcome = PartnerCooperationEvaluator.Evaluate((int)compiled.Given<long>(in c, 0)!.Value, ctx, out field);
                    break;
                case CriterionKind.ProjectStartWindow:
                    outcome = ProjectStartWindowEvaluator.Evaluate(compiled.Given<long>(in c, 0), compiled.Given<long>(in c, 1), ctx, out field);
                    break;
                case CriterionKind.OwnContribution:
                    outcome = OwnContributionEvaluator.Evaluate(compiled.Given<decimal>(in c, 0)!.Value, compiled.Given<decimal>(in c, 1), ctx, out field);
                    break;
                case CriterionKind.Charitable:
                    outcome = CharitableEvaluator.Evaluate(c.Allowed, ctx, out field);
                    break;
                case CriterionKind.MigrantLed:
                    outcome = MigrantLedEvaluator.Evaluate(ctx, out field);
                    break;
                case CriterionKind.VolunteerRun:
                    outcome = VolunteerRunEvaluator.Evaluate(ctx, out field);
                    break;
                case CriterionKind.FirstTimeApplicant:
                    outcome = FirstTimeApplicantEvaluator.Evaluate(c.Allowed != 0, ctx, out field);
                    break;
                case CriterionKind.Theme when c.Start != CompiledCatalogue.NotCompiled && bits.ThemesAsBits:
                    outcome = ThemeEvaluator.Evaluate(compiled.Value<ulong>(c.Start), bits.ThemeMask, ctx, out field);
                    break;
                default:
                    // Values the compiled form has no numbers for (a theme outside the theme list, say): the programme's own criterion.
                    outcome = CriterionEvaluator.Evaluate(catalogue.Programmes[index].Criteria[k], ctx, out field);
                    break;
            }
            if (outcome == Outcome.NotMet)
            {
                // Not-eligible programmes are ordered by id alone: no deadline of theirs is shown as reachable.
                return new Assessment(Verdict.NotEligible, 0, ProfileField.None, false, null);
            }
            if (outcome == Outcome.Unknown)
            {
                anyUnknown = true;
                missing |= field;
                unknownWithoutField |= field == ProfileField.None;
            }
        }
        ref readonly var s = ref compiled.ScoreInputs(start);
        var sharedThemes = bits.ThemesAsBits && s.ThemesAsBits ? SharedThemes(s.ThemeMask, bits.ThemeBits) : Ranking.SharedThemes(catalogue.Programmes[index].Themes, ctx);
        var effectiveMax = s.Amount >= 0
            ? AmountEvaluator.EffectiveMax(compiled.Given<long>(in criteria[s.Amount], 1), compiled.Given<long>(in criteria[s.Amount], 2), ctx)
            : null;
        var score = Ranking.Score(sharedThemes, s.GivesMoney, effectiveMax, s.NarrowestRegion, deadlineOutcome, s.MadeForMsos, s.FirstTimeFriendly, ctx).Total;
        return new Assessment(anyUnknown ? Verdict.NeedsInformation : Verdict.Eligible, score, missing, unknownWithoutField, nextDeadline);
    }

    /// <summary>
    /// A programme that is over, or whose applicant type, location or single seat region is not met, is not
    /// eligible whatever its other criteria say. When not-eligible programmes are not returned, that is all
    /// the match needs to know of it (the same evaluators decide; only fewer bytes are read).
    /// </summary>
    private static bool TurnedDown(in CompiledProgramme p, MatchContext ctx, ref RegionOutcomes seat) =>
        p.Status.IsOver()
        || (p.TypeMask != 0 && ApplicantTypeEvaluator.Evaluate(p.TypeMask, ctx, out _) == Outcome.NotMet)
        || (p.LocationMask != 0 && ProjectLocationEvaluator.Evaluate(p.LocationMask, ctx, out _) == Outcome.NotMet)
        || (p.SeatRegion >= 0 && seat.Of(p.SeatRegion, ctx.OrganisationSeat, out _) == Outcome.NotMet);

    /// <summary>How many of the profile's themes (as bit numbers, -1 for none) the programme's mask holds.</summary>
    private static int SharedThemes(ulong programmeThemes, ReadOnlySpan<int> profileThemes)
    {
        var shared = 0;
        foreach (var bit in profileThemes)
        {
            if (bit >= 0 && (programmeThemes & (1UL << bit)) != 0)
            {
                shared++;
            }
        }
        return shared;
    }

    private static ProgrammeMatch Explain(Programme programme, ProgrammeFacts facts, MatchContext ctx)
    {
        var results = new List<CriterionResult>(programme.Criteria.Count + 1);
        if (programme.Status != ProgrammeStatus.Active)
        {
            results.Add(StatusResult(programme));
        }
        DateOnly? nextDeadline = null, latestApplicationDate = null;
        var deadlineOutcome = Outcome.Unknown;
        for (var k = 0; k < programme.Criteria.Count; k++)
        {
            results.Add(CriterionEvaluator.Explain(programme, k, ctx));
            if (programme.Criteria[k] is DeadlineCriterion deadline)
            {
                var deadlineFacts = DeadlineEvaluator.Facts(deadline, ctx);
                nextDeadline = deadlineFacts.NextDeadline;
                latestApplicationDate = deadlineFacts.LatestApplicationDate;
                deadlineOutcome = deadlineFacts.Outcome;
            }
        }
        var verdict = programme.Status.IsOver() || results.Any(r => r.Outcome == Outcome.NotMet) ? Verdict.NotEligible
            : results.Any(r => r.Outcome == Outcome.Unknown) ? Verdict.NeedsInformation
            : Verdict.Eligible;
        var failures = results.Where(r => r.Outcome == Outcome.NotMet).ToList();
        var fixes = verdict == Verdict.NotEligible && failures.Count > 0 && failures.All(f => f.Fix is not null)
            ? failures.Select(f => f.Fix!).ToList()
            : [];
        return new ProgrammeMatch
        {
            Programme = programme,
            Verdict = verdict,
            Score = verdict == Verdict.NotEligible ? null : Ranking.Score(programme, facts, ctx, deadlineOutcome),
            Criteria = results,
            NextDeadline = nextDeadline,
            LatestApplicationDate = latestApplicationDate,
            HowToBecomeEligible = fixes,
            Stale = programme.LastVerified.AddMonths(StaleAfterMonths) < ctx.AsOf,
            HasUnconfirmed = results.Any(r => r.Unconfirmed),
        };
    }

    private static CriterionResult StatusResult(Programme programme)
    {
        var status = EnumCodes.Of(programme.Status);
        var outcome = programme.Status.IsOver() ? Outcome.NotMet : Outcome.Unknown;
        var message = programme.ReplacedBy is { } successor
            ? Message.Of($"programme_status.{status}", ("successor", successor))
            : programme.Status == ProgrammeStatus.Replaced
                // The catalogue may mark a programme replaced without naming a successor: say so without a {successor} gap.
                ? Message.Of("programme_status.replaced_unnamed")
                : Message.Of($"programme_status.{status}");
        return new CriterionResult("programme_status", outcome, message, new SourceRef { Url = programme.Url, Verified = programme.LastVerified }, false, null);
    }

    /// <summary>A field settles a programme when it is the only thing still unknown about it.</summary>
    private static void CountMissing(Assessment assessment, Span<int> settles, Span<int> affects)
    {
        var missing = (uint)assessment.Missing;
        var single = !assessment.UnknownWithoutField && BitOperations.PopCount(missing) == 1;
        while (missing != 0)
        {
            var bit = BitOperations.TrailingZeroCount(missing);
            affects[bit]++;
            if (single)
            {
                settles[bit]++;
            }
            missing &= missing - 1;
        }
    }

    private static NextQuestion? ChooseNextQuestion(ReadOnlySpan<int> settles, ReadOnlySpan<int> affects)
    {
        NextQuestion? best = null;
        foreach (var field in ProfileFields.All)
        {
            var bit = BitOperations.TrailingZeroCount((uint)field);
            if (affects[bit] == 0)
            {
                continue;
            }
            if (best is null || settles[bit] > best.Settles || (settles[bit] == best.Settles && affects[bit] > best.Affects))
            {
                best = new NextQuestion(field, settles[bit], affects[bit]);
            }
        }
        return best;
    }

    internal readonly record struct Assessment(Verdict Verdict, int Score, ProfileField Missing, bool UnknownWithoutField, DateOnly? NextDeadline);

    /// <summary>
    /// Order of results: eligible, then needs information, then not eligible; within each, higher score,
    /// then the nearer deadline, then the programme id, so equal inputs always give the same order.
    /// </summary>
    private readonly record struct RankKey(Verdict Verdict, int Score, DateOnly? NextDeadline, int Index)
    {
        public static IComparer<RankKey> WorstFirst(CatalogueSnapshot catalogue) =>
            Comparer<RankKey>.Create((a, b) => Compare(catalogue, b, a));

        public static int Compare(CatalogueSnapshot catalogue, RankKey a, RankKey b)
        {
            // As ints: Enum.CompareTo takes an object and would box both sides on every comparison.
            var byVerdict = ((int)a.Verdict).CompareTo((int)b.Verdict);
            if (byVerdict != 0)
            {
                return byVerdict;
            }
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }
            var aDeadline = a.NextDeadline?.DayNumber ?? int.MaxValue;
            var bDeadline = b.NextDeadline?.DayNumber ?? int.MaxValue;
            var byDeadline = aDeadline.CompareTo(bDeadline);
            // Programme ids in ordinal order, ranked once per snapshot: ties are common, and comparing ranks reads no strings.
            var idRanks = catalogue.Compiled.IdRanks;
            return byDeadline != 0 ? byDeadline : idRanks[a.Index].CompareTo(idRanks[b.Index]);
        }
    }
}
