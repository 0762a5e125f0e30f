using Microsoft.Playwright;

namespace FoerderFinder.BrowserTests;

/// <summary>The web form as a person uses it, through labels and roles (English texts unless said otherwise).</summary>
public sealed class FormPage(IPage page, string appUrl)
{
    public IPage Page => page;

    public ILocator Results => page.Locator("#result-list article.result");

    public ILocator Status => page.Locator("#status");

    public async Task OpenAsync(string query = "")
    {
        await page.GotoAsync(appUrl + query);
        await page.Locator("html[data-ready=true]").WaitForAsync();
    }

    public async Task ChooseLanguageAsync(string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
    }

    /// <summary>The Münster migrant organisation of the README's example, answered in the English form.</summary>
    public async Task FillMuensterMsoAsync()
    {
        await page.GetByLabel("Type of organisation").SelectOptionAsync("registered_association");
        await page.GetByLabel("Land (federal state) of your seat").SelectOptionAsync("DE-NW");
        await page.GetByLabel("Town of your seat (name or municipality code)").FillAsync("Münster");
        await Group("Project location").GetByLabel("in Germany").CheckAsync();
        var themes = Group("Themes of the project");
        await themes.GetByLabel("Integration and participation").CheckAsync();
        await themes.GetByLabel("Culture", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Amount requested in euros").FillAsync("3000");
        await Group("Charitable (gemeinnützig, recognised by the tax office)").GetByLabel("Yes").CheckAsync();
        await Group("Migrant organisation (led by people with a migration background)").GetByLabel("Yes").CheckAsync();

        await page.GetByText("More about your project (optional)").ClickAsync();
        await page.GetByLabel("Town of the project").FillAsync("Münster");
        await page.GetByLabel("Planned project start").FillAsync("2027-05-01");
        await page.GetByLabel("Duration in months").FillAsync("6");
        await page.GetByLabel("Own contribution in per cent").FillAsync("10");
        await Group("First funding application").GetByLabel("Yes").CheckAsync();
        await Group("Run only by volunteers").GetByLabel("Yes").CheckAsync();
    }

    public ILocator Group(string name) => page.GetByRole(AriaRole.Group, new() { Name = name, Exact = true });

    /// <summary>Submits and waits until the list shows the answer to this submission.</summary>
    public async Task ShowProgrammesAsync(string buttonName = "Show programmes")
    {
        await AnswerAsync(() => page.GetByRole(AriaRole.Button, new() { Name = buttonName }).ClickAsync());
    }

    /// <summary>Does something that runs a new match and waits until its answer is shown.</summary>
    public async Task AnswerAsync(Func<Task> action)
    {
        var before = await AnswersSoFarAsync();
        await action();
        await page.WaitForFunctionAsync(
            "before => Number(document.querySelector('#results').dataset.answered || 0) > before", before);
    }

    private async Task<int> AnswersSoFarAsync() =>
        await page.EvaluateAsync<int>("() => Number(document.querySelector('#results').dataset.answered || 0)");

    public Task<string[]> ProgrammeIdsAsync() =>
        Results.EvaluateAllAsync<string[]>("articles => articles.map(a => a.dataset.programmeId)");

    public async Task<long> ScrollWidthAsync() => await page.EvaluateAsync<long>("() => document.documentElement.scrollWidth");
}
