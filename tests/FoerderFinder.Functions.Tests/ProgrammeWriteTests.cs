using System.Text;
using FoerderFinder.Functions.Api;
using FoerderFinder.Domain.Catalogue;
using FoerderFinder.Functions.Functions;
using FoerderFinder.Functions.Storage;
using FoerderFinder.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;

namespace FoerderFinder.Functions.Tests;

public sealed class ProgrammeWriteTests
{
    private readonly Harness _harness = new(Programmes.Valid("alpha"), Programmes.Valid("bravo"));

    private static HttpRequest PutRequest(Programme programme, string? ifMatch = null) => PutRequest(Programmes.Json(programme), ifMatch);

    private static HttpRequest PutRequest(string json, string? ifMatch = null)
    {
        var request = Requests.Json(json);
        request.Method = "PUT";
        if (ifMatch is not null)
        {
            request.Headers.IfMatch = ifMatch;
        }
        return request;
    }

    private void StorePutAnswers(WriteStatus status, long revision = 7) =>
        _harness.Store.Setup(s => s.PutAsync(It.IsAny<Programme>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Programme p, string? _, CancellationToken _) =>
            {
                if (status is not (WriteStatus.Created or WriteStatus.Updated or WriteStatus.Unchanged))
                {
                    return new WriteResult(status, _harness.Catalogue);
                }
                // The store's next generation: the other programmes as they were, this one at its new revision.
                var written = new StoredProgramme(p, revision);
                var others = _harness.Catalogue.Programmes.Where(s => s.Programme.Id != p.Id);
                return new WriteResult(status, _harness.Catalogue with { Generation = 2, Programmes = [.. others, written] }, written);
            });

