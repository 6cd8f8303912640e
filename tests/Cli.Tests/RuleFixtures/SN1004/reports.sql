CREATE TABLE dbo.ProductAttribute (
    ProductID int,
    -- expect: SN1004
    AttributeName nvarchar(50),
    Value sql_variant,
    PRIMARY KEY (ProductID, AttributeName)
);
