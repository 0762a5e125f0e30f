using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.Catalogue.Tests;

/// <summary>
/// Turns validation errors into lines a curator can act on: the file, the programme id and the JSON path,
/// e.g. <c>catalogue/programmes.json: programme 'feb' at programmes[2].criteria[0].kind: Unknown criterion kind.</c>
/// </summary>
public static partial class ErrorReport
{
    public static string Line(string file, JObject catalogue, string path, string message)
    {
        var id = ProgrammeId(catalogue, path);
        var where = id is null ? $"at {path}" : $"programme '{id}' at {path}";
        return $"{Repo.Relative(file)}: {where}: {message}";
    }

    public static string Lines(string file, JObject catalogue, IEnumerable<(string Path, string Message)> errors) =>
        string.Join(Environment.NewLine, errors.Select(e => Line(file, catalogue, e.Path, e.Message)));

    /// <summary>The id of the programme a path such as <c>programmes[3].criteria[0]</c> or <c>#/programmes[3]</c> points into.</summary>
    public static string? ProgrammeId(JObject catalogue, string path)
    {
        var match = ProgrammeIndex().Match(path);
        if (!match.Success || catalogue["programmes"] is not JArray programmes)
        {
            return null;
        }
        var index = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return index < programmes.Count && programmes[index] is JObject p && p["id"] is JValue { Type: JTokenType.String } id
            ? (string)id!
            : $"#{index}";
    }

    [GeneratedRegex(@"programmes\[(\d+)\]")]
    private static partial Regex ProgrammeIndex();
}