    private void VerifyNoWrite()
    {
        _harness.Store.Verify(s => s.PutAsync(It.IsAny<Programme>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
        _harness.Store.Verify(s => s.ArchiveAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
        _harness.Store.Verify(s => s.ImportAsync(It.IsAny<IReadOnlyList<Programme>>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    // ---- PUT ----

    [Fact]
    public async Task Put_of_a_new_programme_is_201_with_its_etag()
    {
        StorePutAnswers(WriteStatus.Created, revision: 7);
        var request = PutRequest(Programmes.Valid("charlie"));

        var result = await _harness.Programmes.Put(request, "charlie", CancellationToken.None);

        var created = Assert.IsType<ObjectResult>(result);
        Assert.Equal(StatusCodes.Status201Created, created.StatusCode);
        Assert.Equal("charlie", Assert.IsType<Programme>(created.Value).Id);
        Assert.Equal("\"r7\"", request.HttpContext.Response.Headers.ETag.ToString());
        _harness.Store.Verify(s => s.PutAsync(It.Is<Programme>(p => p.Id == "charlie"), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Put_of_an_existing_programme_is_200_with_the_new_etag()
    {
        StorePutAnswers(WriteStatus.Updated, revision: 9);
        var request = PutRequest(Programmes.Valid("alpha"), ifMatch: "\"r1\"");

        var result = await _harness.Programmes.Put(request, "alpha", CancellationToken.None);

        Assert.IsType<OkObjectResult>(result);
        Assert.Equal("\"r9\"", request.HttpContext.Response.Headers.ETag.ToString());
    }

    [Theory]
    [InlineData("\"r1\"", "\"r1\"")]
    [InlineData("W/\"r1\"", "\"r1\"")]
    [InlineData("  \"r1\" ", "\"r1\"")]
    public async Task Put_passes_the_if_match_etag_to_the_store(string header, string expected)
    {
        StorePutAnswers(WriteStatus.Updated);

        await _harness.Programmes.Put(PutRequest(Programmes.Valid("alpha"), ifMatch: header), "alpha", CancellationToken.None);

        _harness.Store.Verify(s => s.PutAsync(It.IsAny<Programme>(), expected, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_written_programme_is_served_at_once_without_reloading_the_catalogue()
    {
        StorePutAnswers(WriteStatus.Created, revision: 7);
        await _harness.Programmes.Get(Requests.Get(), "alpha", CancellationToken.None);

        await _harness.Programmes.Put(PutRequest(Programmes.Valid("charlie")), "charlie", CancellationToken.None);
        var request = Requests.Get();
        var result = await _harness.Programmes.Get(request, "charlie", CancellationToken.None);

        Assert.IsType<OkObjectResult>(result);
        Assert.Equal("\"r7\"", request.HttpContext.Response.Headers.ETag.ToString());
        _harness.Store.Verify(s => s.LoadAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Put_with_a_stale_etag_is_412()
    {
        StorePutAnswers(WriteStatus.PreconditionFailed);
        var request = PutRequest(Programmes.Valid("alpha"), ifMatch: "\"r0\"");

        var problem = ProblemAssert.Is(412, await _harness.Programmes.Put(request, "alpha", CancellationToken.None));

        Assert.Equal("urn:foerderfinder:problem:stale-etag", problem.Type);
        Assert.Equal(0, request.HttpContext.Response.Headers.ETag.Count);
    }

    [Fact]
    public async Task Put_over_an_existing_programme_without_if_match_is_428()
    {
        StorePutAnswers(WriteStatus.PreconditionRequired);

        var problem = ProblemAssert.Is(428, await _harness.Programmes.Put(PutRequest(Programmes.Valid("alpha")), "alpha", CancellationToken.None));

        Assert.Equal("urn:foerderfinder:problem:if-match-required", problem.Type);
    }

    [Fact]
    public async Task Put_of_an_invalid_programme_is_400_listing_every_json_path_and_writes_nothing()
    {
        var invalid = Programmes.Valid("alpha") with
        {
            Name = new LocalizedText("Programm", " "),
            Url = "ftp://example.org/alpha",
            Sources = [],
            Themes = ["global_learning", "knitting"],
        };

        var problem = ProblemAssert.Is(400, await _harness.Programmes.Put(PutRequest(invalid), "alpha", CancellationToken.None));

        Assert.Equal(["name.en", "sources", "themes[1]", "url"], problem.Errors!.Select(e => e.Field).Order(StringComparer.Ordinal));
        VerifyNoWrite();
    }

    [Fact]
    public async Task Put_whose_body_id_differs_from_the_url_id_is_400_and_writes_nothing()
    {
        var problem = ProblemAssert.NamesField("id", await _harness.Programmes.Put(PutRequest(Programmes.Valid("bravo")), "alpha", CancellationToken.None));

        Assert.Contains("bravo", problem.Errors!.Single(e => e.Field == "id").Message);
        VerifyNoWrite();
    }

    [Theory]
    [InlineData("Alpha")]
    [InlineData("a")]
    [InlineData("al pha")]
    public async Task Put_to_an_impossible_id_is_400(string id)
    {
        ProblemAssert.NamesField("id", await _harness.Programmes.Put(PutRequest(Programmes.Valid("alpha")), id, CancellationToken.None));
        VerifyNoWrite();
    }

    [Theory]
    [InlineData("colour", "colour")]
    [InlineData("criteria", "criteria[0].kind")]
    [InlineData("kindless", "criteria[0]")]
    [InlineData("status", "status")]
    [InlineData("lastVerified", "lastVerified")]
    public async Task Put_of_malformed_programme_json_is_400_naming_the_path(string defect, string field)
    {
        var json = Newtonsoft.Json.Linq.JObject.Parse(Programmes.Json(Programmes.Valid("alpha")));
        switch (defect)
        {
            case "colour": json["colour"] = "blue"; break;
            case "criteria": json["criteria"]![0]!["kind"] = "shoe_size"; break;
            case "kindless": ((Newtonsoft.Json.Linq.JObject)json["criteria"]![0]!).Remove("kind"); break;
            case "status": json["status"] = "sleeping"; break;
            case "lastVerified": json["lastVerified"] = "2026-02-30"; break;
        }

        ProblemAssert.NamesField(field, await _harness.Programmes.Put(PutRequest(json.ToString()), "alpha", CancellationToken.None));
        VerifyNoWrite();
    }

    [Fact]
    public async Task Put_of_deeply_nested_json_in_a_criterion_is_400()
    {
        var json = Programmes.Json(Programmes.Valid("alpha"))
            .Replace("\"kind\":\"applicant_type\",", "\"kind\":\"applicant_type\",\"x\":" + new string('[', 5000) + new string(']', 5000) + ",");

        var problem = ProblemAssert.Is(400, await _harness.Programmes.Put(PutRequest(json), "alpha", CancellationToken.None));

        Assert.Contains("nested too deeply", problem.Errors![0].Message);
        VerifyNoWrite();
    }

    [Fact]
    public async Task Put_over_256_KB_is_413()
    {
        var request = Requests.Body(new byte[ProgrammeFunctions.MaxProgrammeBytes + 1], "application/json");

        ProblemAssert.Is(413, await _harness.Programmes.Put(request, "alpha", CancellationToken.None));
    }

    [Fact]
    public async Task Put_when_storage_is_unavailable_is_503_with_retry_after()
    {
        _harness.Store.Setup(s => s.PutAsync(It.IsAny<Programme>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("down"));

        var result = await _harness.Programmes.Put(PutRequest(Programmes.Valid("alpha"), "\"r1\""), "alpha", CancellationToken.None);

        var retry = Assert.IsType<RetryAfterResult>(result);
        var problem = ProblemAssert.Is(503, retry.Inner);
        Assert.Equal("urn:foerderfinder:problem:storage-unavailable", problem.Type);
        Assert.Equal(10, retry.Seconds);
    }

    [Fact]
    public async Task Put_that_loses_a_write_race_is_409()
    {
        _harness.Store.Setup(s => s.PutAsync(It.IsAny<Programme>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new WriteConflictException("busy"));

        var problem = ProblemAssert.Is(409, await _harness.Programmes.Put(PutRequest(Programmes.Valid("alpha"), "\"r1\""), "alpha", CancellationToken.None));

        Assert.Equal("urn:foerderfinder:problem:write-conflict", problem.Type);
    }

    // ---- DELETE ----

    private void StoreArchiveAnswers(WriteStatus status) =>
        _harness.Store.Setup(s => s.ArchiveAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new WriteResult(status, status == WriteStatus.Archived ? Harness.Stored(2, Programmes.Valid("bravo")) : _harness.Catalogue));

    [Fact]
    public async Task Delete_of_a_programme_is_204_and_it_is_gone_from_the_catalogue()
    {
        StoreArchiveAnswers(WriteStatus.Archived);
        var request = Requests.Get();
        request.Headers.IfMatch = "\"r1\"";

        var result = await _harness.Programmes.Delete(request, "alpha", CancellationToken.None);

        Assert.IsType<NoContentResult>(result);
        _harness.Store.Verify(s => s.ArchiveAsync("alpha", "\"r1\"", It.IsAny<CancellationToken>()), Times.Once);
        ProblemAssert.Is(404, await _harness.Programmes.Get(Requests.Get(), "alpha", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_of_an_unknown_programme_is_404()
    {
        StoreArchiveAnswers(WriteStatus.NotFound);

        ProblemAssert.Is(404, await _harness.Programmes.Delete(Requests.Get(), "zulu", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_is_412()
    {
        StoreArchiveAnswers(WriteStatus.PreconditionFailed);

        ProblemAssert.Is(412, await _harness.Programmes.Delete(Requests.Get(), "alpha", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_of_an_impossible_id_is_404_without_asking_storage()
    {
        ProblemAssert.Is(404, await _harness.Programmes.Delete(Requests.Get(), "../alpha", CancellationToken.None));
        VerifyNoWrite();
    }

    [Fact]
    public async Task Delete_when_storage_is_unavailable_is_503_with_retry_after()
    {
        _harness.Store.Setup(s => s.ArchiveAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("down"));

        var retry = Assert.IsType<RetryAfterResult>(await _harness.Programmes.Delete(Requests.Get(), "alpha", CancellationToken.None));

        ProblemAssert.Is(503, retry.Inner);
    }

    // ---- import ----

    private static HttpRequest ImportRequest(string json, string query = "")
    {
        var request = Requests.Json(json);
        request.QueryString = new QueryString(query);
        return request;
    }

    private static string CatalogueJson(params Programme[] programmes) =>
        Domain.Json.FoerderFinderJson.Serialize(new CatalogueDocument { Programmes = programmes });

    private void StoreImportAnswers(bool committed) =>
        _harness.Store.Setup(s => s.ImportAsync(It.IsAny<IReadOnlyList<Programme>>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<Programme> programmes, bool _, CancellationToken _) => new ImportResult(
                committed,
                new ImportChanges(["charlie"], [], ["bravo"], ["alpha"]),
                committed ? Harness.Stored(2, [.. programmes]) : _harness.Catalogue));

    [Fact]
    public async Task Import_of_an_invalid_catalogue_is_400_with_every_error_and_writes_nothing()
    {
        var json = CatalogueJson(
            Programmes.Valid("alpha") with { Url = "not a url" },
            Programmes.Valid("bravo") with { Sources = [] },
            Programmes.Valid("alpha"),
            Programmes.Valid("delta") with { ReplacedBy = "zulu" });

        var problem = ProblemAssert.Is(400, await _harness.Programmes.Import(ImportRequest(json), CancellationToken.None));

        Assert.Equal(
            ["programmes[0].url", "programmes[1].sources", "programmes[2].id", "programmes[3].replacedBy", "programmes[3].replacedBy"],
            problem.Errors!.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Contains("5 error(s)", problem.Detail);
        VerifyNoWrite();
    }

    [Fact]
    public async Task Import_with_dry_run_passes_dry_run_to_the_store_and_changes_nothing_served()
    {
        StoreImportAnswers(committed: false);

        var result = await _harness.Programmes.Import(
            ImportRequest(CatalogueJson(Programmes.Valid("alpha"), Programmes.Valid("charlie")), "?dryRun=true"), CancellationToken.None);

        var report = Assert.IsType<ImportReport>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.True(report.DryRun);
        Assert.False(report.Committed);
        Assert.Equal(["charlie"], report.Changes.Added);
        _harness.Store.Verify(s => s.ImportAsync(It.Is<IReadOnlyList<Programme>>(p => p.Count == 2), true, It.IsAny<CancellationToken>()), Times.Once);
        Assert.IsType<OkObjectResult>(await _harness.Programmes.Get(Requests.Get(), "bravo", CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?dryRun=false")]
    public async Task Import_without_dry_run_commits_and_the_new_catalogue_is_served(string query)
    {
        StoreImportAnswers(committed: true);

        var result = await _harness.Programmes.Import(ImportRequest(CatalogueJson(Programmes.Valid("alpha"), Programmes.Valid("charlie")), query), CancellationToken.None);

        var report = Assert.IsType<ImportReport>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.False(report.DryRun);
        Assert.True(report.Committed);
        Assert.Equal("2026-03-01.2", report.CatalogueVersion);
        _harness.Store.Verify(s => s.ImportAsync(It.IsAny<IReadOnlyList<Programme>>(), false, It.IsAny<CancellationToken>()), Times.Once);
        Assert.IsType<OkObjectResult>(await _harness.Programmes.Get(Requests.Get(), "charlie", CancellationToken.None));
        ProblemAssert.Is(404, await _harness.Programmes.Get(Requests.Get(), "bravo", CancellationToken.None));
    }

    [Theory]
    [InlineData("?dryRun=maybe")]
    [InlineData("?dryRun=1")]
    [InlineData("?dryRun=True")]
    public async Task Import_with_a_dry_run_that_is_not_true_or_false_is_400_and_writes_nothing(string query)
    {
        ProblemAssert.NamesField("dryRun", await _harness.Programmes.Import(ImportRequest(CatalogueJson(Programmes.Valid("alpha")), query), CancellationToken.None));
        VerifyNoWrite();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"programmes":[]}""")]
    public async Task Import_of_an_empty_catalogue_is_400_because_it_would_archive_everything(string json)
    {
        ProblemAssert.NamesField("programmes", await _harness.Programmes.Import(ImportRequest(json), CancellationToken.None));
        VerifyNoWrite();
    }

    [Fact]
    public async Task Import_accepts_the_catalogue_file_with_its_schema_reference()
    {
        StoreImportAnswers(committed: true);
        var json = CatalogueJson(Programmes.Valid("alpha")).Insert(1, "\"$schema\":\"./programme.schema.json\",");

        Assert.IsType<OkObjectResult>(await _harness.Programmes.Import(ImportRequest(json), CancellationToken.None));
    }

    [Fact]
    public async Task Import_of_the_repository_catalogue_is_valid()
    {
        StoreImportAnswers(committed: false);
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "catalogue", "programmes.json"));
        var request = Requests.Body(Encoding.UTF8.GetBytes(json), "application/json");
        request.QueryString = new QueryString("?dryRun=true");

        var result = await _harness.Programmes.Import(request, CancellationToken.None);

        Assert.IsType<OkObjectResult>(result);
        _harness.Store.Verify(s => s.ImportAsync(It.Is<IReadOnlyList<Programme>>(p => p.Count > 2), true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Import_of_a_body_that_is_not_json_is_415_and_writes_nothing()
    {
        ProblemAssert.Is(415, await _harness.Programmes.Import(Requests.Json("{}", "text/plain"), CancellationToken.None));
        VerifyNoWrite();
    }

    [Fact]
    public async Task Import_when_storage_is_unavailable_is_503_with_retry_after()
    {
        _harness.Store.Setup(s => s.ImportAsync(It.IsAny<IReadOnlyList<Programme>>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StorageUnavailableException("down"));

        var retry = Assert.IsType<RetryAfterResult>(await _harness.Programmes.Import(ImportRequest(CatalogueJson(Programmes.Valid("alpha"))), CancellationToken.None));

        ProblemAssert.Is(503, retry.Inner);
    }

    [Fact]
    public async Task Import_that_keeps_losing_the_commit_race_is_409()
    {
        _harness.Store.Setup(s => s.ImportAsync(It.IsAny<IReadOnlyList<Programme>>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new WriteConflictException("The catalogue kept changing during the import."));

        ProblemAssert.Is(409, await _harness.Programmes.Import(ImportRequest(CatalogueJson(Programmes.Valid("alpha"))), CancellationToken.None));
    }
}
