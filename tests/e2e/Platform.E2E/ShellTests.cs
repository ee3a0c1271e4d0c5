using Microsoft.Playwright;

namespace Platform.E2E;

/// <summary>An administrator's first minutes with the product, in a real browser.</summary>
public sealed class ShellTests
{
    [SkippableFact]
    public async Task Admin_signs_in_sees_the_menu_switches_language_creates_a_user_and_signs_out()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;

        // Anonymous: sent to the sign-in page, in Chinese by default.
        await page.GotoAsync(host.BaseUrl + "/admin/users");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登录");

        // A wrong password gets the generic message.
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", "not-the-passw0rd");
        await page.ClickAsync("[data-testid=sign-in]");
        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("用户名或密码不正确。");

        // The right one lands on the page asked for, with the menu.
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", HostProcess.AdminPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await Assertions.Expect(page).ToHaveURLAsync(host.BaseUrl + "/admin/users");
        await browser.WaitUntilInteractiveAsync();
        var menu = page.Locator(".platform-nav");
        await Assertions.Expect(menu).ToContainTextAsync("系统管理");
        await Assertions.Expect(menu).ToContainTextAsync("部门");
        await Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync("admin");
        await browser.ScreenshotAsync("users-zh");

        // English and back.
        await page.Locator("[data-culture=en]").First.ClickAsync();
        await Assertions.Expect(menu).ToContainTextAsync("Administration");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Users");
        await page.Locator("[data-culture=zh-CN]").First.ClickAsync();
        await Assertions.Expect(menu).ToContainTextAsync("系统管理");
        await browser.WaitUntilInteractiveAsync();

        // Create a user.
        await page.GetByTestId("new-user").ClickAsync();
        await page.GetByTestId("user-name").FillAsync("lisi");
        await page.GetByTestId("display-name").FillAsync("李四");
        await page.GetByTestId("password").FillAsync("Lisi-passw0rd");
        await page.GetByTestId("save-user").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-editor")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("users-grid")).ToContainTextAsync("李四");

        // The language changes where the person is, also after moving through the menu (the page is not loaded again then).
        await menu.Locator("a[href='/admin/departments'], a[href='admin/departments']").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(host.BaseUrl + "/admin/departments");
        await Assertions.Expect(page.Locator("[data-culture=en]").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("returnUrl=%2Fadmin%2Fdepartments"));
        await page.Locator("[data-culture=en]").First.ClickAsync();
        await Assertions.Expect(menu).ToContainTextAsync("Administration");
        await Assertions.Expect(page).ToHaveURLAsync(host.BaseUrl + "/admin/departments");
        await page.Locator("[data-culture=zh-CN]").First.ClickAsync();
        await Assertions.Expect(menu).ToContainTextAsync("系统管理");
        await browser.WaitUntilInteractiveAsync();

        // Sign out; the pages are closed again.
        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await page.GotoAsync(host.BaseUrl + "/admin/users");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));

        // The new user can sign in and sees no administration.
        await page.FillAsync("#userName", "lisi");
        await page.FillAsync("#password", "Lisi-passw0rd");
        await page.ClickAsync("[data-testid=sign-in]");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync("李四");
        await Assertions.Expect(page.Locator(".platform-nav")).Not.ToContainTextAsync("系统管理");
    }

    [SkippableFact]
    public async Task The_shell_fits_a_tablet_in_english_with_the_menu_behind_its_toggle()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.OpenAsync("en-US", width: 768, height: 1024);
        var page = browser.Page;

        await page.GotoAsync(host.BaseUrl + "/account/sign-in");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", HostProcess.AdminPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Welcome");

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page scrolls sideways on a tablet");
        await page.Locator(".rz-sidebar-toggle").ClickAsync();
        await Assertions.Expect(page.Locator(".platform-nav")).ToContainTextAsync("Administration");
        await browser.ScreenshotAsync("home-tablet-en");
    }
}
