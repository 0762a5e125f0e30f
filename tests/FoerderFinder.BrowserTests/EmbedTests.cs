using Microsoft.Playwright;

namespace FoerderFinder.BrowserTests;

/// <summary>embed.js on a community website: an allowed origin, and one the app does not allow.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmbedTests(BrowserFixture fixture)
{
    private const string FrameSelector = ".foerderfinder-embed iframe";

    private static Task<double> FrameHeightAsync(IPage page) =>
        page.Locator(FrameSelector).EvaluateAsync<double>("frame => frame.getBoundingClientRect().height");

    [Fact]
    public async Task On_an_allowed_site_the_form_resizes_itself_and_applies_the_presets()
    {
        var page = await fixture.NewPageAsync("de-DE");
        await page.GotoAsync(fixture.Sites.AllowedOrigin + "/");

        await page.Locator(".foerderfinder-embed[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator(".foerderfinder-fallback")).ToHaveCountAsync(0);
        var frame = page.FrameLocator(FrameSelector);
        var content = page.Frames.Single(f => f.Url.StartsWith(fixture.AppUrl, StringComparison.Ordinal));
        await frame.Locator("html[data-ready=true]").WaitForAsync();

        // Presets from the data attributes.
        await Assertions.Expect(frame.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(frame.GetByLabel("Land (federal state) of your seat")).ToHaveValueAsync("DE-NW");
        await Assertions.Expect(frame.GetByLabel("Town of your seat (name or municipality code)")).ToHaveValueAsync("Münster");
        await Assertions.Expect(frame.GetByLabel("Integration and participation")).ToBeCheckedAsync();
        await Assertions.Expect(frame.GetByLabel("Culture", new() { Exact = true })).ToBeCheckedAsync();

        // The frame is as high as the form: no scrollbar inside, nothing cut off.
        await WaitUntilFrameFitsAsync(page, content);
        var formHeight = await FrameHeightAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("embed-allowed-site-form"), FullPage = true, Clip = new() { X = 0, Y = 0, Width = 1280, Height = 1200 } });

        await frame.GetByLabel("Type of organisation").SelectOptionAsync("registered_association");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Show programmes" }).ClickAsync();
        await frame.Locator("#results[data-answered]").WaitForAsync();
        await WaitUntilFrameFitsAsync(page, content);
        Assert.True(await FrameHeightAsync(page) > formHeight + 500, "The frame did not grow with the results.");

        // Pinned first, hidden gone, the host's adviser under the results.
        var ids = await frame.Locator("#result-list article.result").EvaluateAllAsync<string[]>("a => a.map(x => x.dataset.programmeId)");
        Assert.Equal("muenster_ki_foerdertopf_mso", ids[0]);
        await Assertions.Expect(frame.Locator("article[data-programme-id=muenster_ki_foerdertopf_mso] .badge.pinned")).ToHaveTextAsync("Recommended here");
        Assert.DoesNotContain("fachpromotor_migrationsgesellschaft_nrw", ids);
        Assert.Contains("promotorinnen_nrw", ids);
        var contact = frame.Locator("#contact");
        await Assertions.Expect(contact).ToContainTextAsync(EmbeddingSites.ContactName);
        await Assertions.Expect(contact.GetByRole(AriaRole.Link, new() { Name = EmbeddingSites.ContactEmail })).ToHaveAttributeAsync("href", "mailto:" + EmbeddingSites.ContactEmail);
        await Assertions.Expect(contact.GetByRole(AriaRole.Link, new() { Name = EmbeddingSites.ContactPhone })).ToHaveAttributeAsync("href", "tel:0251123456");
        // Funder links leave the host page in a new tab.
        await Assertions.Expect(frame.Locator("a.funder-link").First).ToHaveAttributeAsync("target", "_blank");

        // Height messages that do not come from the app's frame are ignored.
        var heightBefore = await FrameHeightAsync(page);
        await page.EvaluateAsync("""
            () => new Promise(resolve => {
              // Listeners run in the order they were added: embed.js has seen the message when this one does.
              window.addEventListener('message', () => resolve(), { once: true });
              window.postMessage({ source: 'foerderfinder', type: 'height', height: 20 }, '*');
            })
            """);
        Assert.Equal(heightBefore, await FrameHeightAsync(page));

        // The host page's own content follows below the form.
        var frameBox = await page.Locator(FrameSelector).BoundingBoxAsync();
        var footerBox = await page.Locator("#after-embed").BoundingBoxAsync();
        Assert.True(footerBox!.Y >= frameBox!.Y + frameBox.Height);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("embed-allowed-site"), FullPage = true, Clip = new() { X = 0, Y = 0, Width = 1280, Height = 1800 } });
        await page.Context.CloseAsync();
    }

    private async Task WaitUntilFrameFitsAsync(IPage page, IFrame content)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        double frameHeight = 0, contentHeight = 0;
        while (DateTime.UtcNow < deadline)
        {
            contentHeight = await content.EvaluateAsync<double>("() => document.documentElement.getBoundingClientRect().height");
            frameHeight = await FrameHeightAsync(page);
            var scrolls = await content.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > window.innerHeight + 1");
            if (Math.Abs(frameHeight - Math.Ceiling(contentHeight)) <= 1 && !scrolls)
            {
                return;
            }
            await page.WaitForFunctionAsync("() => new Promise(r => requestAnimationFrame(() => r(true)))");
        }
        Assert.Fail($"The frame is {frameHeight}px high, its content {contentHeight}px.");
    }

    [Fact]
    public async Task On_a_site_that_is_not_allowed_the_browser_refuses_the_form()
    {
        var page = await fixture.NewPageAsync("de-DE");
        var refused = page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("frame-ancestors", StringComparison.Ordinal) });

        await page.GotoAsync(fixture.Sites.NotAllowedOrigin + "/");
        await refused;

        await Assertions.Expect(page.Locator(".foerderfinder-embed")).Not.ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(page.Locator(".foerderfinder-fallback a")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".foerderfinder-fallback a")).ToHaveAttributeAsync("href", fixture.AppUrl);
        foreach (var frame in page.Frames.Where(f => f != page.MainFrame))
        {
            Assert.Equal(0, await frame.Locator("#profile-form").CountAsync());
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_allowed_site_may_call_the_json_api_directly_and_another_may_not()
    {
        const string call = """
            async url => {
              try {
                const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify({ organisation: { state: 'DE-NW' }, language: 'en', limit: 1 }) });
                return 'status ' + response.status + ', ' + (await response.json()).results.length + ' result';
              } catch (e) { return 'blocked'; }
            }
            """;
        var page = await fixture.NewPageAsync("en-GB");

        await page.GotoAsync(fixture.Sites.AllowedOrigin + "/plain");
        var allowed = await page.EvaluateAsync<string>(call, fixture.AppUrl + "api/match");
        await page.GotoAsync(fixture.Sites.NotAllowedOrigin + "/plain");
        var other = await page.EvaluateAsync<string>(call, fixture.AppUrl + "api/match");

        Assert.Equal("status 200, 1 result", allowed);
        Assert.Equal("blocked", other);
        await page.Context.CloseAsync();
    }
}
