using Platform.Core.Fields.Files;

namespace Platform.Core.Fields.Image;

/// <summary>Pictures (product photos): attachments the file store accepts only as PNG, JPEG, GIF or WebP.</summary>
public sealed class ImageFieldType() : FilesFieldType("image");
