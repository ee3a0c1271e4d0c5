using Platform.Bpmn.Parsing;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Tests;

/// <summary>
/// A webhook service task calls an HTTP address after its step commits and waits for the answer:
/// the answer goes to the result variable; failures worth retrying are tried again further and
/// further apart with the same idempotency key; the last failure or a flat refusal is an incident
/// that an admin's retry calls again.
/// </summary>
public sealed class WebhookTests
{
    private static string Process(string task, string after = "<userTask id=\"next\" name=\"Next\"/>") => $"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" id="d">
          <process id="p" isExecutable="true">
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="hook"/>
            {task}
            <sequenceFlow id="f2" sourceRef="hook" targetRef="next"/>{after}
          </process>
        </definitions>
        """;

    private const string Erp = """
        <serviceTask id="hook" name="Tell the ERP" platform:action="webhook" platform:url="https://erp.example/orders/${orderNo}"
                     platform:values="{ orderNo: orderNo, total: total }" platform:headers="{ 'X-Tenant': 'north' }" platform:resultVariable="erp"/>
        """;

    [Fact]
    public void The_call_is_sent_after_the_step_and_its_answer_moves_the_process_on()
    {
        var harness = new WorkflowHarness().Deploy(Process(Erp));
        harness.Webhooks = _ => new WebhookResponse(201, "application/json", """{"erpId":"E-77","lines":[1,2]}""", null);

        var instance = harness.Start("p", new() { ["orderNo"] = "SO-1", ["total"] = 120.5m });
        Assert.Empty(harness.Sent);
        Assert.Empty(harness.Tasks(instance));

        harness.Advance(TimeSpan.Zero);

        var sent = Assert.Single(harness.Sent);
        Assert.Equal(("POST", "https://erp.example/orders/SO-1", 1), (sent.Method, sent.Url, sent.Attempt));
        Assert.Equal("""{"orderNo":"SO-1","total":120.5}""", sent.Body);
        Assert.Equal($"{instance.Id}:webhook2", sent.Key);
        Assert.Equal(["Next"], harness.TaskNames(instance));
        var erp = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(instance.State.Variables["erp"]);
        Assert.Equal(201m, erp["status"]);
        Assert.Equal("E-77", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(erp["body"])["erpId"]);
    }

    [Fact]
    public void Server_errors_and_lost_connections_are_retried_with_doubling_delays_and_the_same_key()
    {
        var harness = new WorkflowHarness().Deploy(Process(Erp));
        var answers = new Queue<WebhookResponse>([new(503, null, "busy", null), new(null, null, null, "no answer within 30 s"), new(200, "text/plain", "ok", null)]);
        harness.Webhooks = _ => answers.Dequeue();
        var instance = harness.Start("p", new() { ["orderNo"] = "SO-2", ["total"] = 1m });
        var start = harness.Now;

        harness.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal([start, start.AddSeconds(10), start.AddSeconds(30)], harness.Sent.Select(s => s.At));
        Assert.Equal([1, 2, 3], harness.Sent.Select(s => s.Attempt));
        Assert.Single(harness.Sent.Select(s => s.Key).Distinct());
        Assert.Equal(["Next"], harness.TaskNames(instance));
        Assert.Equal("ok", ((IReadOnlyDictionary<string, object?>)instance.State.Variables["erp"]!)["body"]);
        Assert.Equal(2, harness.History.Count(h => h.Event == "webhookFailed"));
    }

    [Fact]
    public void The_last_failed_attempt_is_an_incident_and_a_retry_calls_again()
    {
        var harness = new WorkflowHarness().Deploy(Process(Erp.Replace("platform:resultVariable", "platform:retries=\"1\" platform:retryDelay=\"PT1M\" platform:resultVariable", StringComparison.Ordinal)));
        harness.Webhooks = _ => new WebhookResponse(500, null, "database down", null);
        var instance = harness.Start("p", new() { ["orderNo"] = "SO-3", ["total"] = 1m });

        harness.Advance(TimeSpan.FromHours(1));

        Assert.Equal(2, harness.Sent.Count);
        Assert.Equal(TimeSpan.FromMinutes(1), harness.Sent[1].At - harness.Sent[0].At);
        Assert.True(instance.HasIncident);
        Assert.Contains("failed after 2 attempts (HTTP 500: database down)", instance.State.Tokens.Single().Error, StringComparison.Ordinal);
        Assert.Empty(instance.State.Timers);

        harness.Webhooks = _ => new WebhookResponse(200, null, null, null);
        Assert.True(harness.Retry(instance));
        harness.Advance(TimeSpan.Zero);

        Assert.Equal(3, harness.Sent.Count);
        Assert.NotEqual(harness.Sent[0].Key, harness.Sent[2].Key); // An admin's retry is a new call.
        Assert.Equal(["Next"], harness.TaskNames(instance));
    }

    [Fact]
    public void A_refusal_that_waiting_will_not_change_is_an_incident_at_once()
    {
        var harness = new WorkflowHarness().Deploy(Process(Erp));
        harness.Webhooks = _ => new WebhookResponse(404, null, "no such order", null);
        var instance = harness.Start("p", new() { ["orderNo"] = "SO-4", ["total"] = 1m });

        harness.Advance(TimeSpan.FromHours(1));

        Assert.Single(harness.Sent);
        Assert.True(instance.HasIncident);
        Assert.Contains("was refused (HTTP 404: no such order)", instance.State.Tokens.Single().Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boundary_timer_stops_the_retries_and_takes_its_own_path()
    {
        var harness = new WorkflowHarness().Deploy(Process(Erp + """
            <boundaryEvent id="too_long" attachedToRef="hook"><timerEventDefinition><timeDuration>PT25S</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f3" sourceRef="too_long" targetRef="by_hand"/><userTask id="by_hand" name="Enter in the ERP by hand"/>
            """));
        harness.Webhooks = _ => new WebhookResponse(502, null, null, null);
        var instance = harness.Start("p", new() { ["orderNo"] = "SO-5", ["total"] = 1m });

        harness.Advance(TimeSpan.FromHours(1));

        Assert.Equal(2, harness.Sent.Count); // At 0 s and 10 s; the boundary timer at 25 s came before the third at 30 s.
        Assert.Equal(["Enter in the ERP by hand"], harness.TaskNames(instance));
        Assert.Empty(instance.State.Timers);
    }

    [Theory]
    [InlineData("platform:action=\"webhook\"", "needs platform:url")]
    [InlineData("platform:action=\"webhook\" platform:url=\"ftp://files.example/x\"", "not an absolute http or https address")]
    [InlineData("platform:action=\"webhook\" platform:url=\"/relative\"", "not an absolute http or https address")]
    [InlineData("platform:action=\"webhook\" platform:url=\"https://a.example\" platform:method=\"TRACE\"", "platform:method 'TRACE'")]
    [InlineData("platform:action=\"webhook\" platform:url=\"https://a.example\" platform:retries=\"-1\"", "platform:retries '-1'")]
    [InlineData("platform:action=\"webhook\" platform:url=\"https://a.example\" platform:retries=\"11\"", "platform:retries '11'")]
    [InlineData("platform:action=\"webhook\" platform:url=\"https://a.example\" platform:timeout=\"PT1H\"", "platform:timeout 'PT1H'")]
    [InlineData("platform:action=\"webhook\" platform:url=\"https://a.example\" platform:retryDelay=\"soon\"", "platform:retryDelay 'soon'")]
    public void Bad_webhook_settings_are_refused_at_deploy_with_the_task_named(string attributes, string reason)
    {
        var definitions = BpmnParser.Parse(System.Text.Encoding.UTF8.GetBytes(Process($"<serviceTask id=\"hook\" {attributes}/>")));

        var problem = Assert.Single(BpmnValidator.Validate(definitions));

        Assert.Equal("hook", problem.ElementId);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_through_a_webhook_waits_so_it_is_not_refused_as_spinning()
    {
        var xml = Process(Erp, """
            <exclusiveGateway id="next" default="again"/>
            <sequenceFlow id="done" sourceRef="next" targetRef="e"><conditionExpression>${erp.status == 200}</conditionExpression></sequenceFlow>
            <sequenceFlow id="again" sourceRef="next" targetRef="hook"/><endEvent id="e"/>
            """);

        Assert.Empty(BpmnValidator.Validate(BpmnParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml))));
    }
}
