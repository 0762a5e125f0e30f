using System.Globalization;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Domain.Json;
using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Catalogue.Tests;

/// <summary>
/// The catalogue says what the research found, no more and no less: the same programmes under the
/// same ids, the same status, the same sources, and every value the research doubts still marked
/// unconfirmed. Conventions are in catalogue/README.md.
/// </summary>
public sealed class ResearchAgreementTests
{
    /// <summary>Research fields whose doubt carries over to criteria of these kinds.</summary>
    private static readonly Dictionary<string, string[]> KindsOfField = new()
    {
        ["amount_max_eur"] = ["amount"],
        ["amount_min_eur"] = ["amount"],
        ["amount_note"] = ["amount"],
        ["own_contribution_min_pct"] = ["own_contribution"],
        ["max_funding_rate_pct"] = ["own_contribution"],
        ["max_duration_months"] = ["duration"],
        ["deadlines"] = ["deadline", "project_start_window"],
        ["deadline_note"] = ["deadline", "project_start_window"],
        ["deadline_type"] = ["deadline"],
        ["eligible_applicant_types"] = ["applicant_type"],
        ["individuals_eligible"] = ["applicant_type"],
        ["applicant_location"] = ["applicant_seat"],
    };

    /// <summary>Where the catalogue's amount rule differs from the research's single maximum, and why.</summary>
    private static readonly Dictionary<string, string> AmountExceptions = new()
    {
        ["kpf_kommunal"] = "20,000 EUR in general, up to 50,000 EUR for encounters and partnership projects: the rule holds the higher cap, a check-yourself item the lower",
        ["nrw_wiederaufbau_dnipropetrowsk"] = "20,000 EUR for civil society, 40,000 EUR for municipalities: the rule holds the higher cap, a check-yourself item the lower",
    };

    /// <summary>Where the research names a maximum duration the catalogue does not enforce, and why.</summary>
    private static readonly Dictionary<string, string> DurationExceptions = new()
    {
        ["fkpw"] = "'usually two years' (an older source: 2 to 4 years) is no hard limit",
    };

    [Fact]
    public void Every_research_programme_is_in_the_catalogue_under_the_same_id()
    {
        var research = Loaded.Research.Select(r => (string)r["id"]!).ToList();
        var catalogue = Loaded.Programmes.Select(p => p.Id).ToList();

        Assert.Equal(research, catalogue);
    }

