using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using FoerderFinder.Domain.Geography;
using FoerderFinder.Domain.Matching;
using FoerderFinder.Domain.Vocabulary;
using Newtonsoft.Json;

namespace FoerderFinder.Domain.Messages;

/// <summary>
/// Renders messages by key in German or English. Texts live in messages.{lang}.json, not in code,
/// so a translator adds a language by adding a file.
/// </summary>
public static class MessageCatalog
{
    private static readonly FrozenDictionary<string, string> German = Load("de");
    private static readonly FrozenDictionary<string, string> English = Load("en");
    private static readonly CultureInfo GermanCulture = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyCollection<string> Keys => German.Keys;

    public static bool Has(Language language, string key) => Texts(language).ContainsKey(key);

    public static string Text(Language language, string key) =>
        Texts(language).TryGetValue(key, out var text) ? text : key;

    public static string Render(Message message, Language language)
    {
        var template = Text(language, message.Key);
        if (message.Params.Count == 0 || template.IndexOf('{') < 0)
        {
            return template;
        }
        var builder = new StringBuilder(template.Length + 32);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                builder.Append(template, at, template.Length - at);
                break;
            }
            builder.Append(template, at, open - at);
            var name = template.Substring(open + 1, close - open - 1);
            builder.Append(message.Params.TryGetValue(name, out var value) ? Format(value, language) : "{" + name + "}");
            at = close + 1;
        }
        return builder.ToString();
    }

    public static string Format(object value, Language language)
    {
        var culture = language == Language.En ? EnglishCulture : GermanCulture;
        return value switch
        {
            string text => text,
            Code code => Label(code, language),
            Money money => Text(language, "unit.money").Replace("{amount}", money.Eur.ToString("N0", culture)),
            Weeks { Count: 1 } => Text(language, "unit.weeks.one"),
            Weeks weeks => Text(language, "unit.weeks").Replace("{count}", weeks.Count.ToString(culture)),
            Months { Count: 1 } => Text(language, "unit.months.one"),
            Months months => Text(language, "unit.months").Replace("{count}", months.Count.ToString(culture)),
            DateOnly date => language == Language.En
                ? date.ToString("d MMMM yyyy", culture)
                : date.ToString("dd.MM.yyyy", culture),
            decimal number => number.ToString("0.##", culture),
            int number => number.ToString(culture),
            long number => number.ToString("N0", culture),
            IEnumerable items => string.Join(Text(language, "list.separator"), items.Cast<object>().Select(i => Format(i, language))),
            _ => Convert.ToString(value, culture) ?? string.Empty,
        };
    }

    /// <summary>The label of a vocabulary code; regions, themes and countries come from their reference data.</summary>
    public static string Label(Code code, Language language)
    {
        switch (code.Vocabulary)
        {
            case "region" when Geo.Instance.TryGetRegion(code.Value, out var region):
                return language == Language.En ? region.En : region.De;
            case "country" when Geo.Instance.FindCountry(code.Value) is { } country:
                return language == Language.En ? country.En : country.De;
            case "theme":
                var theme = Themes.All.FirstOrDefault(t => t.Code == code.Value);
                return theme is null ? code.Value : language == Language.En ? theme.En : theme.De;
            default:
                return Texts(language).TryGetValue($"{code.Vocabulary}.{code.Value}", out var label) ? label : code.Value;
        }
    }

    private static FrozenDictionary<string, string> Texts(Language language) => language == Language.En ? English : German;

    private static FrozenDictionary<string, string> Load(string language)
    {
        using var stream = typeof(MessageCatalog).Assembly.GetManifestResourceStream($"Messages.messages.{language}.json")
            ?? throw new InvalidOperationException($"Messages for '{language}' are not embedded.");
        using var reader = new StreamReader(stream);
        return (JsonConvert.DeserializeObject<Dictionary<string, string>>(reader.ReadToEnd()) ?? [])
            .ToFrozenDictionary(StringComparer.Ordinal);
    }
}
