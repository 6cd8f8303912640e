CREATE TABLE dbo.Customer (
    CustomerID int PRIMARY KEY,
    Name   nvarchar(50),
    -- expect: SN1002
    Phone1 varchar(20),
    Phone2 varchar(20),
    Phone3 varchar(20)
);
