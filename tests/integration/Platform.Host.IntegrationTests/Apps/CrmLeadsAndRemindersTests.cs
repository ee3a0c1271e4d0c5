using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Data;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Apps.CrmPackageTests;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Apps;

/// <summary>
/// The CRM package hands out work, all configuration: the manager assigns leads in turn among the salespeople of their department
/// (people who can no longer sign in and other departments left out) or to a person; salespeople cannot assign; and every
/// morning the owner of a contact whose birthday is today or in three days hears of it under the bell, in both languages.
/// </summary>
public sealed class CrmLeadsAndRemindersTests
{
    private const string Password = "Crm-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<List<string>> LeadsAsync(HttpClient client, int count)
    {
        var ids = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            ids.Add(await ODataRecords.CreateAsync(client, "lead", $$"""{ "name": "线索{{i}}", "company": "客户公司{{i}}", "source": "fair" }"""));
        }

        return ids;
    }

    private static async Task<JsonElement> LeadAsync(HttpClient client, string id) => await client.GetFromJsonAsync<JsonElement>($"/odata/lead({id})");

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_manager_hands_leads_out_in_turn_among_their_salespeople_or_to_a_person(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var sales = await team.Host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Users.Where(u => u.UserName == "li").Select(u => u.DepartmentId).SingleAsync());
        var elsewhere = await Accounts.CreateDepartmentAsync(team.Host, "销售二部");
        var zhao = await Accounts.CreateUserInAsync(team.Host, "zhao", Password, elsewhere, "CRM salesperson");
        var sun = await Accounts.CreateUserInAsync(team.Host, "sun", Password, sales, "CRM salesperson");
        await team.Host.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PlatformUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(sun))!, DateTimeOffset.MaxValue); // left the company
        });

        // Three leads from the fair, handed out at once: li, wang, li (by name; sun has left, zhao is in another department).
        var leads = await LeadsAsync(team.Zhou, 4);
        var (bulk, bulkBody) = await RunAsync(team.Zhou, "/api/records/lead/actions/assign", new { ids = leads.Take(3), input = new { method = "roundRobin" } });
        Assert.True(bulk == HttpStatusCode.OK, bulkBody.ToString());
        Assert.Equal(3, bulkBody.GetProperty("updated").GetInt32());
        var owners = new List<string>();
        foreach (var id in leads.Take(3))
        {
            var lead = await LeadAsync(team.Zhou, id);
            owners.Add(lead.GetProperty("ownerId").GetString()!);
            Assert.Equal(owners.Count, lead.GetProperty("assignmentNo").GetInt32());
            Assert.NotEqual(JsonValueKind.Null, lead.GetProperty("assignedAt").ValueKind);
        }

        Assert.Equal([team.Ids["li"], team.Ids["wang"], team.Ids["li"]], owners);

        // The next one the next day continues the turn: wang.
        var (next, nextBody) = await RunAsync(team.Zhou, $"/api/records/lead/{leads[3]}/actions/assign", new { input = new { method = "roundRobin" } });
        Assert.True(next == HttpStatusCode.OK, nextBody.ToString());
        Assert.Equal(team.Ids["wang"], (await LeadAsync(team.Zhou, leads[3])).GetProperty("ownerId").GetString());
        Assert.Equal(["线索1", "线索3"], await NamesAsync(team.Li, "lead"));

        // A lead from the website nobody owns waits in the manager's pool; given to a person by name, even in another department.
        var web = await ODataRecords.CreateAsync(team.Admin, "lead", """{ "name": "网站询盘", "source": "web" }""");
        var released = await SendAsync(team.Admin, HttpMethod.Patch, $"/odata/lead({web})", """{ "ownerId": null, "departmentId": null }""");
        Assert.True(released.Status == HttpStatusCode.OK, released.Body);
        Assert.Contains("网站询盘", await NamesAsync(team.Zhou, "lead"));
        var (unnamed, unnamedBody) = await RunAsync(team.Zhou, $"/api/records/lead/{web}/actions/assign", new { input = new { method = "person" } });
        Assert.Equal(HttpStatusCode.BadRequest, unnamed);
        Assert.Contains("请选择分配给谁", unnamedBody.ToString(), StringComparison.Ordinal);
        var (gone, goneBody) = await RunAsync(team.Zhou, $"/api/records/lead/{web}/actions/assign", new { input = new { method = "person", person = sun } });
        Assert.Equal(HttpStatusCode.BadRequest, gone);
        Assert.Contains("此人已停用", goneBody.ToString(), StringComparison.Ordinal);
        var (nobody, nobodyBody) = await RunAsync(team.Zhou, $"/api/records/lead/{web}/actions/assign", new { input = new { method = "person", person = "no-such-user" } });
        Assert.Equal(HttpStatusCode.BadRequest, nobody);
        Assert.Contains("input.person", nobodyBody.ToString(), StringComparison.Ordinal);
        var (given, givenBody) = await RunAsync(team.Zhou, $"/api/records/lead/{web}/actions/assign", new { input = new { method = "person", person = zhao } });
        Assert.True(given == HttpStatusCode.OK, givenBody.ToString());
        var zhaoClient = await team.Host.CreateClientForAsync("zhao", Password);
        Assert.Equal(["网站询盘"], await NamesAsync(zhaoClient, "lead"));
        Assert.Equal(5, (await LeadAsync(zhaoClient, web)).GetProperty("assignmentNo").GetInt32());

        // Salespeople work their leads; they do not hand them out.
        var (refused, _) = await RunAsync(team.Li, $"/api/records/lead/{leads[0]}/actions/assign", new { input = new { method = "roundRobin" } });
        Assert.Equal(HttpStatusCode.Forbidden, refused);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Every_morning_owners_hear_of_their_contacts_birthdays_today_and_in_three_days(string provider)
    {
        var team = await StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await using var _ = team.Host;
        var dispatcher = team.Host.Services.GetRequiredService<Platform.Bpmn.Engine.WorkflowTimerDispatcher>();

        // The next 8 o'clock (local time) is when the reminders go out; birthdays are compared by month and day, any year.
        var now = TimeZoneInfo.ConvertTime(team.Host.Clock.GetUtcNow(), TimeZoneInfo.Local);
        var eight = new DateTimeOffset(now.Date.AddHours(8), now.Offset);
        if (eight <= now)
        {
            eight = eight.AddDays(1);
        }

        var day = DateOnly.FromDateTime(eight.Date);
        // Born in leap years, so that any day of the year (29 February too) is a birthday.
        string Born(int daysAfter, int year) => new DateOnly(year, day.AddDays(daysAfter).Month, day.AddDays(daysAfter).Day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var customer = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "嘉兴纺织有限公司" }""");
        var today = await ODataRecords.CreateAsync(team.Li, "contact", $$"""{ "name": "陈总", "customer": "{{customer}}", "birthday": "{{Born(0, 1976)}}" }""");
        var soon = await ODataRecords.CreateAsync(team.Li, "contact", $$"""{ "name": "刘经理", "customer": "{{customer}}", "birthday": "{{Born(3, 1988)}}" }""");
        await ODataRecords.CreateAsync(team.Li, "contact", $$"""{ "name": "赵会计", "customer": "{{customer}}", "birthday": "{{Born(1, 1992)}}" }""");
        var importer = await ODataRecords.CreateAsync(team.Wang, "customer", """{ "name": "Brown Trading Ltd." }""");
        var wangs = await ODataRecords.CreateAsync(team.Wang, "contact", $$"""{ "name": "Mr. Brown", "customer": "{{importer}}", "birthday": "{{Born(0, 1968)}}" }""");
        var orphan = await ODataRecords.CreateAsync(team.Admin, "contact", $$"""{ "name": "无人负责", "customer": "{{importer}}", "birthday": "{{Born(0, 1980)}}" }""");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(team.Admin, HttpMethod.Patch, $"/odata/contact({orphan})", """{ "ownerId": null, "departmentId": null }""")).Status);

        team.Host.Clock.Advance(eight - now + TimeSpan.FromMinutes(1));
        Assert.InRange(await dispatcher.RunDueAsync(), 1, 2); // the pool's 2 o'clock run too, when the night passed

        var notices = await team.Host.InScopeAsync(async s => (await s.GetRequiredService<PlatformDbContext>().UserNotifications.AsNoTracking()
                .Where(n => n.Kind == "reminder").ToListAsync())
            .Select(n => (n.UserId, Zh: JsonDocument.Parse(n.Text).RootElement.GetProperty("zh-CN").GetString()!, En: JsonDocument.Parse(n.Text).RootElement.GetProperty("en").GetString()!, n.Link))
            .OrderBy(n => n.Link, StringComparer.Ordinal).ToList());
        Assert.Equal(3, notices.Count);
        var (liToday, liSoon, wangToday) = (notices.Single(n => n.Link == $"/records/contact/{today}"), notices.Single(n => n.Link == $"/records/contact/{soon}"),
            notices.Single(n => n.Link == $"/records/contact/{wangs}"));
        Assert.Equal((team.Ids["li"], "陈总的生日就在今天，别忘了送上祝福。", "陈总's birthday is today: send your wishes."), (liToday.UserId, liToday.Zh, liToday.En));
        Assert.Equal(team.Ids["li"], liSoon.UserId);
        var inThree = day.AddDays(3);
        Assert.Equal($"刘经理的生日在 3 天后（{inThree.Month} 月 {inThree.Day} 日），别忘了送上祝福。", liSoon.Zh);
        Assert.Contains("in 3 days", liSoon.En, StringComparison.Ordinal);
        Assert.Equal(team.Ids["wang"], wangToday.UserId);

        Assert.Equal(2, await team.Host.InScopeAsync(s => s.GetRequiredService<Platform.Records.Notifications.INotificationCentre>().UnreadCountAsync(team.Ids["li"])));
    }
}
