using System.Xml.Linq;

namespace Platform.Workflows.Bpmn;

/// <summary>The namespaces BPMN files use; elements are matched by namespace, never by prefix.</summary>
public static class BpmnNamespaces
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Diagram = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    public static readonly XNamespace Activiti = "http://activiti.org/bpmn";
    public static readonly XNamespace Flowable = "http://flowable.org/bpmn";
}
