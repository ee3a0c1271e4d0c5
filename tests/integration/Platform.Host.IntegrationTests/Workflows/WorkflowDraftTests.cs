using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Workflows;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// The modeler's drafts and checks: two people saving one draft from the same version — the second is told
/// who saved first and nothing of either is lost; and files that are not XML, too large, or carry a DTD
/// (the way XXE gets in) are refused with a code the page words in the user's language.
/// </summary>
public sealed class WorkflowDraftTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string Process = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <process id="p" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/></process>
        </definitions>
        """;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_second_save_from_the_same_version_is_refused_with_the_first_and_keeps_it(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        Task<(WorkflowDraft Saved, WorkflowDraft? Newer)> Save(string xml, int basedOn, string by) =>
            host.InScopeAsync(s => s.GetRequiredService<IWorkflowDrafts>().SaveAsync("p", xml, basedOn, by));

        var first = await Save(Process, 0, "wang");
        var again = await Save(Process + "<!-- li -->", 0, "li");
        Assert.Null(first.Newer);
        Assert.Equal(("wang", 1), (again.Newer?.SavedBy, again.Newer?.Version));

        var wang = await Save(Process + "<!-- wang 2 -->", 1, "wang");
        var li = await Save(Process + "<!-- li 2 -->", 1, "li");

        Assert.Equal(2, wang.Saved.Version);
        Assert.Equal(("wang", 2), (li.Newer?.SavedBy, li.Newer?.Version));
        var kept = await host.InScopeAsync(s => s.GetRequiredService<IWorkflowDrafts>().GetAsync("p"));
        Assert.EndsWith("<!-- wang 2 -->", kept!.Xml, StringComparison.Ordinal);

        await host.InScopeAsync(async s => { await s.GetRequiredService<IWorkflowDrafts>().DeleteAsync("p"); return true; });
        Assert.Null(await host.InScopeAsync(s => s.GetRequiredService<IWorkflowDrafts>().GetAsync("p")));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Files_that_are_not_xml_too_large_or_with_a_dtd_are_refused_by_code_and_an_unsupported_element_by_its_id(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        Task<IReadOnlyList<BpmnProblem>> Check(byte[] content) => host.InScopeAsync(s => s.GetRequiredService<IWorkflowDeployment>().CheckAsync(content));

        var notXml = await Check(Encoding.UTF8.GetBytes("this is not xml"));
        var xxe = await Check(Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</definitions>"""));
        var large = await Check(new byte[IWorkflowDeployment.MaxFileBytes + 1]);
        var manual = await Check(Encoding.UTF8.GetBytes(Process.Replace("<endEvent id=\"e\"/>", "<manualTask id=\"e\"/>", StringComparison.Ordinal)));
        var fine = await Check(Encoding.UTF8.GetBytes(Process));

        Assert.Equal(BpmnProblem.NotXml, Assert.Single(notXml).Code);
        Assert.Equal(BpmnProblem.Dtd, Assert.Single(xxe).Code);
        Assert.Equal(BpmnProblem.TooLarge, Assert.Single(large).Code);
        var unsupported = Assert.Single(manual);
        Assert.Equal(("e", BpmnProblem.Unsupported, "manualTask"), (unsupported.ElementId, unsupported.Code, unsupported.Arguments.Single()));
        Assert.Empty(fine);
        Assert.Empty(await host.InScopeAsync(s => s.GetRequiredService<IWorkflowQueries>().DeployedAsync(CancellationToken.None)));
    }
}
