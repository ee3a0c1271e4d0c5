using System.Xml.Linq;

namespace Platform.Bpmn.Parsing;

/// <summary>The namespaces BPMN files use; elements are matched by namespace, never by prefix.</summary>
public static class BpmnNamespaces
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Diagram = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    public static readonly XNamespace Activiti = "http://activiti.org/bpmn";
    public static readonly XNamespace Flowable = "http://flowable.org/bpmn";

    /// <summary>Our own extension attributes (record binding, triggers, service actions).</summary>
    public static readonly XNamespace Platform = "https://schemas.platform.local/bpmn";

    /// <summary>The extension namespaces whose attributes of the same name mean the same thing (Camunda first).</summary>
    public static readonly XNamespace[] Extensions = [Platform, Camunda, Flowable, Activiti];
}
