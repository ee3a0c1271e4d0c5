using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;

namespace Platform.Workflows.Approvals;

/// <summary>What the modeler pages say of files: a problem in the reader's language (its code's text, else the engine's words), and a file's process key.</summary>
public static class ModelerText
{
    public static string Problem(IStringLocalizer l, BpmnProblem problem) =>
        problem.Code is { } code && l[$"Workflows.Problem.{code}", [.. problem.Arguments]] is { ResourceNotFound: false } text ? text.Value : problem.Message;

    /// <summary>The id of the file's first executable process (else of its first process: the modeler can make it executable); null when it has none or is not XML.</summary>
    public static string? ProcessKeyOf(XDocument document)
    {
        var processes = document.Root?.Elements().Where(e => e.Name.LocalName == "process" && (string?)e.Attribute("id") is { Length: > 0 and <= 200 }).ToList() ?? [];
        return (string?)(processes.FirstOrDefault(p => (string?)p.Attribute("isExecutable") != "false") ?? processes.FirstOrDefault())?.Attribute("id");
    }

    /// <summary>A file's text as its XML declaration says it is encoded (ISO-8859-1 files exist), read with no DTD; null when it is not XML.</summary>
    public static XDocument? Read(byte[] content)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
