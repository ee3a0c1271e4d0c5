using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class StockLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StockBins",
                columns: table => new
                {
                    Item = table.Column<Guid>(type: "uuid", nullable: false),
                    Warehouse = table.Column<Guid>(type: "uuid", nullable: false),
                    Quantity = table.Column<decimal>(type: "numeric(28,6)", precision: 28, scale: 6, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(28,6)", precision: 28, scale: 6, nullable: false),
                    ValuationRate = table.Column<decimal>(type: "numeric(28,9)", precision: 28, scale: 9, nullable: false),
                    Layers = table.Column<string>(type: "text", nullable: false),
                    LastPostedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastEntryId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockBins", x => new { x.Item, x.Warehouse });
                });

            migrationBuilder.CreateTable(
                name: "StockLedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Item = table.Column<Guid>(type: "uuid", nullable: false),
                    Warehouse = table.Column<Guid>(type: "uuid", nullable: false),
                    PostedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VoucherEntity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VoucherId = table.Column<Guid>(type: "uuid", nullable: false),
                    VoucherNumber = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VoucherLine = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EnteredQuantity = table.Column<decimal>(type: "numeric(28,6)", precision: 28, scale: 6, nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Quantity = table.Column<decimal>(type: "numeric(28,6)", precision: 28, scale: 6, nullable: false),
                    CountedQuantity = table.Column<decimal>(type: "numeric(28,6)", precision: 28, scale: 6, nullable: true),
                    IncomingRate = table.Column<decimal>(type: "numeric(28,9)", precision: 28, scale: 9, nullable: true),
                    Batch = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TransferOf = table.Column<long>(type: "bigint", nullable: true),
                    QuantityChange = table.Column<decimal>(type: "numeric(28,6)", precision: 28, scale: 6, nullable: false),
                    ValueChange = table.Column<decimal>(type: "numeric(28,6)", precision: 28, scale: 6, nullable: false),
                    Rate = table.Column<decimal>(type: "numeric(28,9)", precision: 28, scale: 9, nullable: false),
                    QuantityAfter = table.Column<decimal>(type: "numeric(28,6)", precision: 28, scale: 6, nullable: false),
                    ValueAfter = table.Column<decimal>(type: "numeric(28,6)", precision: 28, scale: 6, nullable: false),
                    ValuationRate = table.Column<decimal>(type: "numeric(28,9)", precision: 28, scale: 9, nullable: false),
                    Layers = table.Column<string>(type: "text", nullable: false),
                    IsCancelled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockLedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StockBins_Warehouse",
                table: "StockBins",
                column: "Warehouse");

            migrationBuilder.CreateIndex(
                name: "IX_StockLedgerEntries_Item_Warehouse_IsCancelled_PostedAt_Id",
                table: "StockLedgerEntries",
                columns: new[] { "Item", "Warehouse", "IsCancelled", "PostedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StockLedgerEntries_TransferOf",
                table: "StockLedgerEntries",
                column: "TransferOf");

            migrationBuilder.CreateIndex(
                name: "IX_StockLedgerEntries_VoucherEntity_VoucherId",
                table: "StockLedgerEntries",
                columns: new[] { "VoucherEntity", "VoucherId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StockBins");

            migrationBuilder.DropTable(
                name: "StockLedgerEntries");
        }
    }
}
