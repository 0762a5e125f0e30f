using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace FoerderFinder.BrowserTests;

/// <summary>The web form in a real browser against the DevHost, Azurite and the real catalogue.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebFormTests(BrowserFixture fixture)
{
    private const string NoDeadlineText = "no fixed date – see the reasons";

    private async Task<FormPage> OpenAsync(string locale = "en-GB", int width = 1280, int height = 900, bool phone = false, string query = "")
    {
        var form = new FormPage(await fixture.NewPageAsync(locale, width, height, phone), fixture.AppUrl);
        await form.OpenAsync(query);
        return form;
    }

    /// <summary>What the API answers for the same profile: the order (the page must not change it) and the counts line.</summary>
    private async Task<(List<string> Ids, string Counts)> ApiAsync(JObject profile)
    {
        var response = await fixture.App.Client.PostAsync("/api/match",
            new StringContent(profile.ToString(), System.Text.Encoding.UTF8, "application/json"));
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        var counts = body["counts"]!;
        return (body["results"]!.Select(r => (string)r["programmeId"]!).ToList(),
            $"{counts["eligible"]} you can apply for, {counts["needsInformation"]} need more information, {counts["notEligible"]} do not fit.");
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
        await form.Page.Locator("h1").ScrollIntoViewIfNeededAsync();
        await form.Page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("desktop-form") });

        await form.ShowProgrammesAsync();

        var expected = await ApiAsync(MuensterMso());
        var shown = await form.ProgrammeIdsAsync();
        // Münster's own programme first: a narrower region ranks higher.
        Assert.Equal(["muenster_ki_projektfoerderung", "engagiert"], shown.Take(2));
        Assert.Equal(expected.Ids.Take(shown.Length), shown);
        Assert.Equal(10, shown.Length);
        await Assertions.Expect(form.Status).ToHaveTextAsync(expected.Counts);
        Assert.StartsWith("7 you can apply for", expected.Counts);

        var first = form.Results.First;
        await Assertions.Expect(first.Locator("h3")).ToContainTextAsync("project grants of the Kommunales Integrationszentrum");
        await Assertions.Expect(first.Locator(".badge.eligible")).ToHaveTextAsync("✓You can apply");
        await Assertions.Expect(first.Locator("[data-fact=next-deadline] dd")).ToHaveTextAsync(NoDeadlineText);
        await Assertions.Expect(first.Locator("[data-fact=latest-application-date] dd")).ToHaveTextAsync("27 March 2027");
        await Assertions.Expect(first.Locator("[data-fact=last-verified] dt")).ToHaveTextAsync("Last checked");
        await Assertions.Expect(first.Locator(".notice")).ToHaveCountAsync(0);
        await first.GetByText("Why? 5 met, 0 open, 0 not met").ClickAsync();
        var seat = first.Locator(".reason", new() { HasText = "Your seat lies in the funding area (City of Münster)." });
        await Assertions.Expect(seat).ToHaveAttributeAsync("data-outcome", "met");
        await Assertions.Expect(seat.GetByRole(AriaRole.Link, new() { Name = "Source" })).ToHaveAttributeAsync("href", "https://muenster.de/pressemeldungen/web/frontend/design/kommunikation/show/1120735");
        await Assertions.Expect(first.GetByRole(AriaRole.Link, new() { Name = "To the funder's page" })).ToHaveAttributeAsync("href", "https://www.stadt-muenster.de/zuwanderung/migrantenselbstorganisationen");

        var engagiert = form.Page.Locator("article[data-programme-id=engagiert]");
        await Assertions.Expect(engagiert.Locator(".notice")).ToHaveTextAsync("Unconfirmed: check with the funder.");
        await Assertions.Expect(engagiert.Locator("[data-fact=amount] dd")).ToHaveTextAsync("up to €10,000; first application: up to €5,000unconfirmed");

        await form.Page.Locator("#results-heading").ScrollIntoViewIfNeededAsync();
        await form.Page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("desktop-results") });
        await form.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Switching_the_language_changes_the_texts_and_keeps_the_answers()
    {
        var form = await OpenAsync(locale: "de-DE");
        var page = form.Page;
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Förderung für Ihr Projekt finden");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await page.GetByLabel("Organisationsform").SelectOptionAsync("registered_association");
        await page.GetByLabel("Bundesland des Sitzes").SelectOptionAsync("DE-NW");
        await page.GetByLabel("Ort des Sitzes (Name oder Gemeindeschlüssel)").FillAsync("Münster");
        await form.ShowProgrammesAsync("Programme anzeigen");
        await Assertions.Expect(form.Status).ToContainTextAsync("können Sie beantragen");
        var seat = page.Locator("article[data-programme-id=promotorinnen_nrw] .reason", new() { HasText = "Sitz" }).First;
        await Assertions.Expect(seat).ToContainTextAsync("Ihr Sitz liegt im Fördergebiet");

        await form.AnswerAsync(() => form.ChooseLanguageAsync("English"));

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Find funding for your project");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "English" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.GetByLabel("Type of organisation")).ToHaveValueAsync("registered_association");
        await Assertions.Expect(page.GetByLabel("Town of your seat (name or municipality code)")).ToHaveValueAsync("Münster");
        await Assertions.Expect(form.Status).ToContainTextAsync("you can apply for");
        await Assertions.Expect(page.Locator("article[data-programme-id=promotorinnen_nrw] .badge.eligible")).ToContainTextAsync("You can apply");
        seat = page.Locator("article[data-programme-id=promotorinnen_nrw] .reason", new() { HasText = "seat" }).First;
        await Assertions.Expect(seat).ToContainTextAsync("Your seat lies in the funding area");

        await form.AnswerAsync(() => form.ChooseLanguageAsync("Deutsch"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Förderung für Ihr Projekt finden");
        await Assertions.Expect(form.Status).ToContainTextAsync("können Sie beantragen");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Answering_the_next_question_updates_the_list_without_starting_over()
    {
        var form = await OpenAsync();
        var page = form.Page;
        await form.FillMuensterMsoAsync();
        await form.ShowProgrammesAsync();
        var before = await form.ProgrammeIdsAsync();
        var question = page.Locator("#next-question");
        await Assertions.Expect(question.GetByRole(AriaRole.Heading)).ToHaveTextAsync("One more question");
        // Inline, where the programmes that need information begin.
        await Assertions.Expect(page.Locator("#next-question + li article")).ToHaveAttributeAsync("data-verdict", "needs_information");
        await Assertions.Expect(page.Locator("li:has(+ #next-question) article")).ToHaveAttributeAsync("data-verdict", "eligible");
        Assert.Contains("muenster_bezirksvertretungen", before);
        await Assertions.Expect(page.Locator("article[data-programme-id=muenster_bezirksvertretungen]")).ToHaveAttributeAsync("data-verdict", "needs_information");

        await question.GetByLabel("Year founded").FillAsync("2024");
        await form.AnswerAsync(() => question.GetByRole(AriaRole.Button, new() { Name = "Update the list" }).ClickAsync());

        var after = await form.ProgrammeIdsAsync();
        var answered = MuensterMso();
        answered["organisation"]!["foundedYear"] = 2024;
        var expected = await ApiAsync(answered);
        Assert.Equal(expected.Ids.Take(after.Length), after);
        Assert.NotEqual(before, after);
        await Assertions.Expect(page.Locator("article[data-programme-id=muenster_bezirksvertretungen]")).ToHaveAttributeAsync("data-verdict", "eligible");
        await Assertions.Expect(form.Status).ToHaveTextAsync(expected.Counts);
        await Assertions.Expect(page.Locator("#results-heading")).ToBeFocusedAsync();
        // The answer joined the form; nothing else was lost.
        await Assertions.Expect(page.GetByLabel("Year founded", new() { Exact = true }).First).ToHaveValueAsync("2024");
        await Assertions.Expect(page.GetByLabel("Type of organisation")).ToHaveValueAsync("registered_association");
        await Assertions.Expect(page.GetByLabel("Amount requested in euros")).ToHaveValueAsync("3000");
        await Assertions.Expect(question).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_form_can_be_used_with_the_keyboard_alone()
    {
        var form = await OpenAsync();
        var page = form.Page;

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator(".skip-link")).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();

        await TabToAsync(page, "#f-organisation-type");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#f-organisation-type")).ToHaveValueAsync("registered_association");
        await TabToAsync(page, "#f-organisation-state");
        await page.Keyboard.TypeAsync("North");
        await Assertions.Expect(page.Locator("#f-organisation-state")).ToHaveValueAsync("DE-NW");
        // Radio group: Tab enters it on the checked option, arrows move the choice.
        await TabToAsync(page, "#f-project-location-field input:checked");
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(page.Locator("#f-project-location-field input[value=germany]")).ToBeCheckedAsync();
        await TabToAsync(page, "#f-project-themes-field input[value=integration]");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#f-project-themes-field input[value=integration]")).ToBeCheckedAsync();
        await TabToAsync(page, "#f-project-requestedAmountEur");
        await page.Keyboard.TypeAsync("3000");
        await TabToAsync(page, "#f-organisation-municipality");
        await page.Keyboard.TypeAsync("Münster");
        await form.AnswerAsync(() => page.Keyboard.PressAsync("Enter"));

        await Assertions.Expect(page.Locator("#results-heading")).ToBeFocusedAsync();
        Assert.NotEmpty(await form.ProgrammeIdsAsync());
        // On into the results: reasons open with the keyboard, links are reachable.
        await TabToAsync(page, "#result-list details.reasons summary");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#result-list details.reasons").First).ToHaveAttributeAsync("open", "");
        await TabToAsync(page, "#result-list a.funder-link");
        await TabToAsync(page, "#next-question input, #next-question select");
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the element matching the selector has focus; every stop must show where the focus is.</summary>
    private static async Task TabToAsync(IPage page, string selector, int maxPresses = 60)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<FocusInfo>("""
                selector => {
                  const element = document.activeElement;
                  const style = getComputedStyle(element);
                  return {
                    matches: !!element && element.matches(selector),
                    // Past the end of the page the browser's own controls have the focus.
                    visible: element === document.body || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2),
                    description: element.outerHTML.slice(0, 120),
                  };
                }
                """, selector);
            Assert.True(focused.Visible, $"No visible focus on {focused.Description} (Tab {i + 1} towards {selector})");
            if (focused.Matches)
            {
                return;
            }
        }
        Assert.Fail($"{selector} not reached with {maxPresses} presses of Tab.");
    }

    private sealed class FocusInfo
    {
        public bool Matches { get; set; }
        public bool Visible { get; set; }
        public string Description { get; set; } = "";
    }

    [Fact]
    public async Task On_a_360_px_phone_the_form_and_results_fit_the_screen()
    {
        var form = await OpenAsync(locale: "de-DE", width: 360, height: 740, phone: true);
        var page = form.Page;
        Assert.True(await form.ScrollWidthAsync() <= 360, "The form scrolls sideways on a phone.");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("phone-form") });

        await page.GetByLabel("Organisationsform").SelectOptionAsync("registered_association");
        await page.GetByLabel("Bundesland des Sitzes").SelectOptionAsync("DE-NW");
        await page.GetByLabel("Ort des Sitzes (Name oder Gemeindeschlüssel)").FillAsync("Münster");
        await form.Group("Projektort").GetByLabel("in Deutschland").TapAsync();
        await form.Group("Themen des Projekts").GetByLabel("Integration und Teilhabe").TapAsync();
        await page.GetByLabel("Beantragter Betrag in Euro").FillAsync("3000");
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Programme anzeigen" });
        var box = await submit.BoundingBoxAsync();
        Assert.True(box!.Height >= 44, $"The button is {box.Height}px high; a finger needs 44.");
        await form.AnswerAsync(() => submit.TapAsync());

        await Assertions.Expect(form.Results.First).ToBeVisibleAsync();
        Assert.True(await form.ScrollWidthAsync() <= 360, "The results scroll sideways on a phone: " + await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 360)
                     .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
            """));
        var card = await form.Results.First.BoundingBoxAsync();
        Assert.True(card!.X >= 0 && card.X + card.Width <= 360, "A result card is wider than the phone.");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("phone-results") });
        await form.Results.First.Locator("details.reasons summary").TapAsync();
        await form.Results.First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("phone-result-reasons") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_shared_link_carries_the_answers_after_the_hash_and_nothing_is_stored()
    {
        var form = await OpenAsync();
        var page = form.Page;
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await form.FillMuensterMsoAsync();
        await form.ShowProgrammesAsync();
        var shown = await form.ProgrammeIdsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Share link" }).ClickAsync();
        var link = await page.GetByLabel("Link to your answers").InputValueAsync();

        var uri = new Uri(link);
        Assert.Equal(fixture.AppUrl, uri.GetLeftPart(UriPartial.Path));
        Assert.Contains("organisation.type=registered_association", uri.Fragment);
        Assert.Contains("project.themes=integration%2Cculture", uri.Fragment);
        Assert.All(requested, url => Assert.DoesNotContain("registered_association", url));
        Assert.Empty(await page.Context.CookiesAsync());

        // Reloading the tab keeps the answers (sessionStorage); a fresh browser opens the shared link.
        await page.ReloadAsync();
        await page.Locator("#results[data-answered]").WaitForAsync();
        Assert.Equal(shown, await form.ProgrammeIdsAsync());

        var other = await fixture.NewPageAsync("de-DE");
        var otherForm = new FormPage(other, fixture.AppUrl);
        await other.GotoAsync(link);
        await other.Locator("#results[data-answered]").WaitForAsync();
        Assert.Equal(shown, await otherForm.ProgrammeIdsAsync());
        await Assertions.Expect(other.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(other.GetByLabel("Amount requested in euros")).ToHaveValueAsync("3000");
        await other.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Results_print_on_a4_without_the_form()
    {
        var form = await OpenAsync();
        var page = form.Page;
        await form.FillMuensterMsoAsync();
        await form.ShowProgrammesAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator("#profile-form")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#next-question")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".result-tools")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#answers")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#answers")).ToContainTextAsync("Münster");
        await Assertions.Expect(form.Results.First.Locator(".reason").First).ToBeVisibleAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4", Path = BrowserFixture.Screenshot("results-a4").Replace(".png", ".pdf") });
        Assert.True(pdf.Length > 10_000);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task No_serious_or_critical_accessibility_violations()
    {
        var form = await OpenAsync();
        var page = form.Page;
        await AssertAccessibleAsync(page, "empty form");

        await form.FillMuensterMsoAsync();
        await form.ShowProgrammesAsync();
        await form.Results.First.Locator("details.reasons summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Share link" }).ClickAsync();
        await AssertAccessibleAsync(page, "results with reasons and the next question");

        await form.AnswerAsync(() => form.ChooseLanguageAsync("Deutsch"));
        await AssertAccessibleAsync(page, "German results");
        await page.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page, string state)
    {
        var result = await page.RunAxe();
        // Every finding, minor ones included, beside the screenshots for whoever wants to improve further.
        await File.WriteAllLinesAsync(Path.Combine(BrowserFixture.ScreenshotFolder, "axe-" + state.Replace(' ', '-') + ".txt"),
            result.Violations.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})"));
        Assert.NotEmpty(result.Passes);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe ({state}): " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

    [Fact]
    public async Task A_right_to_left_language_added_as_a_file_mirrors_the_layout()
    {
        var page = await fixture.NewPageAsync("en-GB");
        // What a translator does: one more entry in languages.json and one more file; no code changes.
        await page.RouteAsync("**/i18n/languages.json", async route =>
        {
            var response = await route.FetchAsync();
            var languages = JObject.Parse(await response.TextAsync());
            ((JArray)languages["languages"]!).Add(new JObject { ["code"] = "ar", ["name"] = "العربية" });
            await route.FulfillAsync(new() { Response = response, Body = languages.ToString() });
        });
        await page.RouteAsync("**/i18n/ar.json", async route =>
        {
            var english = JObject.Parse(await (await page.APIRequest.GetAsync(fixture.AppUrl + "i18n/en.json")).TextAsync());
            english["dir"] = "rtl";
            english["locale"] = "ar";
            english["title"] = "ابحث عن تمويل لمشروعك";
            english["showResults"] = "عرض البرامج";
            english["fields"] = new JObject { ["organisation.type"] = "نوع المنظمة" };
            await route.FulfillAsync(new() { ContentType = "application/json", Body = english.ToString() });
        });
        var form = new FormPage(page, fixture.AppUrl);
        await form.OpenAsync();

        await form.ChooseLanguageAsync("العربية");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ابحث عن تمويل لمشروعك");
        await page.GetByLabel("نوع المنظمة").SelectOptionAsync("registered_association");
        var main = (await page.Locator("main").BoundingBoxAsync())!;
        var label = (await page.Locator("label[for=f-organisation-type]").BoundingBoxAsync())!;
        var radio = (await page.Locator("#f-project-location-field input").First.BoundingBoxAsync())!;
        var radioText = (await page.Locator("#f-project-location-field label.option span").First.BoundingBoxAsync())!;
        Assert.True(main.X + main.Width - (label.X + label.Width) < 40, "Labels start on the right.");
        Assert.True(radio.X > radioText.X, "The radio button stands right of its text.");
        Assert.True(await form.ScrollWidthAsync() <= 1280);

        await form.AnswerAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "عرض البرامج" }).ClickAsync());
        var card = (await form.Results.First.BoundingBoxAsync())!;
        var badge = (await form.Results.First.Locator(".badge").First.BoundingBoxAsync())!;
        Assert.True(card.X + card.Width - (badge.X + badge.Width) < 40, "The verdict badge starts on the right.");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("desktop-rtl") });
        await page.Context.CloseAsync();
    }
}
