using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowApprovalsAndTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LocksRecord",
                table: "WorkflowInstances",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "WorkflowStartTimers",
                columns: table => new
                {
                    ProcessKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NodeId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefinitionId = table.Column<long>(type: "bigint", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    Fired = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowStartTimers", x => new { x.ProcessKey, x.NodeId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowStartTimers_DueAt",
                table: "WorkflowStartTimers",
                column: "DueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkflowStartTimers");

            migrationBuilder.DropColumn(
                name: "LocksRecord",
                table: "WorkflowInstances");
        }
    }
}
