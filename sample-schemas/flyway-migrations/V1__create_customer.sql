-- Flyway migrations run by version: V1, V2, V3, V10 (not V1, V10, V2, V3 as names sort).
IF SCHEMA_ID(N'shop') IS NULL
    EXEC (N'CREATE SCHEMA shop AUTHORIZATION dbo');
GO
IF OBJECT_ID(N'shop.Customer', N'U') IS NULL
BEGIN
    CREATE TABLE shop.Customer (
        CustomerID int           NOT NULL CONSTRAINT PK_Customer PRIMARY KEY,
        FullName   nvarchar(100) NOT NULL
    );
END
