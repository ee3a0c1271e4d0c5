using System.Text.Json;
using System.Xml.Linq;

namespace Platform.Workflows.Approvals;

/// <summary>What reopening a BPMN file in the approval designer found: the chain it was saved from, or why it cannot be edited there.</summary>
public sealed record ApprovalChainReading(ApprovalChain? Chain, string? Problem)
{
    /// <summary>The file was not made by the approval designer (drawn in the modeler, or imported).</summary>
    public const string NotADesignerFile = "NotADesignerFile";

    /// <summary>Made by the designer, then changed in the modeler: editing the chain would lose those changes.</summary>
    public const string ChangedInModeler = "ChangedInModeler";
}

/// <summary>Reopens what the approval designer saved: the chain from the process's extension elements, checked against the process it compiles to.</summary>
public static class ApprovalChainFile
{
    public static ApprovalChainReading Read(string xml, string processKey)
    {
        XElement? process;
        try
        {
            process = XDocument.Parse(xml).Root?.Elements(ApprovalChainCompiler.Bpmn + "process").FirstOrDefault(p => (string?)p.Attribute("id") == processKey);
        }
        catch (System.Xml.XmlException)
        {
            return new(null, ApprovalChainReading.NotADesignerFile);
        }

        var stored = process?.Element(ApprovalChainCompiler.Bpmn + "extensionElements")?.Element(ApprovalChainCompiler.ChainElement)?.Value;
        ApprovalChain? chain = null;
        try
        {
            chain = stored is null ? null : JsonSerializer.Deserialize<ApprovalChain>(stored, ApprovalChainCompiler.Json);
        }
        catch (JsonException)
        {
        }

        if (chain is null || process is null)
        {
            return new(null, ApprovalChainReading.NotADesignerFile);
        }

        return ApprovalChainCheck.Problems(chain).Count == 0 && SameFlow(ApprovalChainCompiler.Process(chain), process)
            ? new(chain, null)
            : new(null, ApprovalChainReading.ChangedInModeler);
    }

    /// <summary>The same elements, attributes and texts in the same order, whatever the prefixes or whitespace.</summary>
    private static bool SameFlow(XElement compiled, XElement stored) =>
        compiled.Name == stored.Name
        && Attributes(compiled).SequenceEqual(Attributes(stored))
        && (compiled.HasElements || stored.HasElements
            ? compiled.Elements().Count() == stored.Elements().Count() && compiled.Elements().Zip(stored.Elements()).All(p => SameFlow(p.First, p.Second))
            : compiled.Value.Trim() == stored.Value.Trim());

    private static IEnumerable<(XName, string)> Attributes(XElement element) =>
        element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => (a.Name, a.Value)).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal);
}
