using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "disk");

            migrationBuilder.CreateTable(
                name: "StoredFileChunks",
                columns: table => new
                {
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false)
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
