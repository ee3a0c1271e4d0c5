using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FormTemplateDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Draft",
                table: "OcrTemplates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DraftSavedAt",
                table: "OcrTemplates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftSavedBy",
                table: "OcrTemplates",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Draft",
                table: "OcrTemplates");

            migrationBuilder.DropColumn(
                name: "DraftSavedAt",
                table: "OcrTemplates");

            migrationBuilder.DropColumn(
                name: "DraftSavedBy",
                table: "OcrTemplates");
        }
    }
}
