using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecordShares : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecordShares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DepartmentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CanEdit = table.Column<bool>(type: "INTEGER", nullable: false),
                    SharedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordShares", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecordShares_DepartmentId",
                table: "RecordShares",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordShares_EntityKey_RecordId",
                table: "RecordShares",
                columns: new[] { "EntityKey", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordShares_UserId",
                table: "RecordShares",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecordShares");
        }
    }
}
