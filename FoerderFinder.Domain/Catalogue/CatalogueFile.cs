using FoerderFinder.Domain.Json;
using Newtonsoft.Json;

namespace FoerderFinder.Domain.Catalogue;

/// <summary>Reads a catalogue file (catalogue/programmes.json or an import body) and checks all of it.</summary>
public static class CatalogueFile
{
    public sealed record Result(CatalogueDocument? Document, IReadOnlyList<ValidationError> Errors)
    {
        public bool IsValid => Document is not null && Errors.Count == 0;
    }

    public static Result Parse(string json)
    {
        CatalogueDocument document;
        try
        {
            document = FoerderFinderJson.Deserialize<CatalogueDocument>(json);
        }
        catch (JsonException e)
        {
            return new Result(null, [JsonErrors.ToValidationError(e)]);
        }
        return new Result(document, ProgrammeValidator.ValidateCatalogue(document));
    }

    public static Result Load(string path) => Parse(File.ReadAllText(path));
}
