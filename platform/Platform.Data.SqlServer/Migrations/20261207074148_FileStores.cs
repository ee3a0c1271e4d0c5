using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class FileStores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Store",
                table: "StoredFiles",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "disk");

            migrationBuilder.CreateTable(
                name: "StoredFileChunks",
                columns: table => new
                {
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Data = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    WrittenAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFileChunks", x => new { x.FileId, x.Number });
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_RecordId_UploadedAt",
                table: "StoredFiles",
                columns: new[] { "RecordId", "UploadedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoredFileChunks");

            migrationBuilder.DropIndex(
                name: "IX_StoredFiles_RecordId_UploadedAt",
                table: "StoredFiles");

            migrationBuilder.DropColumn(
                name: "Store",
                table: "StoredFiles");
        }
    }
}
