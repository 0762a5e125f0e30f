using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.BrowserTests;

/// <summary>The web form in a real browser against the DevHost, Azurite and the real catalogue.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebFormTests(BrowserFixture fixture)
{
    private async Task<FormPage> OpenAsync(string locale = "en-GB", int width = 1280, int height = 900, bool phone = false, string query = "")
    {
        var form = new FormPage(await fixture.NewPageAsync(locale, width, height, phone), fixture.AppUrl);
        await form.OpenAsync(query);
        return form;
    }

    /// <summary>The order the API gives for the same answers (the page must not reorder it).</summary>
    private async Task<List<string>> ApiOrderAsync(JObject profile)
    {
        var response = await fixture.App.Client.PostAsync("/api/match",
            new StringContent(profile.ToString(), System.Text.Encoding.UTF8, "application/json"));
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return body["results"]!.Select(r => (string)r["programmeId"]!).ToList();
    }

    /// <summary>What FillMuensterMsoAsync answers, as the API's request.</summary>
    private static JObject MuensterMso() => JObject.Parse("""
        {
          "organisation": { "type": "registered_association", "migrantLed": true, "charitable": true,
                            "state": "DE-NW", "municipality": "Münster", "volunteerRun": true, "firstTimeApplicant": true },
          "project": { "location": "germany", "municipality": "Münster", "themes": ["integration", "culture"],
                       "requestedAmountEur": 3000, "ownContributionPercent": 10, "plannedStart": "2027-05-01", "durationMonths": 6 },
          "language": "en", "limit": 200
        }
        """);

    [Fact]
    public async Task A_muenster_mso_sees_its_programmes_in_order_with_reasons()
    {
        var form = await OpenAsync();
        await form.FillMuensterMsoAsync();

        await form.ShowProgrammesAsync();

        var expected = await ApiOrderAsync(MuensterMso());
        var shown = await form.ProgrammeIdsAsync();
        Assert.Equal(["komm_an_nrw_muenster", "muenster_ki_projektfoerderung"], shown.Take(2));
        Assert.Equal(expected.Take(shown.Length), shown);
        Assert.Equal(10, shown.Length);
        await Assertions.Expect(form.Status).ToHaveTextAsync("8 you can apply for, 12 need more information, 47 do not fit.");

        var first = form.Results.First;
        await Assertions.Expect(first.Locator("h3")).ToContainTextAsync("KOMM-AN NRW");
        await Assertions.Expect(first.Locator(".badge.eligible")).ToHaveTextAsync("✓You can apply");
        await Assertions.Expect(first.Locator("[data-fact=next-deadline] dd")).ToHaveTextAsync("21 January 2027");
        await Assertions.Expect(first.Locator("[data-fact=latest-application-date] dd")).ToHaveTextAsync("21 January 2027");
        await Assertions.Expect(first.Locator("[data-fact=last-verified] dt")).ToHaveTextAsync("Last checked");
        await Assertions.Expect(first.Locator(".notice")).ToHaveTextAsync("Unconfirmed: check with the funder.");
        await first.GetByText("Why? 6 met, 0 open, 0 not met").ClickAsync();
        var seat = first.Locator(".reason", new() { HasText = "Your seat lies in the funding area (City of Münster)." });
        await Assertions.Expect(seat).ToHaveAttributeAsync("data-outcome", "met");
        await Assertions.Expect(seat.GetByRole(AriaRole.Link, new() { Name = "Source" })).ToHaveAttributeAsync("href", "https://www.muenster.de/pressemeldungen/web/frontend/output/standard/design/standard/page/1/show/1145177");
        await Assertions.Expect(first.GetByRole(AriaRole.Link, new() { Name = "To the funder's page" })).ToHaveAttributeAsync("href", "https://www.stadt-muenster.de/zuwanderung");

        var engagiert = form.Page.Locator("article[data-programme-id=engagiert]");
        await Assertions.Expect(engagiert.Locator("[data-fact=amount] dd")).ToHaveTextAsync("up to €10,000; first application: up to €5,000unconfirmed");

        await form.Page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("desktop-results"), FullPage = false });
        await form.Page.Locator("#results-heading").ScrollIntoViewIfNeededAsync();
        await form.Page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("desktop-results-list") });
        await form.Page.Context.CloseAsync();
    }
}
