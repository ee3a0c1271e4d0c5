using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditOfLines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ParentRecordId",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ParentRecordId",
                table: "AuditEntries",
                column: "ParentRecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ParentRecordId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ParentRecordId",
                table: "AuditEntries");
        }
    }
}
