using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Data.SqlServer.Migrations
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
                    Item = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Warehouse = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Quantity = table.Column<decimal>(type: "decimal(28,6)", precision: 28, scale: 6, nullable: false),
                    Value = table.Column<decimal>(type: "decimal(28,6)", precision: 28, scale: 6, nullable: false),
                    ValuationRate = table.Column<decimal>(type: "decimal(28,9)", precision: 28, scale: 9, nullable: false),
                    Layers = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    LastPostedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Item = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Warehouse = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PostedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    VoucherEntity = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    VoucherId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VoucherNumber = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    VoucherLine = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    EnteredQuantity = table.Column<decimal>(type: "decimal(28,6)", precision: 28, scale: 6, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Quantity = table.Column<decimal>(type: "decimal(28,6)", precision: 28, scale: 6, nullable: false),
                    CountedQuantity = table.Column<decimal>(type: "decimal(28,6)", precision: 28, scale: 6, nullable: true),
                    IncomingRate = table.Column<decimal>(type: "decimal(28,9)", precision: 28, scale: 9, nullable: true),
                    Batch = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    TransferOf = table.Column<long>(type: "bigint", nullable: true),
                    QuantityChange = table.Column<decimal>(type: "decimal(28,6)", precision: 28, scale: 6, nullable: false),
                    ValueChange = table.Column<decimal>(type: "decimal(28,6)", precision: 28, scale: 6, nullable: false),
                    Rate = table.Column<decimal>(type: "decimal(28,9)", precision: 28, scale: 9, nullable: false),
                    QuantityAfter = table.Column<decimal>(type: "decimal(28,6)", precision: 28, scale: 6, nullable: false),
                    ValueAfter = table.Column<decimal>(type: "decimal(28,6)", precision: 28, scale: 6, nullable: false),
                    ValuationRate = table.Column<decimal>(type: "decimal(28,9)", precision: 28, scale: 9, nullable: false),
                    Layers = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    IsCancelled = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