    [Fact]
    public void Ids_never_change()
    {
        var registered = IdGuard.Registered();

        AssertNone(IdGuard.Problems(Loaded.Programmes.Select(p => p.Id), registered));
        Assert.Equal(registered.Count, registered.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Status_is_the_researched_status_and_doubts_about_it_are_said()
    {
        AssertNone(Check((p, r) =>
        {
            var problems = new List<string>();
            if (EnumCodes.Of(p.Status) != (string)r["status"]!)
            {
                problems.Add($"status is {EnumCodes.Of(p.Status)}, the research says {(string)r["status"]!}");
            }
            if (p.Status == ProgrammeStatus.Replaced && p.ReplacedBy is null)
            {
                problems.Add("a replaced programme names its successor (replacedBy)");
            }
            if ((p.Status != ProgrammeStatus.Active || Doubted(r).Contains("status")) && p.StatusNote is null)
            {
                problems.Add("a programme that is not plainly active explains its status (statusNote)");
            }
            return problems.Select(m => At(p.Id, m));
        }));
    }

    [Fact]
    public void Every_source_of_the_research_is_kept_and_every_rule_cites_one_of_them()
    {
        AssertNone(Check((p, r) =>
        {
            var problems = new List<string>();
            var researched = r["sources"]!.ToDictionary(s => (string)s["url"]!, s => (string)s["source_type"]!);
            var kept = p.Sources.ToDictionary(s => s.Url, s => s.Type);
            problems.AddRange(researched.Keys.Where(u => !kept.ContainsKey(u)).Select(u => $"source {u} of the research is missing"));
            problems.AddRange(kept.Keys.Where(u => !researched.ContainsKey(u)).Select(u => $"source {u} is not in the research"));
            problems.AddRange(researched.Where(s => kept.TryGetValue(s.Key, out var type) && type != SourceType(s.Value))
                .Select(s => $"source {s.Key} is '{kept[s.Key]}', the research says '{s.Value}'"));
            foreach (var (criterion, i) in p.Criteria.Select((c, i) => (c, i)))
            {
                if (!kept.ContainsKey(criterion.Source.Url) && criterion.Source.Url != p.Url)
                {
                    problems.Add($"criteria[{i}] ({Kind(criterion)}) cites {criterion.Source.Url}, which is not among the programme's sources");
                }
            }
            foreach (var (check, i) in p.CheckYourself.Select((c, i) => (c, i)))
            {
                if (!kept.ContainsKey(check.Source.Url) && check.Source.Url != p.Url)
                {
                    problems.Add($"checkYourself[{i}] cites {check.Source.Url}, which is not among the programme's sources");
                }
            }
            return problems.Select(m => At(p.Id, m));
        }));
    }

    [Fact]
    public void Values_the_research_marks_unconfirmed_stay_unconfirmed()
    {
        AssertNone(Check((p, r) =>
        {
            var kinds = Doubted(r).SelectMany(f => KindsOfField.GetValueOrDefault(f) ?? []).ToHashSet();
            return p.Criteria.Select((c, i) => (c, i))
                .Where(x => kinds.Contains(Kind(x.c)) && !x.c.Unconfirmed)
                .Select(x => At(p.Id, $"criteria[{x.i}] ({Kind(x.c)}) must be unconfirmed: the research lists {string.Join(", ", Doubted(r).Where(f => KindsOfField.GetValueOrDefault(f)?.Contains(Kind(x.c)) == true))} as unconfirmed"));
        }));
    }

    [Fact]
    public void Rules_that_rest_only_on_third_parties_or_on_old_pages_are_unconfirmed()
    {
        AssertNone(Check((p, r) =>
        {
            var sources = r["sources"]!.ToDictionary(s => (string)s["url"]!, s => s);
            return p.Criteria.Select((c, i) => (c, i))
                .Where(x => !x.c.Unconfirmed && sources.TryGetValue(x.c.Source.Url, out var s) && (IsThirdParty(s) || IsOld(s)))
                .Select(x => At(p.Id, $"criteria[{x.i}] ({Kind(x.c)}) cites {x.c.Source.Url} ({(string)sources[x.c.Source.Url]["source_type"]!}, {sources[x.c.Source.Url]["as_of"]}): mark it unconfirmed or cite an official, current source"));
        }));
    }

    [Fact]
    public void Programmes_for_migrant_organisations_are_the_researched_ones()
    {
        AssertNone(Pairs()
            .Where(x => x.Programme.MadeForMsos != (bool)x.Research["mso_specific"]!)
            .Select(x => At(x.Programme.Id, $"madeForMsos is {x.Programme.MadeForMsos}, the research's mso_specific is {(bool)x.Research["mso_specific"]!}")));
    }

    [Fact]
    public void Individuals_and_municipalities_may_apply_exactly_where_the_research_says()
    {
        AssertNone(Check((p, r) =>
        {
            var types = p.Criteria.OfType<ApplicantTypeCriterion>().SingleOrDefault()?.AnyOf;
            if (types is null)
            {
                var open = r["eligible_applicant_types"]!.Select(t => (string)t!).ToList();
                return open.Contains("any") || open.Contains("unknown")
                    ? []
                    : [At(p.Id, "has no applicant_type rule, but the research names the applicant types")];
            }
            var problems = new List<string>();
            if ((bool)r["individuals_eligible"]! != types.Contains(OrganisationType.Individual))
            {
                problems.Add($"individuals_eligible is {(bool)r["individuals_eligible"]!} in the research, but the applicant_type rule {(types.Contains(OrganisationType.Individual) ? "allows" : "excludes")} individuals");
            }
            if ((bool)r["municipality_eligible"]! != types.Contains(OrganisationType.Municipality))
            {
                problems.Add($"municipality_eligible is {(bool)r["municipality_eligible"]!} in the research, but the applicant_type rule {(types.Contains(OrganisationType.Municipality) ? "allows" : "excludes")} municipalities");
            }
            return problems.Select(m => At(p.Id, m));
        }));
    }

    [Fact]
    public void Amounts_are_the_researched_amounts()
    {
        AssertNone(Check((p, r) =>
        {
            var min = (long?)r["amount_min_eur"];
            var max = (long?)r["amount_max_eur"];
            var rule = p.Criteria.OfType<AmountCriterion>().SingleOrDefault();
            if (rule is null)
            {
                // Prize money is not asked for: a prize has no amount rule.
                return (min ?? max) is null || p.SupportType == SupportType.Prize
                    ? []
                    : [At(p.Id, $"the research names amounts ({min}–{max} EUR) but there is no amount rule")];
            }
            var problems = new List<string>();
            if (rule.MinEur != min)
            {
                problems.Add($"minEur is {rule.MinEur}, the research's amount_min_eur is {min}");
            }
            if (max is not null && rule.MaxEur != max && rule.FirstTimeMaxEur != max && !AmountExceptions.ContainsKey(p.Id))
            {
                problems.Add($"the research's amount_max_eur {max} is neither maxEur ({rule.MaxEur}) nor firstTimeMaxEur ({rule.FirstTimeMaxEur})");
            }
            return problems.Select(m => At(p.Id, m));
        }));
    }

    [Fact]
    public void Own_contributions_are_the_researched_ones()
    {
        AssertNone(Check((p, r) =>
        {
            var own = (decimal?)r["own_contribution_min_pct"];
            var rate = (decimal?)r["max_funding_rate_pct"];
            var rule = p.Criteria.OfType<OwnContributionCriterion>().SingleOrDefault();
            if (rule is null)
            {
                return own is null ? [] : [At(p.Id, $"the research names an own contribution of {own} % but there is no own_contribution rule")];
            }
            // Without a stated own share, the share the funder does not pay is the applicant's.
            var expected = own ?? (100 - rate);
            return rule.MinPercent == expected ? [] : [At(p.Id, $"minPercent is {rule.MinPercent}, the research gives {expected} %")];
        }));
    }

    [Fact]
    public void Durations_are_the_researched_ones()
    {
        AssertNone(Check((p, r) =>
        {
            var max = (int?)r["max_duration_months"];
            var rule = p.Criteria.OfType<DurationCriterion>().SingleOrDefault();
            if (rule is null)
            {
                return max is null || DurationExceptions.ContainsKey(p.Id) ? [] : [At(p.Id, $"the research names at most {max} months but there is no duration rule")];
            }
            // Where the research has no number, a duration rule comes from its duration note (e.g. "3 or 6 months").
            return max is null || rule.MaxMonths == max ? [] : [At(p.Id, $"maxMonths is {rule.MaxMonths}, the research says {max}")];
        }));
    }

    [Fact]
    public void Deadlines_are_dated_only_where_the_research_dates_them()
    {
        AssertNone(Check((p, r) =>
        {
            var schedule = p.Criteria.OfType<DeadlineCriterion>().Single().Schedule;
            var dates = r["deadlines"]!.Select(d => (string)d!).ToList();
            var recurring = dates.Where(d => d.Length == 5).ToList();
            var fixedDates = dates.Where(d => d.Length == 10).ToList();
            var rollingNote = ((string?)r["deadline_note"] ?? "").Contains("olling", StringComparison.Ordinal) || ((string)r["deadline_type"]!).StartsWith("rolling", StringComparison.Ordinal);
            string? problem = schedule.Type switch
            {
                DeadlineType.Annual when !recurring.Order().SequenceEqual(schedule.Dates.Order()) =>
                    $"annual dates {string.Join(", ", schedule.Dates)}, the research's recurring deadlines are [{string.Join(", ", recurring)}]",
                DeadlineType.OneOff when !fixedDates.Order().SequenceEqual(schedule.Dates.Order()) =>
                    $"one-off dates {string.Join(", ", schedule.Dates)}, the research's dated deadlines are [{string.Join(", ", fixedDates)}]",
                DeadlineType.Call when schedule.Call == CallStatus.Open && !fixedDates.Order().SequenceEqual(schedule.Dates.Order()) =>
                    $"an open call closing {string.Join(", ", schedule.Dates)}, the research's dated deadlines are [{string.Join(", ", fixedDates)}]",
                DeadlineType.Rolling when !rollingNote =>
                    "rolling, but the research does not say applications are possible at any time",
                _ when recurring.Count > 0 && schedule.Type != DeadlineType.Annual && !(schedule.Type == DeadlineType.Rolling && rollingNote) =>
                    $"the research names recurring deadlines [{string.Join(", ", recurring)}], but the schedule is {EnumCodes.Of(schedule.Type)}",
                _ => null,
            };
            return problem is null ? [] : [At(p.Id, problem)];
        }));
    }

    [Fact]
    public void A_programme_with_a_lower_cap_for_first_applications_is_first_time_friendly()
    {
        AssertNone(Loaded.Programmes
            .Where(p => p.Criteria.OfType<AmountCriterion>().Any(a => a.FirstTimeMaxEur is not null) && !p.FirstTimeFriendly)
            .Select(p => At(p.Id, "has a cap for first applications (firstTimeMaxEur), so first-time applicants are expected: firstTimeFriendly")));
    }

    [Fact]
    public void A_theme_rule_names_only_themes_of_the_programme()
    {
        AssertNone(Loaded.Programmes.SelectMany(p => p.Criteria.OfType<ThemeCriterion>()
            .SelectMany(t => t.AnyOf.Where(theme => !p.Themes.Contains(theme)))
            .Select(theme => At(p.Id, $"the theme rule names '{theme}', which is not among the programme's themes"))));
    }

    [Fact]
    public void Texts_are_plain_a_one_line_purpose_and_short_sentences()
    {
        AssertNone(Loaded.Programmes.SelectMany(p =>
        {
            var problems = new List<string>();
            foreach (var (field, text) in Texts(p))
            {
                foreach (var (language, value) in new[] { ("de", text.De), ("en", text.En) })
                {
                    if (field == "purpose" && (value.Length > 200 || value.Contains('\n')))
                    {
                        problems.Add($"purpose.{language} is one line of at most 200 characters ({value.Length})");
                    }
                    var longest = Sentences(value).Select(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).DefaultIfEmpty(0).Max();
                    if (longest > MaxWordsPerSentence)
                    {
                        problems.Add($"{field}.{language} has a sentence of {longest} words; plain language keeps them under {MaxWordsPerSentence + 1}");
                    }
                }
            }
            return problems.Select(m => At(p.Id, m));
        }));
    }

    private const int MaxWordsPerSentence = 40;

    private static IEnumerable<(string Field, LocalizedText Text)> Texts(Programme p)
    {
        yield return ("name", p.Name);
        yield return ("purpose", p.Purpose);
        yield return ("funded", p.Funded!);
        yield return ("decides", p.Decides!);
        yield return ("howToApply", p.HowToApply!);
        foreach (var (check, i) in p.CheckYourself.Select((c, i) => (c, i)))
        {
            yield return ($"checkYourself[{i}]", check.Text);
        }
    }

    private static IEnumerable<string> Sentences(string text) =>
        text.Split(['.', '!', '?', ':', ';'], StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> Check(Func<Programme, JObject, IEnumerable<string>> check) =>
        Pairs().SelectMany(x => check(x.Programme, x.Research));

    private static IEnumerable<(Programme Programme, JObject Research)> Pairs() =>
        Loaded.Programmes.Join(Loaded.Research, p => p.Id, r => (string)r["id"]!, (p, r) => (p, r));

    private static HashSet<string> Doubted(JObject research) => research["unconfirmed_fields"]!.Select(f => (string)f!).ToHashSet();

    private static string Kind(Criterion c) => CriterionJsonConverter.KindName(c.Kind);

    /// <summary>The research's finer source types (official_partner, official_copy, ...) are official_other in the catalogue.</summary>
    private static string SourceType(string researchType) =>
        researchType is "official" or "official_aggregator" or "official_press" or "third_party" ? researchType : "official_other";

    private static bool IsThirdParty(JToken source) => (string)source["source_type"]! == "third_party";

    /// <summary>The research counts pages from about 2013 to 2019, and pages it calls "older", as old.</summary>
    private static bool IsOld(JToken source) =>
        source["as_of"] is { Type: not JTokenType.Null } asOf
        && (!int.TryParse((string)asOf!, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year <= 2019);

    private static string At(string id, string message) => $"{Repo.Relative(Repo.CatalogueFile)}: programme '{id}': {message}";

    private static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"{list.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, list)}");
    }
}
