CREATE TABLE dbo.Product (
    ProductID int PRIMARY KEY,
    Color nvarchar(20),
    Weight decimal(8,2)
);
