using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;

namespace Platform.Workflows.Approvals;

/// <summary>What the modeler pages say of files: a problem in the reader's language (its code's text, else the engine's words), and a file's process key.</summary>
public static class ModelerText
{
    public static string Problem(IStringLocalizer l, BpmnProblem problem) =>
        problem.Code is { } code && l[$"Workflows.Problem.{code}", [.. problem.Arguments]] is { ResourceNotFound: false } text ? text.Value : problem.Message;

    /// <summary>The id of the file's first executable process (the draft's key); null when the file has none or is not BPMN XML.</summary>
    public static string? ProcessKeyOf(byte[] content)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var root = XDocument.Load(reader).Root;
            return root?.Elements().Where(e => e.Name.LocalName == "process" && (string?)e.Attribute("isExecutable") != "false")
                .Select(e => (string?)e.Attribute("id")).FirstOrDefault(id => id is { Length: > 0 and <= 200 });
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
